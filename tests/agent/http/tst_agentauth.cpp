// SPDX-License-Identifier: GPL-3.0-or-later
// Authentication and transport security of a real haven-agent: bearer tokens on every
// endpoint but liveness, the metrics page, TLS with a pinned key or a CA file.

#include "agenttest.h"
#include "tests/agent/headertest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

QString pinFromAgent(const QString &certificatePath)
{
    QProcess process;
    process.start(QStringLiteral(HAVEN_AGENT_BINARY), {QStringLiteral("--pin"), certificatePath});
    if (!process.waitForFinished(10'000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace

class TestAgentAuth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void unauthorized_data();
    void unauthorized();
    void unauthorizedRequestsChangedNothing();
    void liveNeedsNoToken_data();
    void liveNeedsNoToken();
    void goodTokenIsServed();
    void metricsArePrometheusText();
    void tls_data();
    void tls();
    void plainHttpToTlsPortGetsNoHttpAnswer();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    QTemporaryDir m_tlsDir;
    std::unique_ptr<AgentProcess> m_tlsAgent;
};

void TestAgentAuth::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    QVERIFY(m_tlsDir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    HAVEN_START_AGENT(*m_agent, AgentProcess::Options());
    QVERIFY(m_agent->url().startsWith(QLatin1StringView("http://127.0.0.1:")));
    AgentProcess::Options tls;
    tls.tls = true;
    m_tlsAgent = std::make_unique<AgentProcess>(m_tlsDir.path());
    HAVEN_START_AGENT(*m_tlsAgent, tls);
    QVERIFY(m_tlsAgent->url().startsWith(QLatin1StringView("https://127.0.0.1:")));
}

void TestAgentAuth::cleanupTestCase()
{
    m_agent.reset();
    m_tlsAgent.reset();
}

void TestAgentAuth::unauthorized_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("token");         // empty: no Authorization header at all
    QTest::addColumn<QByteArray>("authorization"); // a raw header instead of a token

    const QByteArray action = R"({"operation":"wait.seconds","parameters":{"seconds":1},"idempotencyKey":"auth-test"})";
    const QByteArray fault = R"({"kind":"site_dark","durationSeconds":30})";
    const QByteArray inspection = R"({"kind":"script","interpreter":"shell","script":"touch )"
                                  + m_dir.filePath(QStringLiteral("inspected")).toUtf8() + R"(","timeoutSeconds":5})";
    const struct
    {
        const char *name;
        QByteArray method;
        QString path;
        QByteArray body;
    } endpoints[] = {
        {"site", "GET", QStringLiteral("/v1/site"), {}},
        {"topology", "GET", QStringLiteral("/v1/topology"), {}},
        {"changes", "GET", QStringLiteral("/v1/topology/changes?since=0&wait=0"), {}},
        {"operations", "GET", QStringLiteral("/v1/operations"), {}},
        {"actions", "GET", QStringLiteral("/v1/actions"), {}},
        {"start action", "POST", QStringLiteral("/v1/actions"), action},
        {"faults", "GET", QStringLiteral("/v1/faults"), {}},
        {"inject fault", "POST", QStringLiteral("/v1/faults"), fault},
        {"inspection", "POST", QStringLiteral("/v1/inspections"), inspection},
        {"metrics", "GET", QStringLiteral("/metrics"), {}},
        {"unknown /v1 path", "GET", QStringLiteral("/v1/no-such-thing"), {}},
        {"unknown path", "GET", QStringLiteral("/admin"), {}},
    };
    for (const auto &endpoint : endpoints) {
        QTest::addRow("%s, no token", endpoint.name)
            << endpoint.method << endpoint.path << endpoint.body << QByteArray() << QByteArray();
        QTest::addRow("%s, wrong token", endpoint.name)
            << endpoint.method << endpoint.path << endpoint.body << QByteArray("not-the-token") << QByteArray();
    }
    QTest::addRow("basic instead of bearer") << QByteArray("GET") << QStringLiteral("/v1/site") << QByteArray()
                                             << QByteArray() << QByteArray("Authorization: Basic dXNlcjpwYXNz");
    QTest::addRow("bearer without token") << QByteArray("GET") << QStringLiteral("/v1/site") << QByteArray()
                                          << QByteArray() << QByteArray("Authorization: Bearer ");
}

