// SPDX-License-Identifier: GPL-3.0-or-later
// Fault injection through a real haven-agent: every fault ends by itself on time, a crashed
// agent reverts on start what it left behind, and a dark site still lets the drill coordinator
// end the drill.

#include "agenttest.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

constexpr double FaultCpu = 97;

// A component whose CPU is well below what the fault holds, so the change is unmistakable.
QString quietComponent(const HttpClient &client, double *cpu)
{
    const QJsonArray components = topology(client).value(QStringLiteral("components")).toArray();
    for (const QJsonValue &value : components) {
        const QJsonObject metrics = value.toObject().value(QStringLiteral("metrics")).toObject();
        if (metrics.contains(QStringLiteral("cpu")) && metrics.value(QStringLiteral("cpu")).toDouble() < 60) {
            *cpu = metrics.value(QStringLiteral("cpu")).toDouble();
            return value.toObject().value(QStringLiteral("id")).toString();
        }
    }
    return {};
}

double cpuOf(const HttpClient &client, const QString &component)
{
    return componentOf(topology(client), component)
        .value(QStringLiteral("metrics"))
        .toObject()
        .value(QStringLiteral("cpu"))
        .toDouble(-1);
}

QJsonObject cpuFault(const QString &target, int seconds)
{
    return {{QStringLiteral("kind"), QStringLiteral("cpu")},
            {QStringLiteral("target"), target},
            {QStringLiteral("parameters"), QJsonObject{{QStringLiteral("percent"), FaultCpu}}},
            {QStringLiteral("durationSeconds"), seconds}};
}

QJsonObject darkFault(int seconds)
{
    return {{QStringLiteral("kind"), QStringLiteral("site_dark")}, {QStringLiteral("durationSeconds"), seconds}};
}

QDateTime timeOf(const QJsonObject &object, const char *key)
{
    return QDateTime::fromString(object.value(QString::fromLatin1(key)).toString(), Qt::ISODateWithMs);
}

int activeFaults(const HttpClient &client)
{
    const HttpResult result = client.get(QStringLiteral("/v1/faults"));
    return result.status == 200 ? int(result.json().value(QStringLiteral("faults")).toArray().size()) : -1;
}

} // namespace

class TestAgentFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void cpuFaultRevertsItself();
    void badFaults_data();
    void badFaults();
    void revertNow();
    void siteDark();
    void revertedAfterCrash_data();
    void revertedAfterCrash();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
    QString m_component;
    double m_baselineCpu = 0;
};

void TestAgentFaults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.filePath(QStringLiteral("shared")));
    AgentProcess::Options options;
    options.speed = 20;
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
    m_component = quietComponent(*m_client, &m_baselineCpu);
    QVERIFY2(!m_component.isEmpty(), "no component with a CPU metric below 60 %");
}

