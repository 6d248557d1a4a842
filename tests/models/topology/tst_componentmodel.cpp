// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topology/componentmodel.h"
#include "models/topology/fleettopology.h"
#include "models/topology/sitelistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Haven;

class TestComponentModel final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheTopologyWithoutResets();
    void siteListShowsReachabilityAndAge();
    void formatAge_data();
    void formatAge();
};

namespace {

TopologySnapshot snapshot(const QString &site, int count, ComponentStatus status = ComponentStatus::Ok)
{
    TopologySnapshot s;
    s.siteId = site;
    s.epoch = QStringLiteral("e");
    s.revision = 1;
    for (int i = 0; i < count; ++i) {
        Component c;
        c.id = QStringLiteral("%1-%2").arg(site).arg(i);
        c.name = c.id;
        c.layer = Layer::Database;
        c.status = status;
        c.metrics.insert(QStringLiteral("cpu"), 10 + i);
        s.components.append(c);
    }
    return s;
}

SiteState site(const QString &id)
{
    SiteState s;
    s.id = id;
    s.name = QStringLiteral("Site %1").arg(id);
    return s;
}

} // namespace

void TestComponentModel::followsTheTopologyWithoutResets()
{
    FleetTopology topology;
    ComponentModel model(topology);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b"))});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 4), now, false);
    topology.applySnapshot(QStringLiteral("b"), snapshot(QStringLiteral("b"), 3), now, false);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(model.index(5, ComponentModel::SiteColumn).data().toString(), QStringLiteral("Site b"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    TopologyChanges c;
    c.siteId = QStringLiteral("b");
    c.epoch = QStringLiteral("e");
    c.since = 1;
    c.revision = 2;
    Component down = snapshot(QStringLiteral("b"), 3).components.at(1);
    down.status = ComponentStatus::Down;
    c.components = {down};
    QVERIFY(topology.applyChanges(QStringLiteral("b"), c, now));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 5);
    QCOMPARE(model.index(5, 0).data(ComponentModel::StatusRole).toInt(), int(ComponentStatus::Down));
    QCOMPARE(model.index(5, ComponentModel::StatusColumn).data().toString(), QStringLiteral("Down"));

    // A new snapshot with other components inserts and removes rows, still no reset.
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("x"), 2), now, false);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(reset.size(), 0);
}

void TestComponentModel::siteListShowsReachabilityAndAge()
{
    FleetTopology topology;
    SiteListModel sites(topology);
    QAbstractItemModelTester tester(&sites, QAbstractItemModelTester::FailureReportingMode::QtTest);
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b"))});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    sites.setClockForTesting(now);
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 3, ComponentStatus::Warning),
                           now.addSecs(-200), true);
    topology.setReachability(QStringLiteral("a"), Reachability::Unreachable, QStringLiteral("refused"), {});
    topology.setReachability(QStringLiteral("b"), Reachability::Online, {}, now);
    QCOMPARE(sites.rowCount(), 2);
    QCOMPARE(sites.index(0, SiteListModel::ReachabilityColumn).data().toString(), QStringLiteral("unreachable"));
    QCOMPARE(sites.index(0, SiteListModel::DataAgeColumn).data().toString(), QStringLiteral("3 min old"));
    QVERIFY(sites.index(0, 0).data(SiteListModel::StaleRole).toBool());
    QCOMPARE(sites.index(0, SiteListModel::WarningColumn).data().toInt(), 3);
    QCOMPARE(sites.index(0, SiteListModel::ProblemColumn).data().toString(), QStringLiteral("refused"));
    QCOMPARE(sites.index(1, SiteListModel::ReachabilityColumn).data().toString(), QStringLiteral("online"));
    QCOMPARE(sites.index(1, SiteListModel::DataAgeColumn).data().toString(), QStringLiteral("no data"));
}

void TestComponentModel::formatAge_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::addRow("none") << qint64(-1) << QStringLiteral("no data");
    QTest::addRow("seconds") << qint64(42) << QStringLiteral("42 s");
    QTest::addRow("minutes") << qint64(150) << QStringLiteral("2 min");
    QTest::addRow("hours") << qint64(3 * 3600 + 5 * 60) << QStringLiteral("3 h 5 min");
    QTest::addRow("days") << qint64(3 * 86400 + 10) << QStringLiteral("3 d");
}

void TestComponentModel::formatAge()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(SiteListModel::formatAge(seconds), expected);
}

QTEST_GUILESS_MAIN(TestComponentModel)
#include "tst_componentmodel.moc"