void TestAgentAuth::unauthorized()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, authorization);

    HttpClient client(m_agent->url(), token);
    QList<QByteArray> headers;
    if (!body.isEmpty())
        headers.append("Content-Type: application/json");
    if (!authorization.isEmpty())
        headers.append(authorization);
    const HttpResult result = client.request(method, path, body, headers);
    QCOMPARE(result.curlCode, 0);
    QCOMPARE(result.status, 401L);
    // Only the error shape: nothing about the site leaks to a client without a token.
    const QJsonObject json = result.json();
    QCOMPARE(json.keys(), QStringList{QStringLiteral("error")});
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("message")}));
    QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
    QVERIFY(headerValue(result.headers, "www-authenticate").startsWith("Bearer"));
}

void TestAgentAuth::unauthorizedRequestsChangedNothing()
{
    const HttpClient client(m_agent->url(), m_agent->token());
    const HttpResult actions = client.get(QStringLiteral("/v1/actions"));
    QCOMPARE(actions.status, 200L);
    QVERIFY(actions.json().value(QStringLiteral("actions")).isArray());
    QCOMPARE(actions.json().value(QStringLiteral("actions")).toArray().size(), 0);
    const HttpResult byKey = client.get(QStringLiteral("/v1/actions?key=auth-test"));
    QCOMPARE(byKey.status, 200L);
    QCOMPARE(byKey.json().value(QStringLiteral("actions")).toArray().size(), 0);
    const HttpResult faults = client.get(QStringLiteral("/v1/faults?all=1"));
    QCOMPARE(faults.status, 200L);
    QCOMPARE(faults.json().value(QStringLiteral("faults")).toArray().size(), 0);
    QTest::qWait(200);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("inspected"))));
}

void TestAgentAuth::liveNeedsNoToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addRow("no token") << QByteArray();
    QTest::addRow("wrong token") << QByteArray("not-the-token");
    QTest::addRow("good token") << QByteArray("good");
}

void TestAgentAuth::liveNeedsNoToken()
{
    QFETCH(QByteArray, token);
    const HttpClient client(m_agent->url(), token == "good" ? m_agent->token() : token);
    const HttpResult result = client.get(QStringLiteral("/v1/live"));
    QCOMPARE(result.status, 200L);
    QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
}

void TestAgentAuth::goodTokenIsServed()
{
    const HttpClient client(m_agent->url(), m_agent->token());
    const HttpResult site = client.get(QStringLiteral("/v1/site"));
    QCOMPARE(site.status, 200L);
    QVERIFY(!site.json().value(QStringLiteral("id")).toString().isEmpty());
    QCOMPARE(site.json().value(QStringLiteral("protocolVersion")).toInt(), 1);
    // An unknown path with a good token is a 404, not a 401.
    const HttpResult unknown = client.get(QStringLiteral("/v1/no-such-thing"));
    QCOMPARE(unknown.status, 404L);
    QCOMPARE(unknown.errorCode(), QStringLiteral("not_found"));
}

void TestAgentAuth::metricsArePrometheusText()
{
    const HttpClient anonymous(m_agent->url());
    QCOMPARE(anonymous.get(QStringLiteral("/metrics")).status, 401L);

    const HttpClient client(m_agent->url(), m_agent->token());
    const HttpResult result = client.get(QStringLiteral("/metrics"));
    QCOMPARE(result.status, 200L);
    QVERIFY(headerValue(result.headers, "content-type").startsWith("text/plain"));

    static const QRegularExpression help(QStringLiteral(R"(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \S.*$)"));
    static const QRegularExpression type(
        QStringLiteral(R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)"));
    static const QRegularExpression sample(QStringLiteral(
        R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (-?[0-9.eE+-]+|NaN|[+-]Inf)$)"));
    const QStringList lines = QString::fromUtf8(result.body).split(QLatin1Char('\n'));
    QVERIFY(result.body.endsWith('\n'));
    QSet<QString> typed;
    QSet<QString> helped;
    QHash<QString, double> samples; // name{labels} -> value
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        if (const QRegularExpressionMatch m = help.match(line); m.hasMatch()) {
            helped.insert(m.captured(1));
            continue;
        }
        if (const QRegularExpressionMatch m = type.match(line); m.hasMatch()) {
            QVERIFY2(!typed.contains(m.captured(1)), qPrintable(QStringLiteral("TYPE twice: ") + line));
            typed.insert(m.captured(1));
            continue;
        }
        const QRegularExpressionMatch m = sample.match(line);
        QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("not Prometheus text: ") + line));
        QString family = m.captured(1);
        for (const QLatin1StringView suffix :
             {QLatin1StringView("_bucket"), QLatin1StringView("_sum"), QLatin1StringView("_count")}) {
            if (!typed.contains(family) && family.endsWith(suffix))
                family.chop(suffix.size());
        }
        QVERIFY2(typed.contains(family), qPrintable(QStringLiteral("sample before its TYPE: ") + line));
        bool ok = false;
        samples.insert(line.section(QLatin1Char(' '), 0, -2), line.section(QLatin1Char(' '), -1).toDouble(&ok));
    }
    QVERIFY(typed.contains(QStringLiteral("haven_agent_info")));
    QVERIFY(helped.contains(QStringLiteral("haven_agent_info")));
    const QString siteId = client.get(QStringLiteral("/v1/site")).json().value(QStringLiteral("id")).toString();
    bool infoFound = false;
    for (auto it = samples.cbegin(); it != samples.cend(); ++it) {
        if (it.key().startsWith(QLatin1StringView("haven_agent_info{"))) {
            infoFound = true;
            QVERIFY2(it.key().contains(QStringLiteral("site=\"%1\"").arg(siteId)), qPrintable(it.key()));
            QCOMPARE(it.value(), 1.0);
        }
    }
    QVERIFY(infoFound);
    // The refusals of this test run were counted.
    QVERIFY(samples.value(QStringLiteral("haven_agent_http_responses_total{code=\"401\"}")) >= 2);
}