void TestAgentFaults::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestAgentFaults::cpuFaultRevertsItself()
{
    const HttpResult injected = m_client->post(QStringLiteral("/v1/faults"), cpuFault(m_component, 2));
    QCOMPARE(injected.status, 201L);
    const QJsonObject fault = injected.json().value(QStringLiteral("fault")).toObject();
    const QString id = fault.value(QStringLiteral("id")).toString();
    // Answered before the backend has applied it; the simulated site does that in a moment.
    QCOMPARE(fault.value(QStringLiteral("state")).toString(), QStringLiteral("injecting"));
    QCOMPARE(fault.value(QStringLiteral("target")).toString(), m_component);
    QCOMPARE(timeOf(fault, "injected").msecsTo(timeOf(fault, "expires")), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(fetchFault(*m_client, id).value(QStringLiteral("state")).toString(),
                              QStringLiteral("active"), 1000);

    // Applied at once, visible in the topology.
    QTRY_VERIFY_WITH_TIMEOUT(cpuOf(*m_client, m_component) >= FaultCpu - 1, 1000);
    QCOMPARE(activeFaults(*m_client), 1);

    // No client action from here: the agent ends it on time.
    QTRY_COMPARE_WITH_TIMEOUT(fetchFault(*m_client, id).value(QStringLiteral("state")).toString(),
                              QStringLiteral("expired"), 5000);
    const QJsonObject ended = fetchFault(*m_client, id);
    const qint64 late = timeOf(ended, "expires").msecsTo(timeOf(ended, "ended"));
    QVERIFY2(late >= 0 && late < 1000, qPrintable(QStringLiteral("ended %1 ms after it expired").arg(late)));
    QVERIFY(!ended.value(QStringLiteral("endReason")).toString().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(cpuOf(*m_client, m_component) - m_baselineCpu) < 20, 3000);
    QCOMPARE(activeFaults(*m_client), 0);
}

void TestAgentFaults::badFaults_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("code");

    auto fault = [this](const QJsonObject &changes, const QStringList &remove = {}) {
        QJsonObject object = cpuFault(m_component, 5);
        for (const QString &key : remove)
            object.remove(key);
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            object.insert(it.key(), it.value());
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    const QString duration = QStringLiteral("durationSeconds");
    QTest::addRow("missing duration") << fault({}, {duration}) << 400L << QStringLiteral("invalid_request");
    QTest::addRow("zero duration") << fault({{duration, 0}}) << 400L << QStringLiteral("invalid_request");
    QTest::addRow("negative duration") << fault({{duration, -3}}) << 400L << QStringLiteral("invalid_request");
    QTest::addRow("duration over a day") << fault({{duration, 24 * 3600 + 1}}) << 400L
                                         << QStringLiteral("invalid_request");
    QTest::addRow("duration as text") << fault({{duration, QStringLiteral("5")}}) << 400L
                                      << QStringLiteral("invalid_request");
    QTest::addRow("fractional duration") << fault({{duration, 2.5}}) << 400L << QStringLiteral("invalid_request");
    QTest::addRow("missing kind") << fault({}, {QStringLiteral("kind")}) << 400L << QStringLiteral("invalid_request");
    QTest::addRow("unknown kind") << fault({{QStringLiteral("kind"), QStringLiteral("earthquake")}}) << 400L
                                  << QStringLiteral("invalid_request");
    QTest::addRow("unknown target") << fault({{QStringLiteral("target"), QStringLiteral("no-such-component")}}) << 422L
                                    << QStringLiteral("invalid_fault");
    QTest::addRow("no target") << fault({}, {QStringLiteral("target")}) << 422L << QStringLiteral("invalid_fault");
    QTest::addRow("cpu over 100 percent")
        << fault({{QStringLiteral("parameters"), QJsonObject{{QStringLiteral("percent"), 150}}}}) << 422L
        << QStringLiteral("invalid_fault");
    QTest::addRow("site_dark with a target")
        << fault({{QStringLiteral("kind"), QStringLiteral("site_dark")}}, {QStringLiteral("parameters")}) << 422L
        << QStringLiteral("invalid_fault");
    QTest::addRow("not an object") << QByteArray("[]") << 400L << QStringLiteral("invalid_request");
    QTest::addRow("not JSON") << QByteArray("kind=cpu") << 400L << QStringLiteral("malformed_json");
}

void TestAgentFaults::badFaults()
{
    QFETCH(QByteArray, body);
    QFETCH(long, status);
    QFETCH(QString, code);
    const HttpResult result = m_client->request("POST", QStringLiteral("/v1/faults"), body,
                                                {"Content-Type: application/json"});
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    QCOMPARE(activeFaults(*m_client), 0);
    QCOMPARE(m_client->get(QStringLiteral("/v1/topology")).status, 200L); // not dark either
}

void TestAgentFaults::revertNow()
{
    const HttpResult injected = m_client->post(QStringLiteral("/v1/faults"), cpuFault(m_component, 600));
    QCOMPARE(injected.status, 201L);
    const QString id = injected.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(cpuOf(*m_client, m_component) >= FaultCpu - 1, 1000);

    const HttpResult reverted = m_client->post(QStringLiteral("/v1/faults/%1/revert").arg(id),
                                               {{QStringLiteral("reason"), QStringLiteral("drill over")}});
    QCOMPARE(reverted.status, 200L);
    QCOMPARE(reverted.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("reverting"));
    QTRY_COMPARE_WITH_TIMEOUT(fetchFault(*m_client, id).value(QStringLiteral("state")).toString(),
                              QStringLiteral("reverted"), 1000);
    const QJsonObject fault = fetchFault(*m_client, id);
    QCOMPARE(fault.value(QStringLiteral("endReason")).toString(), QStringLiteral("drill over"));
    QVERIFY(timeOf(fault, "ended") < timeOf(fault, "expires"));
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(cpuOf(*m_client, m_component) - m_baselineCpu) < 20, 2000);
    QCOMPARE(activeFaults(*m_client), 0);

    // Reverting again changes nothing; the history keeps it.
    const HttpResult again = m_client->post(QStringLiteral("/v1/faults/%1/revert").arg(id), {});
    QCOMPARE(again.status, 200L);
    QCOMPARE(again.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("endReason")).toString(),
             QStringLiteral("drill over"));
    const QJsonArray all
        = m_client->get(QStringLiteral("/v1/faults?all=1")).json().value(QStringLiteral("faults")).toArray();
    bool listed = false;
    for (const QJsonValue &value : all)
        listed |= value.toObject().value(QStringLiteral("id")).toString() == id;
    QVERIFY(listed);
    QCOMPARE(m_client->post(QStringLiteral("/v1/faults/no-such-fault/revert"), {}).status, 404L);
    QCOMPARE(m_client->get(QStringLiteral("/v1/faults/no-such-fault")).status, 404L);
}

