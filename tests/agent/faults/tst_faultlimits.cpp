// SPDX-License-Identifier: GPL-3.0-or-later
// What a real haven-agent refuses before it injects anything: parameters out of bounds, unknown
// targets, self-isolation, one fault too many, and an idempotency key reused for another fault.

#include "faulttest.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven::Test;

namespace {

constexpr int MaxActive = 3;
const QString OwnHost = QStringLiteral("sha-db-02");

QString idOf(const HttpResult &result)
{
    return faultOf(result).value(QStringLiteral("id")).toString();
}

} // namespace

class TestFaultLimits final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void limits();
    void refused_data();
    void refused();
    void capOnFaultsInEffect();
    void idempotencyKey();
    void selfIsolationAllowed();

private:
    void revertAll();

    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
    std::unique_ptr<HttpClient> m_client;
};

void TestFaultLimits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    initCurl();
    QVERIFY(m_dir.isValid());
    m_agent = std::make_unique<AgentProcess>(m_dir.filePath(QStringLiteral("agent")));
    AgentProcess::Options options;
    options.extraIni = QStringLiteral("\n[faults]\nmax_active = %1\nown_hosts = %2\n").arg(MaxActive).arg(OwnHost);
    HAVEN_START_AGENT(*m_agent, options);
    m_client = std::make_unique<HttpClient>(m_agent->url(), m_agent->token());
}

void TestFaultLimits::cleanupTestCase()
{
    m_client.reset();
    m_agent.reset();
}

void TestFaultLimits::cleanup()
{
    revertAll();
}

void TestFaultLimits::revertAll()
{
    const QJsonArray open = m_client->get(QStringLiteral("/v1/faults")).json().value(QStringLiteral("faults")).toArray();
    for (const QJsonValue &fault : open)
        m_client->request("DELETE",
                          QStringLiteral("/v1/faults/") + fault.toObject().value(QStringLiteral("id")).toString(), {});
    QTRY_COMPARE_WITH_TIMEOUT(faultsInEffect(*m_client), 0, 3000);
}

void TestFaultLimits::limits()
{
    const HttpResult result = m_client->get(QStringLiteral("/v1/faults/limits"));
    QCOMPARE(result.status, 200L);
    QString error;
    const std::optional<Haven::FaultLimits> limits
        = Haven::FaultLimits::fromJson(result.json().value(QStringLiteral("limits")).toObject(), &error);
    QVERIFY2(limits, qPrintable(error));
    QCOMPARE(limits->maxActive, MaxActive);
    QCOMPARE(limits->active, 0);
    QCOMPARE(limits->minDurationSeconds, 1);
    QCOMPARE(limits->maxDurationSeconds, 4 * 3600);
    QVERIFY(!limits->allowSelfIsolation);
    QVERIFY(limits->ownHosts.contains(OwnHost));
    QStringList kinds;
    for (const Haven::FaultKindLimits &kind : limits->kinds) {
        kinds.append(Haven::toString(kind.kind));
        if (kind.kind == Haven::FaultKind::Cpu) {
            const QJsonObject percent = kind.parameters.value(QStringLiteral("properties"))
                                            .toObject()
                                            .value(QStringLiteral("percent"))
                                            .toObject();
            QCOMPARE(percent.value(QStringLiteral("minimum")).toDouble(), 1.0);
            QCOMPARE(percent.value(QStringLiteral("maximum")).toDouble(), 100.0);
        }
        if (kind.kind == Haven::FaultKind::HostDown)
            QCOMPARE(kind.targets, QStringList{QStringLiteral("host")});
        if (kind.kind == Haven::FaultKind::SiteDark)
            QVERIFY(kind.targets.isEmpty());
    }
    QCOMPARE(kinds,
             (QStringList{QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("network"),
                          QStringLiteral("process_kill"), QStringLiteral("host_down"), QStringLiteral("site_dark")}));
}