void TestAgentAuth::tls_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("pinned key") << pinOf(testData(QStringLiteral("tls/cert.pem"))) << QString() << true;
    QTest::addRow("another key's pin") << pinOf(testData(QStringLiteral("tls/other-cert.pem"))) << QString() << false;
    QTest::addRow("CA file") << QString() << testData(QStringLiteral("tls/cert.pem")) << true;
    QTest::addRow("another CA file") << QString() << testData(QStringLiteral("tls/other-cert.pem")) << false;
    QTest::addRow("CA file and pin") << pinOf(testData(QStringLiteral("tls/cert.pem")))
                                     << testData(QStringLiteral("tls/cert.pem")) << true;
}

void TestAgentAuth::tls()
{
    QFETCH(QString, pin);
    QFETCH(QString, caFile);
    QFETCH(bool, accepted);

    // The agent's own idea of its pin matches the one computed here, for both certificates.
    QCOMPARE(m_tlsAgent->pin(), pinOf(testData(QStringLiteral("tls/cert.pem"))));
    QCOMPARE(pinFromAgent(testData(QStringLiteral("tls/other-cert.pem"))),
             pinOf(testData(QStringLiteral("tls/other-cert.pem"))));
    QVERIFY(pinOf(testData(QStringLiteral("tls/other-cert.pem"))) != m_tlsAgent->pin());

    HttpClient client(m_tlsAgent->url(), m_tlsAgent->token());
    client.setPin(pin);
    client.setCaFile(caFile);
    client.setTimeoutMs(5000);
    const HttpResult result = client.get(QStringLiteral("/v1/site"));
    if (accepted) {
        QVERIFY2(result.curlCode == CURLE_OK, qPrintable(result.error));
        QCOMPARE(result.status, 200L);
        QVERIFY(!result.json().value(QStringLiteral("id")).toString().isEmpty());
    } else {
        QCOMPARE(result.status, 0L);
        QVERIFY(result.curlCode != CURLE_OK);
        if (!pin.isEmpty())
            QCOMPARE(result.curlCode, int(CURLE_SSL_PINNEDPUBKEYNOTMATCH));
    }
}

void TestAgentAuth::plainHttpToTlsPortGetsNoHttpAnswer()
{
    QString url = m_tlsAgent->url();
    url.replace(QLatin1StringView("https://"), QLatin1StringView("http://"));
    HttpClient client(url, m_tlsAgent->token());
    client.setTimeoutMs(3000);
    const HttpResult result = client.get(QStringLiteral("/v1/site"));
    QCOMPARE(result.status, 0L);
    QVERIFY(result.curlCode != CURLE_OK);
    QVERIFY(!result.body.contains("\"id\""));
    // The TLS port still serves TLS afterwards.
    HttpClient good(m_tlsAgent->url(), m_tlsAgent->token());
    good.setPin(m_tlsAgent->pin());
    QCOMPARE(good.get(QStringLiteral("/v1/live")).status, 200L);
}

QTEST_GUILESS_MAIN(TestAgentAuth)
#include "tst_agentauth.moc"
