// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionrunner.h"

#include "agent/process/hookprocess.h"
#include "core/jsonfields.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#endif

#include <utility>

namespace Haven {

namespace {

const QString Pass = QStringLiteral("pass");
const QString Fail = QStringLiteral("fail");
const QString Error = QStringLiteral("error");

constexpr int MaxScriptTimeoutSeconds = 3600;
constexpr int MaxHttpTimeoutSeconds = 300;
constexpr int DefaultHttpTimeoutSeconds = 10;
constexpr qsizetype MaxScriptOutputBytes = 64 * 1024;
constexpr qsizetype MaxResponseBytes = 1024 * 1024;
constexpr qsizetype BodyExcerptBytes = 2048;

std::optional<QRegularExpression> optionalRegex(JsonFields &fields, const QString &key)
{
    const QString pattern = fields.optionalString(key);
    if (!fields.ok() || pattern.isEmpty())
        return std::nullopt;
    QRegularExpression regex(pattern);
    if (!regex.isValid()) {
        fields.fail(key, QStringLiteral("invalid regular expression at offset %1: %2")
                             .arg(regex.patternErrorOffset())
                             .arg(regex.errorString()));
        return std::nullopt;
    }
    return regex;
}

InspectionResult verdict(const QString &verdict, const QString &summary, const QString &evidence = {},
                         const QJsonObject &details = {})
{
    InspectionResult result;
    result.verdict = verdict;
    result.summary = summary;
    result.evidence = evidence;
    result.details = details;
    return result;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// --- script ------------------------------------------------------------------------------

struct ScriptRule
{
    QString interpreter; // as the request names it, for messages
    QString program;
    QStringList arguments;
    QByteArray standardInput;
    int timeoutSeconds = 0;
    int expectExitCode = 0;
    std::optional<QRegularExpression> expectOutput;
};

std::optional<ScriptRule> scriptRuleFromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json);
    ScriptRule rule;
    rule.interpreter = fields.requiredString(QStringLiteral("interpreter"));
    const QString script = fields.requiredString(QStringLiteral("script"));
    rule.timeoutSeconds = fields.boundedInteger(QStringLiteral("timeoutSeconds"), std::nullopt, 1,
                                                MaxScriptTimeoutSeconds);
    rule.expectExitCode = fields.boundedInteger(QStringLiteral("expectExitCode"), 0, 0, 255);
    rule.expectOutput = optionalRegex(fields, QStringLiteral("expectOutput"));
    if (fields.ok() && script.trimmed().isEmpty())
        fields.fail(QStringLiteral("script"), QStringLiteral("is empty"));
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    if (rule.interpreter == QLatin1StringView("shell")) {
        rule.program = QStringLiteral("/bin/sh");
        rule.arguments = {QStringLiteral("-c"), script};
    } else if (rule.interpreter == QLatin1StringView("python")) {
        // The script comes on stdin, so that it needs no temporary file.
        rule.program = QStringLiteral("python3");
        rule.arguments = {QStringLiteral("-")};
        rule.standardInput = script.toUtf8();
    } else {
        fields.fail(QStringLiteral("interpreter"),
                    QStringLiteral("expected one of shell | python, got %1").arg(quoted(rule.interpreter)));
    }
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return rule;
}

// Named fields: Options is a plain struct whose order may change.
HookProcess::Options processOptions(const ScriptRule &rule)
{
    HookProcess::Options options;
    options.program = rule.program;
    options.arguments = rule.arguments;
    options.input = rule.standardInput;
    options.timeout = std::chrono::seconds(rule.timeoutSeconds);
    options.outputCap = MaxScriptOutputBytes;
    return options;
}

class ScriptInspection final : public InspectionRunner
{
    Q_OBJECT
public:
    explicit ScriptInspection(ScriptRule rule)
        : m_rule(std::move(rule))
        , m_process(processOptions(m_rule))
    {
        connect(&m_process, &HookProcess::finished, this, &ScriptInspection::processFinished);
    }

    void start() override
    {
        if (isFinished())
            return; // cancelled before it started
        markStarted();
        m_process.start();
    }

