// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/drills/haltcheck.h"
#include "models/topology/fleettopology.h"

#include <QTest>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::HaltCondition)

namespace {

Component component(const QString &id, Layer layer, const QString &group, const QString &host,
                    ComponentStatus status = ComponentStatus::Ok, double qps = 0)
{
    Component c;
    c.id = id;
    c.name = id;
    c.layer = layer;
    c.productGroup = group;
    c.host = host;
    c.status = status;
    if (qps > 0)
        c.metrics.insert(QStringLiteral("qps"), qps);
    return c;
}

TopologySnapshot snapshot(const QString &site, double paymentsShare, ComponentStatus appStatus,
                          ComponentStatus dbStatus, double lag)
{
    TopologySnapshot s;
    s.siteId = site;
    s.epoch = QStringLiteral("e");
    s.revision = 1;
    s.components = {component(site + QStringLiteral("-pay-1"), Layer::Business, QStringLiteral("payments"),
                              site + QStringLiteral("-h1"), appStatus, 100),
                    component(site + QStringLiteral("-pay-2"), Layer::Business, QStringLiteral("payments"),
                              site + QStringLiteral("-h2"), ComponentStatus::Ok, 100),
                    component(site + QStringLiteral("-db"), Layer::Database, QStringLiteral("payments"),
                              site + QStringLiteral("-h3"), dbStatus)};
    ReplicationLink link;
    link.id = QStringLiteral("pay-db");
    link.fromSite = QStringLiteral("a");
    link.toSite = QStringLiteral("b");
    link.lagSeconds = lag;
    s.replication = {link};
    s.traffic = {{QStringLiteral("payments"), paymentsShare}};
    return s;
}

struct Fleet
{
    FleetTopology topology;
    Fleet(ComponentStatus bApp = ComponentStatus::Ok, ComponentStatus bDb = ComponentStatus::Ok, double bShare = 50,
          double lag = 0.5)
    {
        SiteState a;
        a.id = QStringLiteral("a");
        SiteState b;
        b.id = QStringLiteral("b");
        topology.setSites({a, b});
        const QDateTime now = QDateTime::currentDateTimeUtc();
        topology.applySnapshot(QStringLiteral("a"),
                               snapshot(QStringLiteral("a"), 50, ComponentStatus::Down, ComponentStatus::Ok, lag), now,
                               false);
        topology.applySnapshot(QStringLiteral("b"), snapshot(QStringLiteral("b"), bShare, bApp, bDb, lag), now, false);
    }
};

Drill killDrill()
{
    Drill drill;
    drill.name = QStringLiteral("kill");
    drill.actions = {{QStringLiteral("k"),
                      FaultKind::ProcessKill,
                      DrillTarget{TargetScope::Component, QStringLiteral("a"), QStringLiteral("a-pay-1")},
                      {},
                      0,
                      60}};
    return drill;
}

} // namespace

class tst_HaltCheck final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void blastRadius();
    void darkSiteTakesEverything();
    void conditions_data();
    void conditions();
    void servedShareSkipsDarkAndFailing();
};

void tst_HaltCheck::blastRadius()
{
    Fleet fleet;
    const BlastRadius radius = BlastRadius::resolve(killDrill(), fleet.topology);
    QVERIFY(radius.problems.isEmpty());
    QCOMPARE(radius.faults.size(), 1);
    QCOMPARE(radius.faults.first().target, QStringLiteral("a-pay-1"));
    QCOMPARE(radius.faults.first().key(QStringLiteral("run")), QStringLiteral("run/k/a/a-pay-1"));
    QCOMPARE(radius.components, (QSet<QString>{QStringLiteral("a/a-pay-1")}));
    QCOMPARE(radius.trafficAtRisk.value(QStringLiteral("payments")), 25.0); // one of a's two apps, of 50 %

    Drill hosts = killDrill();
    hosts.actions[0].kind = FaultKind::HostDown;
    hosts.actions[0].target = {TargetScope::Layer, QStringLiteral("a"), QStringLiteral("business")};
    const BlastRadius byHost = BlastRadius::resolve(hosts, fleet.topology);
    QCOMPARE(byHost.faults.size(), 2);
    QCOMPARE(byHost.faults.at(1).target, QStringLiteral("a-h2"));

    Drill nowhere = killDrill();
    nowhere.actions[0].target.value = QStringLiteral("missing");
    nowhere.actions.append(killDrill().actions.first());
    nowhere.actions[1].target.site = QStringLiteral("zz");
    const BlastRadius unresolved = BlastRadius::resolve(nowhere, fleet.topology);
    QCOMPARE(unresolved.problems.size(), 2);
    QVERIFY(unresolved.faults.isEmpty());
}

void tst_HaltCheck::darkSiteTakesEverything()
{
    Fleet fleet;
    Drill drill = killDrill();
    drill.actions[0].kind = FaultKind::SiteDark;
    drill.actions[0].target = {TargetScope::Site, QStringLiteral("a"), {}};
    const BlastRadius radius = BlastRadius::resolve(drill, fleet.topology);
    QCOMPARE(radius.faults.size(), 1);
    QVERIFY(radius.faults.first().target.isEmpty());
    QCOMPARE(radius.components.size(), 3);
    QCOMPARE(radius.trafficAtRisk.value(QStringLiteral("payments")), 50.0);
}

