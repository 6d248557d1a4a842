// SPDX-License-Identifier: GPL-3.0-or-later
// Inspections run by a real haven-agent: scripts and HTTP probes, their verdicts and limits.

#include "agenttest.h"

#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

namespace {

QJsonObject shell(const QString &script, int timeoutSeconds, const QJsonObject &extra = {})
{
    QJsonObject request{{QStringLiteral("kind"), QStringLiteral("script")},
                        {QStringLiteral("interpreter"), QStringLiteral("shell")},
                        {QStringLiteral("script"), script},
                        {QStringLiteral("timeoutSeconds"), timeoutSeconds}};
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        request.insert(it.key(), it.value());
    return request;
}

} // namespace

class TestAgentInspections final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void verdicts_data();
    void verdicts();
    void invalid_data();
    void invalid();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

void TestAgentInspections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.path());
    HAVEN_START_AGENT(*m_agent, AgentProcess::Options());
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
}

void TestAgentInspections::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestAgentInspections::verdicts_data()
{
    QTest::addColumn<QJsonObject>("request"); // "{url}" in a url is the agent's own address
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("summaryHas");
    QTest::addColumn<QString>("evidenceHas");

    const QString live = QStringLiteral("{url}/v1/live");
    QTest::addRow("shell pass") << shell(QStringLiteral("echo disk ok; exit 0"), 5,
                                         {{QStringLiteral("expectOutput"), QStringLiteral("disk o+k")}})
                                << QStringLiteral("pass") << QStringLiteral("exit code 0") << QStringLiteral("disk ok");
    QTest::addRow("shell fail by exit code")
        << shell(QStringLiteral("echo disk full; exit 3"), 5) << QStringLiteral("fail") << QStringLiteral("exit code 3")
        << QStringLiteral("disk full");
    QTest::addRow("shell fail by output")
        << shell(QStringLiteral("echo disk 97%"), 5,
                 {{QStringLiteral("expectOutput"), QStringLiteral("^disk [0-7]?[0-9]%")}})
        << QStringLiteral("fail") << QStringLiteral("does not match") << QStringLiteral("disk 97%");
    QTest::addRow("shell timeout") << shell(QStringLiteral("echo started; sleep 30"), 1) << QStringLiteral("error")
                                   << QStringLiteral("timed out") << QStringLiteral("started");
    QTest::addRow("http pass") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                              {QStringLiteral("url"), live},
                                              {QStringLiteral("bodyContains"), QStringLiteral("\"ok\"")},
                                              {QStringLiteral("timeoutSeconds"), 5}}
                               << QStringLiteral("pass") << QString() << QString();
    QTest::addRow("http wrong status") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                      {QStringLiteral("url"), live},
                                                      {QStringLiteral("expectStatus"), 204},
                                                      {QStringLiteral("timeoutSeconds"), 5}}
                                       << QStringLiteral("fail") << QStringLiteral("200") << QString();
    QTest::addRow("http body mismatch") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                       {QStringLiteral("url"), live},
                                                       {QStringLiteral("bodyContains"), QStringLiteral("degraded")},
                                                       {QStringLiteral("timeoutSeconds"), 5}}
                                        << QStringLiteral("fail") << QString() << QString();
    QTest::addRow("http 401 expected") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("http")},
                                                      {QStringLiteral("url"), QStringLiteral("{url}/v1/site")},
                                                      {QStringLiteral("expectStatus"), 401},
                                                      {QStringLiteral("timeoutSeconds"), 5}}
                                       << QStringLiteral("pass") << QString() << QString();
}

