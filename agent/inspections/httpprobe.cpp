// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpprobe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#endif

#include <utility>

namespace Haven {

namespace {

constexpr qsizetype MaxResponseBytes = 1024 * 1024;
constexpr qsizetype BodyExcerptBytes = 2048;

const QRegularExpression referencePattern(QStringLiteral("\\$\\{(secret:)?([A-Za-z_][A-Za-z0-9_]*)\\}"));

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// The secrets a check refers to, to check before it runs.
QStringList secretReferences(const InspectionCheck &check)
{
    QStringList names;
    for (const ProbeStep &step : check.steps) {
        QStringList texts{step.request.url, step.request.body};
        texts.append(step.request.headers.values());
        for (const QString &text : std::as_const(texts)) {
            for (const QRegularExpressionMatch &match : referencePattern.globalMatch(text)) {
                if (!match.captured(1).isEmpty())
                    names.append(match.captured(2));
            }
        }
    }
    return names;
}

bool compareJson(const QJsonValue &actual, const QString &op, const QJsonValue &expected)
{
    if (op == QLatin1StringView("contains")) {
        if (actual.isArray())
            return actual.toArray().contains(expected);
        return actual.toString().contains(expected.toString());
    }
    if (op == QLatin1StringView("=="))
        return actual == expected;
    if (op == QLatin1StringView("!="))
        return actual != expected;
    // Order compares numbers, or strings that hold numbers ("lag": "12.5").
    bool okActual = actual.isDouble();
    bool okExpected = expected.isDouble();
    const double a = actual.isDouble() ? actual.toDouble() : actual.toString().toDouble(&okActual);
    const double e = expected.isDouble() ? expected.toDouble() : expected.toString().toDouble(&okExpected);
    if (!okActual || !okExpected)
        return false;
    if (op == QLatin1StringView("<"))
        return a < e;
    if (op == QLatin1StringView("<="))
        return a <= e;
    if (op == QLatin1StringView(">"))
        return a > e;
    return a >= e;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 15);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

class HttpProbe final : public InspectionRunner
{
    Q_OBJECT
public:
    HttpProbe(const InspectionCheck &check, const InspectionContext &context)
        : InspectionRunner(check)
        , m_context(context)
    {
        m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a 302 is judged as it is
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            stop(result(toStatus(this->check().severity),
                        QStringLiteral("no complete answer within %1 s").arg(this->check().timeoutSeconds),
                        m_transcript.join(QLatin1Char('\n'))));
        });
#if QT_CONFIG(ssl)
        if (!check.caFile.isEmpty())
            m_caCertificates = QSslCertificate::fromPath(check.caFile, QSsl::Pem,
                                                         QSslCertificate::PatternSyntax::FixedString);
#endif
    }

    ~HttpProbe() override
    {
        if (m_reply) {
            disconnect(m_reply, nullptr, this, nullptr);
            m_reply->abort();
        }
    }

    void start() override
    {
        if (isFinished())
            return;
        markStarted();
        m_timeout.start(std::chrono::seconds(check().timeoutSeconds));
        sendStep();
    }

    void cancel() override
    {
        stop(result(InspectionStatus::Unknown, QStringLiteral("cancelled")));
    }

private:
    // ${name} from earlier steps, ${secret:NAME} from the secrets file; nullopt with *missing
    // set when a name has no value.
    std::optional<QString> fill(const QString &text, QString *missing) const
    {
        QString out;
        qsizetype last = 0;
        for (const QRegularExpressionMatch &match : referencePattern.globalMatch(text)) {
            out += text.mid(last, match.capturedStart() - last);
            const bool secret = !match.captured(1).isEmpty();
            const QString name = match.captured(2);
            const QHash<QString, QString> &values = secret ? m_context.secrets : m_variables;
            if (!values.contains(name)) {
                *missing = match.captured();
                return std::nullopt;
            }
            out += values.value(name);
            last = match.capturedEnd();
        }
        return out + text.mid(last);
    }

    // What may be shown: every secret value replaced by its name.
    QString redacted(QString text) const
    {
        for (auto it = m_context.secrets.cbegin(); it != m_context.secrets.cend(); ++it) {
            if (!it.value().isEmpty())
                text.replace(it.value(), QStringLiteral("[secret %1]").arg(it.key()));
        }
        return text;
    }

    QString stepName() const
    {
        return check().steps.size() > 1 ? QStringLiteral("step %1: ").arg(m_step + 1) : QString();
    }