void tst_HaltCheck::conditions_data()
{
    QTest::addColumn<int>("bApp");
    QTest::addColumn<int>("bDb");
    QTest::addColumn<double>("bShare");
    QTest::addColumn<double>("lag");
    QTest::addColumn<HaltCondition>("condition");
    QTest::addColumn<qint64>("elapsedMs");
    QTest::addColumn<bool>("tripped");

    const int ok = int(ComponentStatus::Ok);
    const int down = int(ComponentStatus::Down);
    const int critical = int(ComponentStatus::Critical);
    const QString a = QStringLiteral("a");
    const QString b = QStringLiteral("b");
    const QString pay = QStringLiteral("payments");
    QTest::addRow("the faulted component is expected")
        << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::ComponentStatus, a, QStringLiteral("a-pay-1"), 0}
        << qint64(0) << false;
    QTest::addRow("another component down")
        << down << ok << 50.0 << 0.5 << HaltCondition{HaltKind::ComponentStatus, {}, QStringLiteral("b-pay-1"), 0}
        << qint64(0) << true;
    QTest::addRow("layer healthy beyond the expected")
        << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::LayerStatus, {}, QStringLiteral("business"), 0}
        << qint64(0) << false;
    QTest::addRow("database critical at b")
        << ok << critical << 50.0 << 0.5 << HaltCondition{HaltKind::LayerStatus, b, QStringLiteral("database"), 0}
        << qint64(0) << true;
    QTest::addRow("one tolerated") << ok << critical << 50.0 << 0.5 << HaltCondition{HaltKind::LayerStatus, {}, {}, 1}
                                   << qint64(0) << false;
    QTest::addRow("share above floor") << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::TrafficShare, {}, pay, 90}
                                       << qint64(0) << false;
    QTest::addRow("share below floor") << ok << ok << 30.0 << 0.5 << HaltCondition{HaltKind::TrafficShare, {}, pay, 90}
                                       << qint64(0) << true;
    QTest::addRow("qps above floor") << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::Qps, b, pay, 150}
                                     << qint64(0) << false;
    QTest::addRow("qps below floor") << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::Qps, b, pay, 250}
                                     << qint64(0) << true;
    QTest::addRow("lag within") << ok << ok << 50.0 << 4.0
                                << HaltCondition{HaltKind::ReplicationLag, {}, QStringLiteral("pay-db"), 5} << qint64(0)
                                << false;
    QTest::addRow("lag above") << ok << ok << 50.0 << 6.0
                               << HaltCondition{HaltKind::ReplicationLag, {}, QStringLiteral("pay-db"), 5} << qint64(0)
                               << true;
    QTest::addRow("signal passes") << ok << ok << 50.0 << 0.5
                                   << HaltCondition{HaltKind::Signal, {}, QStringLiteral("pass-rule"), 0} << qint64(0)
                                   << false;
    QTest::addRow("signal fails") << ok << ok << 50.0 << 0.5
                                  << HaltCondition{HaltKind::Signal, {}, QStringLiteral("fail-rule"), 0} << qint64(0)
                                  << true;
    QTest::addRow("time left") << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::Elapsed, {}, {}, 10}
                               << qint64(9'000) << false;
    QTest::addRow("time up") << ok << ok << 50.0 << 0.5 << HaltCondition{HaltKind::Elapsed, {}, {}, 10}
                             << qint64(10'500) << true;
}

void tst_HaltCheck::conditions()
{
    QFETCH(int, bApp);
    QFETCH(int, bDb);
    QFETCH(double, bShare);
    QFETCH(double, lag);
    QFETCH(HaltCondition, condition);
    QFETCH(qint64, elapsedMs);
    QFETCH(bool, tripped);
    Fleet fleet(ComponentStatus(bApp), ComponentStatus(bDb), bShare, lag);
    const Drill drill = killDrill();
    const BlastRadius radius = BlastRadius::resolve(drill, fleet.topology);
    HaltContext context;
    context.topology = &fleet.topology;
    context.radius = &radius;
    context.expected = &drill.expected;
    context.elapsedMs = elapsedMs;
    context.signal = [](const QString &name) -> std::optional<bool> {
        if (name == QLatin1StringView("pass-rule"))
            return true;
        if (name == QLatin1StringView("fail-rule"))
            return false;
        return std::nullopt;
    };
    const HaltReading reading = checkHalt(condition, context);
    QCOMPARE(reading.tripped, tripped);
    QVERIFY(!reading.value.isEmpty());
    QCOMPARE(reading.reason.isEmpty(), !tripped);
}

void tst_HaltCheck::servedShareSkipsDarkAndFailing()
{
    Fleet fleet;
    BlastRadius none;
    // a's payments app is down: a does not serve payments with healthy components.
    QCOMPARE(servedShare(fleet.topology, none, QStringLiteral("payments")), 50.0);
    QCOMPARE(totalShare(fleet.topology, QStringLiteral("payments")), 100.0);
    BlastRadius dark;
    dark.darkSites.insert(QStringLiteral("b"));
    QCOMPARE(servedShare(fleet.topology, dark, QStringLiteral("payments")), 0.0);
}

QTEST_GUILESS_MAIN(tst_HaltCheck)
#include "tst_haltcheck.moc"
