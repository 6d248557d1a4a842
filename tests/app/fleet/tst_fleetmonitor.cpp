// SPDX-License-Identifier: GPL-3.0-or-later
// The fleet monitor against real haven-agent processes on 127.0.0.1.
#include "agenttest.h"
#include "app/agents/curlengine.h"
#include "app/fleet/fleetmonitor.h"
#include "models/store/localstore.h"
#include "models/store/metrichistory.h"
#include "models/topology/fleettopology.h"
#include "models/topology/sitelistmodel.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class TestFleetMonitor final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void followsTheChangeFeed();
    void killedAgentIsUnreachableAndKeepsItsState();
    void darkSiteIsUnreachableWithinTwoIntervals();
    void restartWithEveryAgentDownShowsTheCache();
    void wrongTokenIsReportedAsAuthentication();

private:
    Environment environment(int refreshSeconds) const;
    QHash<QString, QByteArray> tokens() const;
    bool startAgent(int index, quint16 port = 0);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AgentProcess> m_agents[2];
    const QString m_ids[2] = {QStringLiteral("sha"), QStringLiteral("shb")};
};

void TestFleetMonitor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

bool TestFleetMonitor::startAgent(int index, quint16 port)
{
    AgentProcess::Options options;
    options.profile = AgentProcess::demoProfile(m_ids[index]);
    options.speed = 5;
    options.port = port;
    return m_agents[index]->start(options);
}

void TestFleetMonitor::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    for (int i = 0; i < 2; ++i) {
        m_agents[i] = std::make_unique<AgentProcess>(m_dir->filePath(m_ids[i]));
        QVERIFY(startAgent(i));
    }
}

void TestFleetMonitor::cleanup()
{
    for (auto &agent : m_agents)
        agent.reset();
    m_dir.reset();
}

Environment TestFleetMonitor::environment(int refreshSeconds) const
{
    Environment environment;
    environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East China")}};
    for (int i = 0; i < 2; ++i) {
        SiteEndpoint site;
        site.id = m_ids[i];
        site.name = m_ids[i].toUpper();
        site.region = QStringLiteral("east");
        site.url = m_agents[i]->url();
        site.refreshSeconds = refreshSeconds;
        environment.sites.append(site);
    }
    return environment;
}

QHash<QString, QByteArray> TestFleetMonitor::tokens() const
{
    return {{m_ids[0], m_agents[0]->token()}, {m_ids[1], m_agents[1]->token()}};
}

// What the console runs: one engine, the merged topology, the monitor following the agents.
struct Console
{
    CurlEngine engine;
    FleetTopology topology;
    FleetMonitor monitor{engine, topology};