    void fail(InspectionStatus status, const QString &summary, QJsonObject evidence = {})
    {
        evidence.insert(QStringLiteral("step"), m_step + 1);
        m_timeout.stop();
        finish(result(status, redacted(stepName() + summary), redacted(m_transcript.join(QLatin1Char('\n'))), evidence));
    }

    void sendStep()
    {
        const ProbeStep &step = check().steps.at(m_step);
        QString missing;
        const std::optional<QString> url = fill(step.request.url, &missing);
        const std::optional<QString> body = url ? fill(step.request.body, &missing) : std::nullopt;
        if (!url || !body)
            return fail(InspectionStatus::Unknown,
                        QStringLiteral("%1 has no value (no earlier step set it)").arg(missing));
        m_url = QUrl(*url, QUrl::StrictMode);
        if (!m_url.isValid() || m_url.host().isEmpty())
            return fail(InspectionStatus::Unknown, QStringLiteral("%1 is not a URL").arg(quoted(redacted(*url))));
        if (!m_context.hostAllowed(m_url.host()))
            return fail(InspectionStatus::Unknown,
                        QStringLiteral("host %1 is not in this agent's probe_hosts").arg(m_url.host()));
        QNetworkRequest request(m_url);
        for (auto it = step.request.headers.cbegin(); it != step.request.headers.cend(); ++it) {
            const std::optional<QString> value = fill(it.value(), &missing);
            if (!value)
                return fail(InspectionStatus::Unknown,
                            QStringLiteral("%1 has no value (no earlier step set it)").arg(missing));
            request.setRawHeader(it.key().toUtf8(), value->toUtf8());
        }
        if (!body->isEmpty() && !step.request.headers.contains(QStringLiteral("Content-Type")))
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
#if QT_CONFIG(ssl)
        if (!m_caCertificates.isEmpty() || check().insecureTls) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(m_caCertificates);
            if (check().insecureTls)
                tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            request.setSslConfiguration(tls);
        }
#endif
        m_body.clear();
        m_bodyBytes = 0;
        m_bodyCapped = false;
        m_stepClock.start();
        m_reply = m_network.sendCustomRequest(request, step.request.method.toLatin1(), body->toUtf8());
        connect(m_reply, &QNetworkReply::readyRead, this, &HttpProbe::readBody);
        connect(m_reply, &QNetworkReply::finished, this, &HttpProbe::stepFinished);
    }

    void readBody()
    {
        if (m_bodyCapped)
            return;
        const QByteArray chunk = m_reply->readAll();
        m_bodyBytes += chunk.size();
        m_body.append(chunk.left(MaxResponseBytes - m_body.size()));
        if (m_bodyBytes > MaxResponseBytes) {
            m_bodyCapped = true; // judge what arrived; the rest would only cost memory
            m_reply->abort();
        }
    }

    void stepFinished()
    {
        if (!isFinished())
            readBody();
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->deleteLater();
        if (isFinished())
            return; // stopped by the timeout or a cancel
        const qint64 elapsedMs = m_stepClock.elapsed();
        const ProbeStep &step = check().steps.at(m_step);
        const QString line = QStringLiteral("%1 %2").arg(step.request.method, m_url.toDisplayString());
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            m_transcript.append(line + QStringLiteral(" -> ") + reply->errorString());
            return fail(toStatus(check().severity), QStringLiteral("%1 failed: %2").arg(line, reply->errorString()),
                        {{QStringLiteral("url"), redacted(m_url.toString())},
                         {QStringLiteral("networkError"), int(reply->error())}});
        }
        const int status = statusAttribute.toInt();
        m_transcript.append(
            QStringLiteral("%1 -> HTTP %2, %3 bytes, %4 ms").arg(line).arg(status).arg(m_bodyBytes).arg(elapsedMs));
        QJsonObject evidence{{QStringLiteral("url"), redacted(m_url.toString())},
                             {QStringLiteral("status"), status},
                             {QStringLiteral("responseMs"), elapsedMs},
                             {QStringLiteral("bodyBytes"), m_bodyBytes}};
        const QString failure = judge(step.conditions, *reply, status, elapsedMs, &evidence);
        if (failure.isEmpty())
            m_evidence.append(evidence);
        if (!failure.isEmpty() || m_step + 1 == check().steps.size())
            m_transcript.append(QStringLiteral("--- body ---\n") + bodyExcerpt());
        if (!failure.isEmpty())
            return fail(toStatus(check().severity), failure, evidence);
        for (const ProbeExtract &extract : step.extract) {
            const std::optional<QString> value = extracted(extract, *reply);
            if (!value) {
                return fail(toStatus(check().severity),
                            QStringLiteral("no value for %1 (%2 %3)").arg(extract.name, extract.from, extract.path),
                            evidence);
            }
            m_variables.insert(extract.name, *value);
            m_transcript.append(QStringLiteral("extracted %1 from %2 %3").arg(extract.name, extract.from, extract.path));
        }
        if (++m_step < check().steps.size())
            return sendStep();
        m_timeout.stop();
        const QJsonObject last = m_evidence.last().toObject();
        QJsonObject summaryEvidence = last;
        if (m_evidence.size() > 1)
            summaryEvidence.insert(QStringLiteral("steps"), m_evidence);
        finish(result(InspectionStatus::Ok,
                      QStringLiteral("%1HTTP %2 in %3 ms, every condition holds")
                          .arg(check().steps.size() > 1 ? QStringLiteral("%1 steps, ").arg(check().steps.size())
                                                        : QString())
                          .arg(last.value(QStringLiteral("status")).toInt())
                          .arg(last.value(QStringLiteral("responseMs")).toInteger()),
                      redacted(m_transcript.join(QLatin1Char('\n'))), summaryEvidence));
    }

    // The first condition that does not hold, or empty; each check also goes to the transcript.
    QString judge(const ProbeConditions &conditions, const QNetworkReply &reply, int status, qint64 elapsedMs,
                  QJsonObject *evidence)
    {
        QString failure;
        const auto check = [&](bool holds, const QString &what) {
            m_transcript.append(what + (holds ? QStringLiteral(": yes") : QStringLiteral(": NO")));
            if (!holds && failure.isEmpty())
                failure = what + QStringLiteral(" does not hold");
        };
        if (conditions.status.isEmpty()) {
            check(status >= 200 && status < 400, QStringLiteral("status %1 in 200..399").arg(status));
        } else {
            QStringList expected;
            for (int s : conditions.status)
                expected.append(QString::number(s));
            check(conditions.status.contains(status),
                  QStringLiteral("status %1 in [%2]").arg(status).arg(expected.join(QStringLiteral(", "))));
        }
        const QString body = QString::fromUtf8(m_body);
        if (!conditions.bodyContains.isEmpty())
            check(body.contains(conditions.bodyContains),
                  QStringLiteral("body contains %1").arg(quoted(conditions.bodyContains)));
        if (!conditions.bodyRegex.isEmpty()) {
            const QRegularExpressionMatch match = QRegularExpression(conditions.bodyRegex).match(body);
            if (match.hasMatch())
                evidence->insert(QStringLiteral("matched"), match.captured().left(200));
            check(match.hasMatch(), QStringLiteral("body matches /%1/").arg(conditions.bodyRegex));
        }
        if (!conditions.json.isEmpty()) {
            const QJsonDocument document = QJsonDocument::fromJson(m_body);
            const QJsonValue root = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
            for (const JsonCondition &condition : conditions.json) {
                const std::optional<QJsonValue> value = document.isNull() ? std::nullopt
                                                                          : jsonPathValue(root, condition.path);
                if (value)
                    evidence->insert(condition.path, *value);
                check(value && compareJson(*value, condition.op, condition.value),
                      QStringLiteral("%1 (%2) %3 %4")
                          .arg(condition.path, value ? jsonText(*value) : QStringLiteral("absent"), condition.op,
                               jsonText(condition.value)));
            }
        }
        if (conditions.maxResponseMs)
            check(elapsedMs <= *conditions.maxResponseMs,
                  QStringLiteral("response time %1 ms <= %2 ms").arg(elapsedMs).arg(*conditions.maxResponseMs));
        if (conditions.minCertificateDays) {
            qint64 daysLeft = -1;
#if QT_CONFIG(ssl)
            const QSslCertificate peer = reply.sslConfiguration().peerCertificate();
            if (!peer.isNull())
                daysLeft = QDateTime::currentDateTimeUtc().daysTo(peer.expiryDate());
#else
            Q_UNUSED(reply);
#endif
            evidence->insert(QStringLiteral("certificateDaysLeft"), daysLeft);
            check(daysLeft >= *conditions.minCertificateDays,
                  daysLeft < 0 ? QStringLiteral("a TLS certificate to check (none was presented)")
                               : QStringLiteral("certificate days left %1 >= %2")
                                     .arg(daysLeft)
                                     .arg(*conditions.minCertificateDays));
        }
        return failure;
    }

    std::optional<QString> extracted(const ProbeExtract &extract, const QNetworkReply &reply) const
    {
        if (extract.from == QLatin1StringView("json")) {
            const QJsonDocument document = QJsonDocument::fromJson(m_body);
            if (document.isNull())
                return std::nullopt;
            const QJsonValue root = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
            const std::optional<QJsonValue> value = jsonPathValue(root, extract.path);
            return value ? std::optional(jsonText(*value)) : std::nullopt;
        }
        if (extract.from == QLatin1StringView("regex")) {
            const QRegularExpressionMatch match = QRegularExpression(extract.path).match(QString::fromUtf8(m_body));
            if (!match.hasMatch())
                return std::nullopt;
            return match.lastCapturedIndex() >= 1 ? match.captured(1) : match.captured();
        }
        if (extract.from == QLatin1StringView("header")) {
            if (!reply.hasRawHeader(extract.path.toUtf8()))
                return std::nullopt;
            return QString::fromUtf8(reply.rawHeader(extract.path.toUtf8()));
        }
        const QList<QNetworkCookie> cookies = m_network.cookieJar()->cookiesForUrl(m_url);
        for (const QNetworkCookie &cookie : cookies) {
            if (QString::fromUtf8(cookie.name()) == extract.path)
                return QString::fromUtf8(cookie.value());
        }
        return std::nullopt;
    }

    QString bodyExcerpt() const
    {
        QString excerpt = QString::fromUtf8(m_body.left(BodyExcerptBytes));
        if (m_body.size() > BodyExcerptBytes || m_bodyCapped)
            excerpt += QStringLiteral("\n[body truncated: %1 bytes in total]").arg(m_bodyBytes);
        return excerpt;
    }

    void stop(InspectionCheckResult stopped)
    {
        if (isFinished())
            return;
        m_timeout.stop();
        stopped.summary = redacted(stopped.summary);
        stopped.output = redacted(stopped.output);
        finish(std::move(stopped));
        if (m_reply)
            m_reply->abort(); // finished() arrives and is ignored: the status is out
    }

    InspectionContext m_context;
    QNetworkAccessManager m_network; // its own cookie jar: cookies last for this probe only
    QTimer m_timeout;
    QElapsedTimer m_stepClock;
    QNetworkReply *m_reply = nullptr;
    qsizetype m_step = 0;
    QUrl m_url;
    QHash<QString, QString> m_variables;
    QByteArray m_body;
    qint64 m_bodyBytes = 0;
    bool m_bodyCapped = false;
    QStringList m_transcript;
    QJsonArray m_evidence;