    void cancel() override
    {
        if (m_process.isRunning())
            m_process.cancel(QStringLiteral("cancelled"));
        else
            finish(verdict(Error, QStringLiteral("cancelled before it ran")));
    }

private:
    void processFinished(const HookProcess::Result &run)
    {
        using Outcome = HookProcess::Outcome;
        if (run.outcome == Outcome::FailedToStart)
            return finish(verdict(Error, run.message));
        const QString output = QString::fromUtf8(run.output);
        QJsonObject details{{QStringLiteral("interpreter"), m_rule.interpreter},
                            {QStringLiteral("outputBytes"), run.outputBytes},
                            {QStringLiteral("outputTruncated"), run.truncated()}};
        QString status;
        InspectionResult result;
        if (run.outcome == Outcome::TimedOut || run.outcome == Outcome::Cancelled) {
            result.verdict = Error;
            result.summary = run.message;
            status = QStringLiteral("stopped: ") + run.message;
        } else if (run.outcome == Outcome::Crashed) {
            result.verdict = Error;
            result.summary = QStringLiteral("the script was killed by signal %1").arg(run.exitCode);
            status = result.summary;
        } else {
            details.insert(QStringLiteral("exitCode"), run.exitCode);
            status = run.describe();
            result = judge(run.exitCode, output);
        }
        result.evidence = status + QLatin1Char('\n') + output;
        if (run.truncated())
            result.evidence += QStringLiteral("\n[output truncated: %1 bytes in total]").arg(run.outputBytes);
        result.details = details;
        finish(std::move(result));
    }

    InspectionResult judge(int exitCode, const QString &output) const
    {
        InspectionResult result;
        result.verdict = Fail;
        if (exitCode != m_rule.expectExitCode) {
            result.summary = QStringLiteral("exit code %1, expected %2").arg(exitCode).arg(m_rule.expectExitCode);
        } else if (m_rule.expectOutput && !m_rule.expectOutput->match(output).hasMatch()) {
            result.summary = QStringLiteral("output does not match /%1/").arg(m_rule.expectOutput->pattern());
        } else {
            result.verdict = Pass;
            result.summary = m_rule.expectOutput ? QStringLiteral("exit code %1, output matches /%2/")
                                                       .arg(exitCode)
                                                       .arg(m_rule.expectOutput->pattern())
                                                 : QStringLiteral("exit code %1").arg(exitCode);
        }
        return result;
    }

    ScriptRule m_rule;
    HookProcess m_process;
};

// --- http --------------------------------------------------------------------------------

struct HttpLogin
{
    enum class Kind { None, Form, Basic };
    Kind kind = Kind::None;
    QUrl url;
    QByteArray method;
    QByteArray form; // application/x-www-form-urlencoded
    std::optional<int> expectStatus;
    QString user;
    QString password;
};

struct HttpRule
{
    QUrl url;
    QByteArray method;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int expectStatus = 200;
    QString bodyContains;
    std::optional<QRegularExpression> bodyRegex;
    int timeoutSeconds = DefaultHttpTimeoutSeconds;
    bool followRedirects = false;
    HttpLogin login;
#if QT_CONFIG(ssl)
    QList<QSslCertificate> caCertificates;
#endif
    bool insecureTls = false;
};

QUrl httpUrl(JsonFields &fields, const QString &key)
{
    const QString text = fields.requiredString(key);
    if (!fields.ok())
        return {};
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty()
        || (scheme != QLatin1StringView("http") && scheme != QLatin1StringView("https"))) {
        fields.fail(key, QStringLiteral("expected an http:// or https:// URL, got %1").arg(quoted(text)));
        return {};
    }
#if !QT_CONFIG(ssl)
    if (scheme == QLatin1StringView("https"))
        fields.fail(key, QStringLiteral("this agent was built without TLS support"));
#endif
    return url;
}

QByteArray httpMethod(JsonFields &fields, const QString &key, const QString &fallback)
{
    static const QStringList methods{QStringLiteral("GET"),    QStringLiteral("HEAD"),  QStringLiteral("POST"),
                                     QStringLiteral("PUT"),    QStringLiteral("PATCH"), QStringLiteral("DELETE"),
                                     QStringLiteral("OPTIONS")};
    const QString method = fields.optionalString(key, fallback);
    if (fields.ok() && !methods.contains(method)) {
        fields.fail(key, QStringLiteral("expected one of %1, got %2")
                             .arg(methods.join(QStringLiteral(" | ")), quoted(method)));
    }
    return method.toLatin1();
}

int httpStatus(JsonFields &fields, const QString &key, std::optional<int> fallback)
{
    return fields.boundedInteger(key, fallback, 100, 599);
}