void TestAgentInspections::verdicts()
{
    QFETCH(QJsonObject, request);
    QFETCH(QString, verdict);
    QFETCH(QString, summaryHas);
    QFETCH(QString, evidenceHas);
    if (request.contains(QStringLiteral("url"))) {
        request.insert(QStringLiteral("url"),
                       request.value(QStringLiteral("url")).toString().replace(QStringLiteral("{url}"), m_agent->url()));
    }
    QElapsedTimer clock;
    clock.start();
    const HttpResult result = m_client->post(QStringLiteral("/v1/inspections"), request);
    QVERIFY2(result.status == 200, result.body.constData());
    QString error;
    const std::optional<InspectionResult> inspection
        = InspectionResult::fromJson(result.json().value(QStringLiteral("result")).toObject(), &error);
    QVERIFY2(inspection, qPrintable(error));
    QVERIFY2(inspection->verdict == verdict,
             qPrintable(inspection->verdict + QStringLiteral(": ") + inspection->summary));
    QVERIFY(!inspection->summary.isEmpty());
    QVERIFY2(inspection->summary.contains(summaryHas), qPrintable(inspection->summary));
    QVERIFY2(inspection->evidence.contains(evidenceHas), qPrintable(inspection->evidence));
    QVERIFY(inspection->durationMs >= 0);
    QVERIFY(inspection->durationMs <= clock.elapsed());
    if (verdict == QLatin1StringView("error")) {
        // The timeout was the rule's, not the sleep's.
        QVERIFY2(clock.elapsed() < 10'000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(inspection->durationMs >= 900);
    }
}

void TestAgentInspections::invalid_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("messageHas");

    auto json = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    QTest::addRow("empty object") << json({}) << 400L << QStringLiteral("invalid_inspection") << QStringLiteral("kind");
    QTest::addRow("unknown kind") << json({{QStringLiteral("kind"), QStringLiteral("ftp")}}) << 400L
                                  << QStringLiteral("invalid_inspection") << QStringLiteral("kind");
    QJsonObject noTimeout = shell(QStringLiteral("true"), 5);
    noTimeout.remove(QStringLiteral("timeoutSeconds"));
    QTest::addRow("script without timeout")
        << json(noTimeout) << 400L << QStringLiteral("invalid_inspection") << QStringLiteral("timeoutSeconds");
    QJsonObject cobol = shell(QStringLiteral("true"), 5);
    cobol.insert(QStringLiteral("interpreter"), QStringLiteral("cobol"));
    QTest::addRow("unknown interpreter") << json(cobol) << 400L << QStringLiteral("invalid_inspection")
                                         << QStringLiteral("interpreter");
    QTest::addRow("empty script") << json(shell(QStringLiteral("  "), 5)) << 400L
                                  << QStringLiteral("invalid_inspection") << QStringLiteral("script");
    QTest::addRow("bad regex") << json(
        shell(QStringLiteral("true"), 5, {{QStringLiteral("expectOutput"), QStringLiteral("(")}}))
                               << 400L << QStringLiteral("invalid_inspection") << QStringLiteral("expectOutput");
    QTest::addRow("http without url") << json({{QStringLiteral("kind"), QStringLiteral("http")}}) << 400L
                                      << QStringLiteral("invalid_inspection") << QStringLiteral("url");
    QTest::addRow("ftp url") << json(
        {{QStringLiteral("kind"), QStringLiteral("http")}, {QStringLiteral("url"), QStringLiteral("ftp://127.0.0.1/")}})
                             << 400L << QStringLiteral("invalid_inspection") << QStringLiteral("url");
    QTest::addRow("impossible status") << json({{QStringLiteral("kind"), QStringLiteral("http")},
                                                {QStringLiteral("url"), QStringLiteral("http://127.0.0.1/")},
                                                {QStringLiteral("expectStatus"), 999}})
                                       << 400L << QStringLiteral("invalid_inspection")
                                       << QStringLiteral("expectStatus");
    QTest::addRow("not JSON") << QByteArray("kind=script") << 400L << QStringLiteral("malformed_json") << QString();
}

void TestAgentInspections::invalid()
{
    QFETCH(QByteArray, body);
    QFETCH(long, status);
    QFETCH(QString, code);
    QFETCH(QString, messageHas);
    const HttpResult result = m_client->request("POST", QStringLiteral("/v1/inspections"), body,
                                                {"Content-Type: application/json"});
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    const QString message
        = result.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(messageHas), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestAgentInspections)
#include "tst_agentinspections.moc"