void TestAgentFaults::siteDark()
{
    AgentProcess agent(m_dir.filePath(QStringLiteral("dark")));
    AgentProcess::Options options;
    options.speed = 20;
    HAVEN_START_AGENT(agent, options);
    HttpClient client(agent.url(), agent.token());
    client.setTimeoutMs(1000);
    QCOMPARE(client.get(QStringLiteral("/v1/topology")).status, 200L);

    // Reverted by the coordinator.
    const HttpResult first = client.post(QStringLiteral("/v1/faults"), darkFault(60));
    QCOMPARE(first.status, 201L);
    const QString firstId = first.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
    const HttpResult silent = client.get(QStringLiteral("/v1/topology"));
    QCOMPARE(silent.status, 0L);
    QCOMPARE(silent.curlCode, int(CURLE_OPERATION_TIMEDOUT));
    QCOMPARE(client.get(QStringLiteral("/v1/site")).curlCode, int(CURLE_OPERATION_TIMEDOUT));
    QCOMPARE(client.get(QStringLiteral("/v1/live")).status, 200L);
    const HttpResult listed = client.get(QStringLiteral("/v1/faults"));
    QCOMPARE(listed.status, 200L);
    QCOMPARE(listed.json().value(QStringLiteral("faults")).toArray().size(), 1);
    QCOMPARE(client.post(QStringLiteral("/v1/faults/%1/revert").arg(firstId), {}).status, 200L);
    QCOMPARE(client.get(QStringLiteral("/v1/topology")).status, 200L);

    // Ended by its time limit.
    const HttpResult second = client.post(QStringLiteral("/v1/faults"), darkFault(2));
    QCOMPARE(second.status, 201L);
    const QJsonObject secondFault = second.json().value(QStringLiteral("fault")).toObject();
    QCOMPARE(client.get(QStringLiteral("/v1/operations")).curlCode, int(CURLE_OPERATION_TIMEDOUT));
    QCOMPARE(client.get(QStringLiteral("/v1/faults/") + secondFault.value(QStringLiteral("id")).toString()).status,
             200L);
    QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/v1/topology")).status, 200L, 5000);
    QVERIFY(QDateTime::currentDateTimeUtc() >= timeOf(secondFault, "expires"));
    const QJsonObject expired = fetchFault(client, secondFault.value(QStringLiteral("id")).toString());
    QCOMPARE(expired.value(QStringLiteral("state")).toString(), QStringLiteral("expired"));
    QCOMPARE(client.get(QStringLiteral("/v1/site")).status, 200L);
    QCOMPARE(client.get(QStringLiteral("/v1/actions")).status, 200L);
}

void TestAgentFaults::revertedAfterCrash_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("cpu") << false;
    QTest::addRow("site_dark") << true;
}

// The drill case: an agent restarted mid-fault reverts it on start and never applies
// it again, so nothing a hook did can be doubled.
void TestAgentFaults::revertedAfterCrash()
{
    QFETCH(bool, dark);
    AgentProcess agent(m_dir.filePath(dark ? QStringLiteral("crash-dark") : QStringLiteral("crash-cpu")));
    AgentProcess::Options options;
    options.speed = 20;
    HAVEN_START_AGENT(agent, options);
    QString id;
    {
        const HttpClient client(agent.url(), agent.token());
        const HttpResult injected = client.post(QStringLiteral("/v1/faults"),
                                                dark ? darkFault(600) : cpuFault(m_component, 600));
        QCOMPARE(injected.status, 201L);
        id = injected.json().value(QStringLiteral("fault")).toObject().value(QStringLiteral("id")).toString();
        if (!dark)
            QTRY_VERIFY_WITH_TIMEOUT(cpuOf(client, m_component) >= FaultCpu - 1, 1000);
    }
    agent.kill();
    HAVEN_START_AGENT(agent, options);

    HttpClient client(agent.url(), agent.token());
    client.setTimeoutMs(1000);
    QTRY_COMPARE_WITH_TIMEOUT(fetchFault(client, id).value(QStringLiteral("state")).toString(),
                              QStringLiteral("reverted"), 2000);
    const QJsonObject ended = fetchFault(client, id);
    QCOMPARE(ended.value(QStringLiteral("endReason")).toString(),
             QStringLiteral("agent restarted mid-fault: reverted on start"));
    QVERIFY(ended.value(QStringLiteral("revertConfirmed")).toBool());
    QVERIFY(timeOf(ended, "ended") < timeOf(ended, "expires"));
    QCOMPARE(activeFaults(client), 0);
    QCOMPARE(client.get(QStringLiteral("/v1/topology")).status, 200L); // not dark any more
    if (!dark)
        QVERIFY(qAbs(cpuOf(client, m_component) - m_baselineCpu) < 20);
}

QTEST_GUILESS_MAIN(TestAgentFaults)
#include "tst_agentfaults.moc"
