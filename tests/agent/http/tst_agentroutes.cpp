// SPDX-License-Identifier: GPL-3.0-or-later
// The route table of a real haven-agent (hooks backend): 404 and 405 with Allow in the one
// error shape, the capabilities of GET /v1/site, and faults whose hooks are slow or fail
// while the agent keeps answering everything else at once.

#include "agenttest.h"
#include "tests/agent/headertest.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

QJsonObject fault(const QString &kind, int seconds)
{
    // The hooks backend knows one target for sure: the agent's own host.
    return {{QStringLiteral("kind"), kind},
            {QStringLiteral("target"), QSysInfo::machineHostName()},
            {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("percent"), 50}}},
            {QStringLiteral("durationSeconds"), seconds}};
}

QString stateOf(const HttpClient &client, const QString &id)
{
    return fetchFault(client, id).value(QStringLiteral("state")).toString();
}

} // namespace

class TestAgentRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void unknownPath_data();
    void unknownPath();
    void wrongMethod_data();
    void wrongMethod();
    void capabilities();
    void slowFaultHookDoesNotDelayTopology();
    void failingInjectHook();

private:
    void writeHook(const QString &name, const QByteArray &script);
    // GET /v1/topology answered, and how long it took.
    qint64 timedTopology();

    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

void TestAgentRoutes::writeHook(const QString &name, const QByteArray &script)
{
    QFile file(m_dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n" + script);
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
}

void TestAgentRoutes::initTestCase()
{
    initCurl();
    // cpu: a slow inject (5 s) and a slow revert (1 s); memory: an inject that fails.
    writeHook(QStringLiteral("slow.sh"), R"sh(cat > /dev/null
if [ "$HAVEN_FAULT_PHASE" = inject ]; then sleep 5; else sleep 1; fi
echo "$HAVEN_FAULT_PHASE done" > "$HAVEN_DATA_DIR/$HAVEN_FAULT_PHASE-$HAVEN_FAULT_ID"
)sh");
    writeHook(QStringLiteral("refuse.sh"), "cat > /dev/null\necho 'no such cgroup'\nexit 2\n");
    writeHook(QStringLiteral("ok.sh"), "cat > /dev/null\n");
    QFile catalog(m_dir.filePath(QStringLiteral("catalog.json")));
    QVERIFY(catalog.open(QIODevice::WriteOnly));
    catalog.write(R"({"operations":[],"faults":{
        "cpu":{"inject":["./slow.sh"],"revert":["./slow.sh"],"timeoutSeconds":30},
        "memory":{"inject":["./refuse.sh"],"revert":["./ok.sh"]}}})");
    catalog.close();

    m_agent = std::make_unique<AgentProcess>(m_dir.filePath(QStringLiteral("agent")));
    AgentProcess::Options options;
    options.backend = QStringLiteral("hooks");
    options.catalog = catalog.fileName();
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
}

void TestAgentRoutes::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestAgentRoutes::unknownPath_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addRow("unknown /v1 path") << QByteArray("GET") << QStringLiteral("/v1/nothing");
    QTest::addRow("outside /v1") << QByteArray("GET") << QStringLiteral("/admin");
    QTest::addRow("too deep") << QByteArray("GET") << QStringLiteral("/v1/topology/changes/more");
    QTest::addRow("unknown sub-resource") << QByteArray("POST") << QStringLiteral("/v1/faults/f-1/pause");
    QTest::addRow("empty id") << QByteArray("GET") << QStringLiteral("/v1/actions/");
}

void TestAgentRoutes::unknownPath()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    const HttpResult result = m_client->request(method, path, {});
    QCOMPARE(result.status, 404L);
    QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(result.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("no such endpoint: ") + path);
    QVERIFY(headerValue(result.headers, "allow").isEmpty());
}

void TestAgentRoutes::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");
    QTest::addColumn<bool>("token");
    QTest::addRow("actions") << QByteArray("DELETE") << QStringLiteral("/v1/actions") << QByteArray("GET, POST")
                             << true;
    QTest::addRow("faults") << QByteArray("DELETE") << QStringLiteral("/v1/faults") << QByteArray("GET, POST") << true;
    QTest::addRow("topology") << QByteArray("POST") << QStringLiteral("/v1/topology") << QByteArray("GET") << true;
    QTest::addRow("inspections") << QByteArray("GET") << QStringLiteral("/v1/inspections") << QByteArray("POST")
                                 << true;
    QTest::addRow("revert") << QByteArray("GET") << QStringLiteral("/v1/faults/f-1/revert") << QByteArray("POST")
                            << true;
    QTest::addRow("action log") << QByteArray("POST") << QStringLiteral("/v1/actions/a-1/log") << QByteArray("GET")
                                << true;
    QTest::addRow("metrics") << QByteArray("POST") << QStringLiteral("/metrics") << QByteArray("GET") << true;
    QTest::addRow("live, no token") << QByteArray("POST") << QStringLiteral("/v1/live") << QByteArray("GET") << false;
}