void TestFaultLimits::refused_data()
{
    QTest::addColumn<QJsonObject>("request");
    QTest::addColumn<long>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message"); // a part of the message

    const QString app = QStringLiteral("sha-pay-api-01");
    const auto percent = [](double value) { return QJsonObject{{QStringLiteral("percent"), value}}; };
    const auto network = [](const char *key, double value) { return QJsonObject{{QLatin1StringView(key), value}}; };
    const QString cpu = QStringLiteral("cpu");
    const QString invalid = QStringLiteral("invalid_fault");
    QTest::addRow("cpu 0 percent") << faultRequest(cpu, app, percent(0), 60) << 422L << invalid
                                   << QStringLiteral("percent");
    QTest::addRow("cpu 101 percent") << faultRequest(cpu, app, percent(101), 60) << 422L << invalid
                                     << QStringLiteral("percent");
    QTest::addRow("cpu without percent") << faultRequest(cpu, app, {}, 60) << 422L << invalid
                                         << QStringLiteral("percent");
    QTest::addRow("memory 150 percent") << faultRequest(QStringLiteral("memory"), app, percent(150), 60) << 422L
                                        << invalid << QStringLiteral("percent");
    QTest::addRow("unknown parameter") << faultRequest(cpu, app,
                                                       {{QStringLiteral("percent"), 50}, {QStringLiteral("cores"), 4}},
                                                       60)
                                       << 422L << invalid << QStringLiteral("cores");
    QTest::addRow("latency over 60 s") << faultRequest(QStringLiteral("network"), app, network("latencyMs", 60001), 60)
                                       << 422L << invalid << QStringLiteral("latencyMs");
    QTest::addRow("loss over 100 percent")
        << faultRequest(QStringLiteral("network"), app, network("lossPercent", 101), 60) << 422L << invalid
        << QStringLiteral("lossPercent");
    QTest::addRow("network doing nothing") << faultRequest(QStringLiteral("network"), app, network("latencyMs", 0), 60)
                                           << 422L << invalid << QStringLiteral("latencyMs or lossPercent");
    QTest::addRow("unknown target") << faultRequest(cpu, QStringLiteral("sha-nope"), percent(50), 60) << 422L << invalid
                                    << QStringLiteral("unknown target \"sha-nope\"");
    QTest::addRow("no target") << faultRequest(cpu, {}, percent(50), 60) << 422L << invalid
                               << QStringLiteral("needs a target");
    QTest::addRow("process_kill of a host")
        << faultRequest(QStringLiteral("process_kill"), QStringLiteral("sha-sto-01"), {}, 60) << 422L << invalid
        << QStringLiteral("a component id");
    QTest::addRow("host_down of a component") << faultRequest(QStringLiteral("host_down"), app, {}, 60) << 422L
                                              << invalid << QStringLiteral("runs on host sha-app-02");
    QTest::addRow("site_dark with a target") << faultRequest(QStringLiteral("site_dark"), app, {}, 60) << 422L
                                             << invalid << QStringLiteral("takes no target");
    QTest::addRow("no time limit") << faultRequest(cpu, app, percent(50), 0) << 400L
                                   << QStringLiteral("invalid_request") << QStringLiteral("durationSeconds");
    QTest::addRow("over 4 hours") << faultRequest(cpu, app, percent(50), 4 * 3600 + 1) << 400L
                                  << QStringLiteral("invalid_request") << QStringLiteral("4 hours");
    QTest::addRow("key too long") << faultRequest(cpu, app, percent(50), 60, QString(201, QLatin1Char('k'))) << 400L
                                  << QStringLiteral("invalid_request") << QStringLiteral("idempotencyKey");
    QTest::addRow("own host down") << faultRequest(QStringLiteral("host_down"), OwnHost, {}, 60) << 422L
                                   << QStringLiteral("self_isolation") << QStringLiteral("allow_self_isolation");
    QTest::addRow("own host cut off") << faultRequest(QStringLiteral("network"), QStringLiteral("sha-pay-mysql-02"),
                                                      network("lossPercent", 100), 60)
                                      << 422L << QStringLiteral("self_isolation") << OwnHost;
}