std::optional<HttpLogin> httpLoginFromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json, QStringLiteral("login"));
    HttpLogin login;
    const QString type = fields.requiredString(QStringLiteral("type"));
    if (type == QLatin1StringView("form")) {
        login.kind = HttpLogin::Kind::Form;
        login.url = httpUrl(fields, QStringLiteral("url"));
        login.method = httpMethod(fields, QStringLiteral("method"), QStringLiteral("POST"));
        const QJsonObject formFields = fields.optionalObject(QStringLiteral("fields"));
        QUrlQuery form;
        for (auto it = formFields.constBegin(); fields.ok() && it != formFields.constEnd(); ++it) {
            if (!it.value().isString())
                fields.fail(QStringLiteral("fields.") + it.key(), QStringLiteral("expected a string"));
            form.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(it.key())),
                              QString::fromLatin1(QUrl::toPercentEncoding(it.value().toString())));
        }
        login.form = form.query(QUrl::FullyEncoded).toLatin1();
        if (fields.object().contains(QStringLiteral("expectStatus")))
            login.expectStatus = httpStatus(fields, QStringLiteral("expectStatus"), std::nullopt);
    } else if (type == QLatin1StringView("basic")) {
        login.kind = HttpLogin::Kind::Basic;
        login.user = fields.requiredString(QStringLiteral("user"));
        login.password = fields.requiredString(QStringLiteral("password"));
    } else if (fields.ok()) {
        fields.fail(QStringLiteral("type"), QStringLiteral("expected one of form | basic, got %1").arg(quoted(type)));
    }
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    return login;
}

std::optional<HttpRule> httpRuleFromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json);
    HttpRule rule;
    rule.url = httpUrl(fields, QStringLiteral("url"));
    rule.method = httpMethod(fields, QStringLiteral("method"), QStringLiteral("GET"));
    const QJsonObject headers = fields.optionalObject(QStringLiteral("headers"));
    for (auto it = headers.constBegin(); fields.ok() && it != headers.constEnd(); ++it) {
        if (!it.value().isString())
            fields.fail(QStringLiteral("headers.") + it.key(), QStringLiteral("expected a string"));
        rule.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    }
    rule.body = fields.optionalString(QStringLiteral("body")).toUtf8();
    rule.expectStatus = httpStatus(fields, QStringLiteral("expectStatus"), 200);
    rule.bodyContains = fields.optionalString(QStringLiteral("bodyContains"));
    rule.bodyRegex = optionalRegex(fields, QStringLiteral("bodyRegex"));
    rule.timeoutSeconds = fields.boundedInteger(QStringLiteral("timeoutSeconds"), DefaultHttpTimeoutSeconds, 1,
                                                MaxHttpTimeoutSeconds);
    rule.followRedirects = fields.optionalBool(QStringLiteral("followRedirects"), false);
    rule.insecureTls = fields.optionalBool(QStringLiteral("insecureTls"), false);
    const QString caFile = fields.optionalString(QStringLiteral("caFile"));
    const QJsonObject login = fields.optionalObject(QStringLiteral("login"));
#if QT_CONFIG(ssl)
    if (fields.ok() && !caFile.isEmpty()) {
        rule.caCertificates = QSslCertificate::fromPath(caFile, QSsl::Pem, QSslCertificate::PatternSyntax::FixedString);
        if (rule.caCertificates.isEmpty())
            fields.fail(QStringLiteral("caFile"),
                        QStringLiteral("no PEM certificate could be read from %1").arg(caFile));
    }
#else
    if (fields.ok() && (!caFile.isEmpty() || rule.insecureTls))
        fields.fail(QStringLiteral("caFile"), QStringLiteral("this agent was built without TLS support"));
#endif
    if (!fields.ok()) {
        *error = fields.error();
        return std::nullopt;
    }
    if (fields.object().contains(QStringLiteral("login"))) {
        std::optional<HttpLogin> parsedLogin = httpLoginFromJson(login, error);
        if (!parsedLogin)
            return std::nullopt;
        rule.login = std::move(*parsedLogin);
    }
    return rule;
}

class HttpInspection final : public InspectionRunner
{
    Q_OBJECT
public:
    explicit HttpInspection(HttpRule rule)
        : m_rule(std::move(rule))
    {
        m_network.setRedirectPolicy(m_rule.followRedirects ? QNetworkRequest::NoLessSafeRedirectPolicy
                                                           : QNetworkRequest::ManualRedirectPolicy);
        m_timeout.setSingleShot(true);
        connect(&m_timeout, &QTimer::timeout, this, [this] {
            stop(verdict(Fail, QStringLiteral("no complete answer within %1 s").arg(m_rule.timeoutSeconds)));
        });
    }

    ~HttpInspection() override
    {
        if (m_reply) {
            disconnect(m_reply, nullptr, this, nullptr);
            m_reply->abort();
        }
    }