    bool follow(const Environment &environment, const QHash<QString, QByteArray> &tokens, LocalStore *store = nullptr)
    {
        monitor.setStore(store);
        monitor.setEnvironment(environment, tokens);
        monitor.start();
        return waitUntil([this] { return allOnline() && topology.componentCount() == 100; }, 10'000);
    }

    bool allOnline() const
    {
        for (const QString &id : topology.siteIds()) {
            const Reachability r = topology.site(id)->reachability;
            if (r != Reachability::Online && r != Reachability::Slow)
                return false;
        }
        return topology.siteCount() > 0;
    }

    Reachability reachability(const QString &siteId) const { return topology.site(siteId)->reachability; }
};

void TestFleetMonitor::followsTheChangeFeed()
{
    Console console;
    MetricHistory history;
    console.monitor.setHistory(&history);
    QVERIFY(console.follow(environment(1), tokens()));
    const FleetTopology &topology = console.topology;
    QCOMPARE(topology.site(QStringLiteral("sha"))->name, QStringLiteral("Shanghai A")); // from GET /v1/site
    const QList<OperationSpec> catalog = topology.catalog();                            // from GET /v1/operations
    QVERIFY(std::any_of(catalog.cbegin(), catalog.cend(),
                        [](const OperationSpec &o) { return o.code == QLatin1StringView("traffic.cut"); }));
    const double before = topology.site(QStringLiteral("sha"))->traffic.value(QStringLiteral("payments"));
    QVERIFY(before > 0);

    HttpClient client(m_agents[0]->url(), m_agents[0]->token());
    QCOMPARE(client
                 .post(QStringLiteral("/v1/actions"),
                       actionRequest(QStringLiteral("traffic.cut"),
                                     {{QStringLiteral("productGroup"), QStringLiteral("payments")}}, newKey()))
                 .status,
             201L);
    QVERIFY(waitUntil(
        [&] { return topology.site(QStringLiteral("sha"))->traffic.value(QStringLiteral("payments"), -1) == 0; },
        15'000));
    QVERIFY(history.seriesCount() > 0);
}

void TestFleetMonitor::killedAgentIsUnreachableAndKeepsItsState()
{
    const int interval = 1;
    Console console;
    QVERIFY(console.follow(environment(interval), tokens()));
    const FleetTopology &topology = console.topology;
    const quint16 port = m_agents[0]->port();

    m_agents[0]->kill();
    QElapsedTimer clock;
    clock.start();
    QVERIFY(waitUntil([&] { return topology.site(QStringLiteral("sha"))->reachability == Reachability::Unreachable; },
                      10'000));
    qInfo("killed agent seen unreachable after %lld ms (interval %d s)", clock.elapsed(), interval);
    QVERIFY(clock.elapsed() <= 2 * interval * 1000);
    QCOMPARE(topology.components(QStringLiteral("sha")).size(), 50); // the last known state stays
    QVERIFY(!topology.site(QStringLiteral("sha"))->problem.isEmpty());
    QVERIFY(topology.site(QStringLiteral("shb"))->reachability != Reachability::Unreachable);

    QVERIFY(startAgent(0, port));
    QVERIFY(
        waitUntil([&] { return topology.site(QStringLiteral("sha"))->reachability == Reachability::Online; }, 10'000));
    QVERIFY(topology.site(QStringLiteral("sha"))->problem.isEmpty());
    QCOMPARE(topology.componentCount(), 100);
}

void TestFleetMonitor::darkSiteIsUnreachableWithinTwoIntervals()
{
    const int interval = 3;
    Console console;
    QVERIFY(console.follow(environment(interval), tokens()));
    const FleetTopology &topology = console.topology;
    QTest::qWait(500);

    HttpClient client(m_agents[1]->url(), m_agents[1]->token());
    const HttpResult dark = client.post(QStringLiteral("/v1/faults"),
                                        {{QStringLiteral("kind"), QStringLiteral("site_dark")},
                                         {QStringLiteral("durationSeconds"), 8}});
    QCOMPARE(dark.status, 201L);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(waitUntil([&] { return topology.site(QStringLiteral("shb"))->reachability == Reachability::Unreachable; },
                      10'000));
    qInfo("dark site seen unreachable after %lld ms (interval %d s)", clock.elapsed(), interval);
    QVERIFY(clock.elapsed() <= 2 * interval * 1000);
    QCOMPARE(topology.components(QStringLiteral("shb")).size(), 50);
    // The fault expires by itself and the site comes back.
    QVERIFY(
        waitUntil([&] { return topology.site(QStringLiteral("shb"))->reachability == Reachability::Online; }, 15'000));
}

void TestFleetMonitor::restartWithEveryAgentDownShowsTheCache()
{
    const QString database = m_dir->filePath(QStringLiteral("console/haven.db"));
    {
        LocalStore store;
        QVERIFY(store.open(database).mode == LocalStore::Mode::Persistent);
        Console console;
        QVERIFY(console.follow(environment(1), tokens(), &store));
        console.monitor.stop(); // writes the cache
    }
    for (auto &agent : m_agents)
        agent->kill();

    LocalStore store;
    QVERIFY(store.open(database).mode == LocalStore::Mode::Persistent);
    CurlEngine engine;
    FleetTopology topology;
    SiteListModel sites(topology);
    FleetMonitor monitor(engine, topology);
    monitor.setStore(&store);
    monitor.setEnvironment(environment(1), tokens());
    QCOMPARE(monitor.loadCache(), 2);
    QCOMPARE(topology.componentCount(), 100); // the picture is there before any agent answers
    QCOMPARE(topology.site(QStringLiteral("sha"))->name, QStringLiteral("Shanghai A"));
    QVERIFY(topology.site(QStringLiteral("sha"))->fromCache);
    QVERIFY(topology.catalog().size() >= 10); // plans still validate with every agent down
    monitor.start();
    QVERIFY(waitUntil(
        [&] {
        return topology.site(QStringLiteral("sha"))->reachability == Reachability::Unreachable
               && topology.site(QStringLiteral("shb"))->reachability == Reachability::Unreachable;
        },
        10'000));
    QCOMPARE(topology.componentCount(), 100);
    for (int row = 0; row < 2; ++row) {
        QVERIFY(sites.index(row, 0).data(SiteListModel::StaleRole).toBool());
        QVERIFY(sites.index(row, SiteListModel::DataAgeColumn).data().toString().endsWith(QStringLiteral("old")));
    }
}

void TestFleetMonitor::wrongTokenIsReportedAsAuthentication()
{
    CurlEngine engine;
    FleetTopology topology;
    FleetMonitor monitor(engine, topology);
    QHash<QString, QByteArray> wrong = tokens();
    wrong.insert(QStringLiteral("sha"), "not-the-token");
    monitor.setEnvironment(environment(1), wrong);
    monitor.start();
    QVERIFY(waitUntil([&] { return topology.site(QStringLiteral("sha"))->reachability == Reachability::Unreachable; },
                      10'000));
    const QString problem = topology.site(QStringLiteral("sha"))->problem;
    QVERIFY2(problem.contains(QStringLiteral("token")), qPrintable(problem));
    QVERIFY2(problem.contains(QStringLiteral("SHA")), qPrintable(problem)); // names the site
}

QTEST_GUILESS_MAIN(TestFleetMonitor)
#include "tst_fleetmonitor.moc"