void TestFaultLimits::refused()
{
    QFETCH(QJsonObject, request);
    QFETCH(long, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const HttpResult result = m_client->post(QStringLiteral("/v1/faults"), request);
    QCOMPARE(result.status, status);
    QCOMPARE(result.errorCode(), code);
    const QString text
        = result.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    QVERIFY2(text.contains(message), qPrintable(text));
    QCOMPARE(faultsInEffect(*m_client), 0); // nothing was injected
    QCOMPARE(m_client->get(QStringLiteral("/v1/faults?all=1")).json().value(QStringLiteral("faults")).toArray().size(),
             0);
}

void TestFaultLimits::capOnFaultsInEffect()
{
    const QStringList targets{QStringLiteral("sha-pay-api-01"), QStringLiteral("sha-pay-gw-01"),
                              QStringLiteral("sha-zk-01"), QStringLiteral("sha-zk-02")};
    QStringList ids;
    for (int i = 0; i < MaxActive; ++i) {
        const HttpResult result = m_client->post(QStringLiteral("/v1/faults"), cpuRequest(targets.at(i), 600));
        QCOMPARE(result.status, 201L);
        ids.append(idOf(result));
    }
    const HttpResult refused = m_client->post(QStringLiteral("/v1/faults"), cpuRequest(targets.at(MaxActive), 600));
    QCOMPARE(refused.status, 409L);
    QCOMPARE(refused.errorCode(), QStringLiteral("too_many_faults"));
    QVERIFY(refused.json()
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QStringLiteral("max_active")));
    QCOMPARE(faultsInEffect(*m_client), MaxActive);
    QCOMPARE(m_client->get(QStringLiteral("/v1/faults/limits"))
                 .json()
                 .value(QStringLiteral("limits"))
                 .toObject()
                 .value(QStringLiteral("active"))
                 .toInt(),
             MaxActive);

    // A reverted fault frees its place.
    QCOMPARE(m_client->request("DELETE", QStringLiteral("/v1/faults/") + ids.constFirst(), {}).status, 200L);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, ids.constFirst()), QStringLiteral("reverted"), 2000);
    QCOMPARE(m_client->post(QStringLiteral("/v1/faults"), cpuRequest(targets.at(MaxActive), 600)).status, 201L);
}

void TestFaultLimits::idempotencyKey()
{
    const QString key = QStringLiteral("drill-7-run-1-step-3");
    QJsonObject request = cpuRequest(QStringLiteral("sha-pay-api-01"), 600, key);
    request.insert(QStringLiteral("drillId"), QStringLiteral("drill-7-run-1"));
    const HttpResult first = m_client->post(QStringLiteral("/v1/faults"), request);
    QCOMPARE(first.status, 201L);
    const QString id = idOf(first);
    QCOMPARE(faultOf(first).value(QStringLiteral("idempotencyKey")).toString(), key);
    QCOMPARE(faultOf(first).value(QStringLiteral("drillId")).toString(), QStringLiteral("drill-7-run-1"));
    QVERIFY(faultOf(first).value(QStringLiteral("remainingSeconds")).toInt() > 590);

    // The console did not hear the answer and sends it again: the same fault, nothing new.
    const HttpResult again = m_client->post(QStringLiteral("/v1/faults"), request);
    QCOMPARE(again.status, 200L);
    QCOMPARE(idOf(again), id);
    QCOMPARE(faultsInEffect(*m_client), 1);

    QJsonObject other = request;
    other.insert(QStringLiteral("parameters"), QJsonObject{{QStringLiteral("percent"), 50}});
    const HttpResult conflict = m_client->post(QStringLiteral("/v1/faults"), other);
    QCOMPARE(conflict.status, 409L);
    QCOMPARE(conflict.errorCode(), QStringLiteral("idempotency_conflict"));
    QCOMPARE(faultsInEffect(*m_client), 1);

    // Ended, the key still names it: a late retry injects nothing again.
    QCOMPARE(m_client->request("DELETE", QStringLiteral("/v1/faults/") + id, {}).status, 200L);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(*m_client, id), QStringLiteral("reverted"), 2000);
    const HttpResult late = m_client->post(QStringLiteral("/v1/faults"), request);
    QCOMPARE(late.status, 200L);
    QCOMPARE(idOf(late), id);
    QCOMPARE(faultOf(late).value(QStringLiteral("state")).toString(), QStringLiteral("reverted"));
    QCOMPARE(faultsInEffect(*m_client), 0);
}

void TestFaultLimits::selfIsolationAllowed()
{
    AgentProcess agent(m_dir.filePath(QStringLiteral("isolating")));
    AgentProcess::Options options;
    options.extraIni = QStringLiteral("\n[faults]\nown_hosts = %1\nallow_self_isolation = true\n").arg(OwnHost);
    HAVEN_START_AGENT(agent, options);
    const HttpClient client(agent.url(), agent.token());
    const HttpResult result = client.post(QStringLiteral("/v1/faults"),
                                          faultRequest(QStringLiteral("host_down"), OwnHost, {}, 60));
    QCOMPARE(result.status, 201L);
    QTRY_COMPARE_WITH_TIMEOUT(faultState(client, idOf(result)), QStringLiteral("active"), 2000);
}

QTEST_GUILESS_MAIN(TestFaultLimits)
#include "tst_faultlimits.moc"