    void start() override
    {
        if (isFinished())
            return; // cancelled before it started
        markStarted();
        m_timeout.start(std::chrono::seconds(m_rule.timeoutSeconds));
        if (m_rule.login.kind == HttpLogin::Kind::Form)
            sendLogin();
        else
            sendProbe();
    }

    void cancel() override { stop(verdict(Error, QStringLiteral("cancelled"))); }

private:
    QNetworkRequest request(const QUrl &url) const
    {
        QNetworkRequest request(url);
#if QT_CONFIG(ssl)
        if (!m_rule.caCertificates.isEmpty() || m_rule.insecureTls) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.addCaCertificates(m_rule.caCertificates);
            if (m_rule.insecureTls)
                tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            request.setSslConfiguration(tls);
        }
#endif
        return request;
    }

    void sendLogin()
    {
        QNetworkRequest login = request(m_rule.login.url);
        login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        send(m_network.sendCustomRequest(login, m_rule.login.method, m_rule.login.form), m_rule.login.method,
             &HttpInspection::loginFinished);
    }

    void sendProbe()
    {
        QNetworkRequest probe = request(m_rule.url);
        for (const auto &[name, value] : std::as_const(m_rule.headers))
            probe.setRawHeader(name, value);
        if (m_rule.login.kind == HttpLogin::Kind::Basic) {
            const QByteArray credentials = (m_rule.login.user + QLatin1Char(':') + m_rule.login.password).toUtf8();
            probe.setRawHeader(QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64());
        }
        send(m_network.sendCustomRequest(probe, m_rule.method, m_rule.body), m_rule.method,
             &HttpInspection::probeFinished);
    }

    void send(QNetworkReply *reply, const QByteArray &method, void (HttpInspection::*onFinished)())
    {
        m_reply = reply;
        m_currentMethod = method;
        m_body.clear();
        m_bodyBytes = 0;
        m_bodyCapped = false;
        connect(reply, &QNetworkReply::readyRead, this, &HttpInspection::readBody);
        connect(reply, &QNetworkReply::finished, this, onFinished);
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

    // The status of a request that reached the server; otherwise the verdict is out.
    std::optional<int> takeStatus(const QString &what)
    {
        if (isFinished()) {
            m_reply->deleteLater();
            m_reply = nullptr;
            return std::nullopt; // stopped by a timeout or a cancel
        }
        readBody();
        QNetworkReply *reply = std::exchange(m_reply, nullptr);
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            const QString evidence = QStringLiteral("%1 %2 -> %3")
                                         .arg(QString::fromLatin1(m_currentMethod), reply->url().toDisplayString(),
                                              reply->errorString());
            finish(verdict(Fail, QStringLiteral("%1 failed: %2").arg(what, reply->errorString()), evidence,
                           {{QStringLiteral("url"), reply->url().toString()},
                            {QStringLiteral("networkError"), static_cast<int>(reply->error())}}));
            return std::nullopt;
        }
        m_reasonPhrase = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        return status.toInt();
    }

    void loginFinished()
    {
        const std::optional<int> status = takeStatus(QStringLiteral("login"));
        if (!status)
            return;
        const bool accepted = m_rule.login.expectStatus ? *status == *m_rule.login.expectStatus : *status < 400;
        if (!accepted) {
            const QString expected = m_rule.login.expectStatus ? QString::number(*m_rule.login.expectStatus)
                                                               : QStringLiteral("below 400");
            const QString evidence = QStringLiteral("%1 %2 -> HTTP %3\n--- body ---\n%4")
                                         .arg(QString::fromLatin1(m_rule.login.method),
                                              m_rule.login.url.toDisplayString())
                                         .arg(*status)
                                         .arg(bodyExcerpt());
            finish(verdict(Fail, QStringLiteral("login failed: HTTP %1, expected %2").arg(*status).arg(expected),
                           evidence, {{QStringLiteral("loginStatus"), *status}}));
            return;
        }
        sendProbe();
    }

    void probeFinished()
    {
        const std::optional<int> status = takeStatus(QStringLiteral("request"));
        if (!status)
            return;
        m_timeout.stop();
        const QString body = QString::fromUtf8(m_body);
        QStringList checks;
        QString failure;
        QJsonObject details{{QStringLiteral("url"), m_rule.url.toString()},
                            {QStringLiteral("status"), *status},
                            {QStringLiteral("bodyBytes"), m_bodyBytes},
                            {QStringLiteral("bodyTruncated"), m_bodyCapped}};

        checks.append(QStringLiteral("status %1, expected %2").arg(*status).arg(m_rule.expectStatus));
        if (*status != m_rule.expectStatus)
            failure = QStringLiteral("HTTP %1, expected %2").arg(*status).arg(m_rule.expectStatus);

        if (!m_rule.bodyContains.isEmpty()) {
            const bool found = body.contains(m_rule.bodyContains);
            checks.append(QStringLiteral("body contains %1: %2")
                              .arg(quoted(m_rule.bodyContains), found ? QStringLiteral("yes") : QStringLiteral("no")));
            if (!found && failure.isEmpty())
                failure = QStringLiteral("body does not contain %1").arg(quoted(m_rule.bodyContains));
        }
        if (m_rule.bodyRegex) {
            const QRegularExpressionMatch match = m_rule.bodyRegex->match(body);
            if (match.hasMatch()) {
                checks.append(QStringLiteral("body matches /%1/: %2")
                                  .arg(m_rule.bodyRegex->pattern(), quoted(match.captured().left(200))));
                details.insert(QStringLiteral("matched"), match.captured().left(200));
            } else {
                checks.append(QStringLiteral("body matches /%1/: no").arg(m_rule.bodyRegex->pattern()));
                if (failure.isEmpty())
                    failure = QStringLiteral("body does not match /%1/").arg(m_rule.bodyRegex->pattern());
            }
        }

        const QString reason = m_reasonPhrase.isEmpty() ? QString() : QLatin1Char(' ') + m_reasonPhrase;
        const QString evidence = QStringLiteral("%1 %2 -> HTTP %3%4, %5 bytes%6\n%7\n--- body ---\n%8")
                                     .arg(QString::fromLatin1(m_rule.method), m_rule.url.toDisplayString())
                                     .arg(*status)
                                     .arg(reason)
                                     .arg(m_bodyBytes)
                                     .arg(m_bodyCapped ? QStringLiteral(" (read up to the size limit)") : QString())
                                     .arg(checks.join(QLatin1Char('\n')), bodyExcerpt());
        if (failure.isEmpty())
            finish(verdict(Pass, QStringLiteral("HTTP %1, content as expected").arg(*status), evidence, details));
        else
            finish(verdict(Fail, failure, evidence, details));
    }

    QString bodyExcerpt() const
    {
        QString excerpt = QString::fromUtf8(m_body.left(BodyExcerptBytes));
        if (m_body.size() > BodyExcerptBytes)
            excerpt += QStringLiteral("\n[body truncated: %1 bytes in total]").arg(m_bodyBytes);
        return excerpt;
    }

    void stop(InspectionResult result)
    {
        if (isFinished())
            return;
        m_timeout.stop();
        finish(std::move(result));
        if (m_reply)
            m_reply->abort(); // finished() arrives and is ignored: the verdict is out
    }

    HttpRule m_rule;
    QNetworkAccessManager m_network; // its own cookie jar: a login lasts for this probe only
    QTimer m_timeout;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_currentMethod;
    QByteArray m_body;
    qint64 m_bodyBytes = 0;
    bool m_bodyCapped = false;
    QString m_reasonPhrase;
};

} // namespace