void TestAgentRoutes::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    QFETCH(bool, token);
    HttpClient client(m_agent->url(), token ? m_agent->token() : QByteArray());
    const HttpResult result = client.request(method, path, {});
    QCOMPARE(result.status, 405L);
    QCOMPARE(result.errorCode(), QStringLiteral("method_not_allowed"));
    QCOMPARE(headerValue(result.headers, "allow"), allow);
    // Without a token, a guarded path says nothing about its methods.
    if (token)
        QCOMPARE(HttpClient(m_agent->url()).request(method, path, {}).status, 401L);
}

void TestAgentRoutes::capabilities()
{
    const HttpResult site = m_client->get(QStringLiteral("/v1/site"));
    QCOMPARE(site.status, 200L);
    QCOMPARE(site.json().value(QStringLiteral("backend")).toString(), QStringLiteral("hooks"));
    QStringList capabilities;
    const QJsonArray list = site.json().value(QStringLiteral("capabilities")).toArray();
    for (const QJsonValue &value : list)
        capabilities.append(value.toString());
    QCOMPARE(capabilities,
             (QStringList{QStringLiteral("topology"), QStringLiteral("changes"), QStringLiteral("operations"),
                          QStringLiteral("actions"), QStringLiteral("inspections"), QStringLiteral("faults"),
                          QStringLiteral("metrics")}));
}

qint64 TestAgentRoutes::timedTopology()
{
    QElapsedTimer clock;
    clock.start();
    const HttpResult result = m_client->get(QStringLiteral("/v1/topology"));
    const qint64 elapsed = clock.elapsed();
    return result.status == 200 ? elapsed : -1;
}

void TestAgentRoutes::slowFaultHookDoesNotDelayTopology()
{
    QElapsedTimer clock;
    clock.start();
    const HttpResult injected = m_client->post(QStringLiteral("/v1/faults"), fault(QStringLiteral("cpu"), 600));
    QCOMPARE(injected.status, 201L);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    const QString id = injected.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(injected.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("injecting"));

    // The inject hook sleeps 5 s; reads are answered at once meanwhile.
    int reads = 0;
    while (clock.elapsed() < 4000) {
        const qint64 elapsed = timedTopology();
        QVERIFY2(elapsed >= 0 && elapsed < 200, qPrintable(QStringLiteral("GET /v1/topology took %1 ms").arg(elapsed)));
        ++reads;
        QTest::qWait(100);
    }
    QVERIFY(reads >= 10);
    QCOMPARE(stateOf(*m_client, id), QStringLiteral("injecting"));
    QCOMPARE(m_client->get(QStringLiteral("/v1/faults")).json().value(QStringLiteral("faults")).toArray().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_client, id), QStringLiteral("active"), 5000);
    QVERIFY(clock.elapsed() >= 5000);
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("agent/data/inject-") + id)));

    // The revert hook sleeps 1 s: the answer says "reverting", the record ends "reverted".
    const HttpResult reverting = m_client->post(QStringLiteral("/v1/faults/%1/revert").arg(id), {});
    QCOMPARE(reverting.status, 200L);
    QCOMPARE(reverting.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("reverting"));
    const qint64 elapsed = timedTopology();
    QVERIFY2(elapsed >= 0 && elapsed < 200, qPrintable(QString::number(elapsed)));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_client, id), QStringLiteral("reverted"), 5000);
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("agent/data/revert-") + id)));
    const QJsonObject ended = fetchFault(*m_client, id);
    QCOMPARE(ended.value(QStringLiteral("endReason")).toString(), QStringLiteral("reverted on request"));
    QVERIFY(!ended.value(QStringLiteral("ended")).toString().isEmpty());
    QCOMPARE(m_client->get(QStringLiteral("/v1/faults")).json().value(QStringLiteral("faults")).toArray().size(), 0);
}

void TestAgentRoutes::failingInjectHook()
{
    const HttpResult injected = m_client->post(QStringLiteral("/v1/faults"), fault(QStringLiteral("memory"), 60));
    QCOMPARE(injected.status, 201L);
    const QString id = injected.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
    // The revert hook still runs, in case the inject hook half worked; the fault ends failed.
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(*m_client, id), QStringLiteral("failed"), 5000);
    QCOMPARE(fetchFault(*m_client, id).value(QStringLiteral("endReason")).toString(),
             QStringLiteral("injection failed: inject hook failed with exit code 2: no such cgroup"));
}

QTEST_GUILESS_MAIN(TestAgentRoutes)
#include "tst_agentroutes.moc"