#if QT_CONFIG(ssl)
    QList<QSslCertificate> m_caCertificates;
#endif
};

} // namespace

std::unique_ptr<InspectionRunner> createHttpProbe(const InspectionCheck &check, const InspectionContext &context,
                                                  InspectionRunner::Refusal *refusal)
{
    for (qsizetype i = 0; i < check.steps.size(); ++i) {
        // A host given literally is checked now; one filled in from a step is checked before it is asked.
        const QUrl url(check.steps.at(i).request.url);
        const QString field = check.kind == InspectionKind::Http ? QStringLiteral("url")
                                                                 : QStringLiteral("steps[%1].request.url").arg(i);
        if (!url.host().contains(QLatin1Char('$')) && !url.host().isEmpty() && !context.hostAllowed(url.host())) {
            *refusal = {403, QStringLiteral("probe_host_not_allowed"),
                        QStringLiteral("%1: this agent probes only hosts in its probe_hosts configuration (%2), not %3")
                            .arg(field,
                                 context.probeHosts.isEmpty() ? QStringLiteral("none configured")
                                                              : context.probeHosts.join(QStringLiteral(", ")),
                                 url.host())};
            return nullptr;
        }
    }
    const QStringList secrets = secretReferences(check);
    for (const QString &name : secrets) {
        if (!context.secrets.contains(name)) {
            *refusal = {400, QStringLiteral("invalid_inspection"),
                        QStringLiteral("${secret:%1} is not in this agent's secrets file").arg(name)};
            return nullptr;
        }
    }
#if QT_CONFIG(ssl)
    if (!check.caFile.isEmpty()
        && QSslCertificate::fromPath(check.caFile, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString).isEmpty()) {
        *refusal = {400, QStringLiteral("invalid_inspection"),
                    QStringLiteral("caFile: no PEM certificate could be read from %1").arg(check.caFile)};
        return nullptr;
    }
#endif
    return std::make_unique<HttpProbe>(check, context);
}

} // namespace Haven

#include "httpprobe.moc"