// --- InspectionRunner --------------------------------------------------------------------

InspectionRunner::InspectionRunner(QObject *parent)
    : QObject(parent)
{ }

InspectionRunner::~InspectionRunner() = default;

std::unique_ptr<InspectionRunner> InspectionRunner::create(const QJsonObject &request, QString *error)
{
    JsonFields fields(request);
    const QString kind = fields.requiredString(QStringLiteral("kind"));
    if (fields.ok() && kind == QLatin1StringView("script")) {
        if (std::optional<ScriptRule> rule = scriptRuleFromJson(request, error))
            return std::make_unique<ScriptInspection>(std::move(*rule));
        return nullptr;
    }
    if (fields.ok() && kind == QLatin1StringView("http")) {
        if (std::optional<HttpRule> rule = httpRuleFromJson(request, error))
            return std::make_unique<HttpInspection>(std::move(*rule));
        return nullptr;
    }
    if (fields.ok())
        fields.fail(QStringLiteral("kind"), QStringLiteral("expected one of script | http, got %1").arg(quoted(kind)));
    *error = fields.error();
    return nullptr;
}

void InspectionRunner::markStarted()
{
    m_clock.start();
}

void InspectionRunner::finish(InspectionResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.durationMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    // Queued, so that no caller sees finished() from inside start() or cancel().
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)] { Q_EMIT finished(result); }, Qt::QueuedConnection);
}

} // namespace Haven

#include "inspectionrunner.moc"
