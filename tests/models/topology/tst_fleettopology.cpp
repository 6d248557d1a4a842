// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/topology/fleettopology.h"

#include <QSignalSpy>
#include <QTest>

using namespace Haven;

class TestFleetTopology final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void snapshotsAreContiguousPerSite();
    void changesUpdateOnlyChangedRows();
    void changesThatDoNotApply_data();
    void changesThatDoNotApply();
    void addAndRemoveComponents();
    void fullChangesReplaceEverything();
    void cachedDataIsMarked();
    void removingASiteRemovesItsRows();
    void statusCounts();
};

namespace {

Component component(const QString &id, ComponentStatus status = ComponentStatus::Ok, double cpu = 10)
{
    Component c;
    c.id = id;
    c.name = id;
    c.status = status;
    c.metrics.insert(QStringLiteral("cpu"), cpu);
    return c;
}

TopologySnapshot snapshot(const QString &site, int count, quint64 revision = 10)
{
    TopologySnapshot s;
    s.siteId = site;
    s.epoch = QStringLiteral("e1");
    s.revision = revision;
    for (int i = 0; i < count; ++i)
        s.components.append(component(QStringLiteral("%1-c%2").arg(site).arg(i)));
    return s;
}

SiteState site(const QString &id)
{
    SiteState s;
    s.id = id;
    s.name = id.toUpper();
    return s;
}

TopologyChanges changes(const QString &site, quint64 since, quint64 revision)
{
    TopologyChanges c;
    c.siteId = site;
    c.epoch = QStringLiteral("e1");
    c.since = since;
    c.revision = revision;
    return c;
}

} // namespace

void TestFleetTopology::snapshotsAreContiguousPerSite()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b")), site(QStringLiteral("c"))});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    topology.applySnapshot(QStringLiteral("c"), snapshot(QStringLiteral("c"), 2), now, false);
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 3), now, false);
    topology.applySnapshot(QStringLiteral("b"), snapshot(QStringLiteral("b"), 4), now, false);
    QCOMPARE(topology.componentCount(), 9);
    QCOMPARE(topology.componentSite(0), QStringLiteral("a"));
    QCOMPARE(topology.componentSite(2), QStringLiteral("a"));
    QCOMPARE(topology.componentSite(3), QStringLiteral("b"));
    QCOMPARE(topology.componentSite(7), QStringLiteral("c"));
    QCOMPARE(topology.component(8).id, QStringLiteral("c-c1"));
    QCOMPARE(topology.rowOf(QStringLiteral("b"), QStringLiteral("b-c2")), 5);
    QCOMPARE(topology.rowOf(QStringLiteral("b"), QStringLiteral("nope")), -1);
}

void TestFleetTopology::changesUpdateOnlyChangedRows()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b"))});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 5), now, false);
    topology.applySnapshot(QStringLiteral("b"), snapshot(QStringLiteral("b"), 5), now, false);
    QSignalSpy changed(&topology, &FleetTopology::componentsChanged);
    QSignalSpy inserted(&topology, &FleetTopology::componentsInserted);
    QSignalSpy removed(&topology, &FleetTopology::componentsRemoved);
    TopologyChanges c = changes(QStringLiteral("b"), 10, 12);
    c.components = {component(QStringLiteral("b-c3"), ComponentStatus::Critical, 97)};
    QVERIFY(topology.applyChanges(QStringLiteral("b"), c, now));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QList<int>>(), QList<int>{8});
    QCOMPARE(inserted.size(), 0);
    QCOMPARE(removed.size(), 0);
    QVERIFY(topology.component(8).status == ComponentStatus::Critical);
    QCOMPARE(topology.site(QStringLiteral("b"))->revision, 12u);
}

void TestFleetTopology::changesThatDoNotApply_data()
{
    QTest::addColumn<QString>("epoch");
    QTest::addColumn<quint64>("since");
    QTest::addRow("other epoch") << QStringLiteral("e2") << quint64(10);
    QTest::addRow("gap") << QStringLiteral("e1") << quint64(7);
    QTest::addRow("from the future") << QStringLiteral("e1") << quint64(11);
}

void TestFleetTopology::changesThatDoNotApply()
{
    QFETCH(QString, epoch);
    QFETCH(quint64, since);
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a"))});
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 3), QDateTime::currentDateTimeUtc(),
                           false);
    TopologyChanges c = changes(QStringLiteral("a"), since, since + 1);
    c.epoch = epoch;
    c.components = {component(QStringLiteral("a-c0"), ComponentStatus::Down)};
    QVERIFY(!topology.applyChanges(QStringLiteral("a"), c, QDateTime::currentDateTimeUtc()));
    QVERIFY(topology.component(0).status == ComponentStatus::Ok);
}

void TestFleetTopology::addAndRemoveComponents()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b"))});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 2), now, false);
    topology.applySnapshot(QStringLiteral("b"), snapshot(QStringLiteral("b"), 2), now, false);
    QSignalSpy aboutToInsert(&topology, &FleetTopology::componentsAboutToBeInserted);
    QSignalSpy aboutToRemove(&topology, &FleetTopology::componentsAboutToBeRemoved);
    TopologyChanges c = changes(QStringLiteral("a"), 10, 11);
    c.components = {component(QStringLiteral("a-new"))};
    c.removedComponents = {QStringLiteral("a-c0")};
    QVERIFY(topology.applyChanges(QStringLiteral("a"), c, now));
    QCOMPARE(aboutToInsert.size(), 1);
    QCOMPARE(aboutToInsert.at(0).at(0).toInt(), 2); // appended at the end of site a
    QCOMPARE(aboutToRemove.size(), 1);
    QCOMPARE(aboutToRemove.at(0).at(0).toInt(), 0);
    QCOMPARE(topology.componentCount(), 4);
    QCOMPARE(topology.component(1).id, QStringLiteral("a-new"));
    QCOMPARE(topology.rowOf(QStringLiteral("b"), QStringLiteral("b-c0")), 2);
}

void TestFleetTopology::fullChangesReplaceEverything()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a"))});
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 3), QDateTime::currentDateTimeUtc(),
                           false);
    TopologyChanges c = changes(QStringLiteral("a"), 0, 2);
    c.epoch = QStringLiteral("restarted");
    c.full = true;
    c.components = {component(QStringLiteral("x"))};
    c.traffic = QMap<QString, double>{{QStringLiteral("payments"), 40}};
    QVERIFY(topology.applyChanges(QStringLiteral("a"), c, QDateTime::currentDateTimeUtc()));
    QCOMPARE(topology.componentCount(), 1);
    QCOMPARE(topology.site(QStringLiteral("a"))->epoch, QStringLiteral("restarted"));
    QCOMPARE(topology.site(QStringLiteral("a"))->traffic.value(QStringLiteral("payments")), 40.0);
}

void TestFleetTopology::cachedDataIsMarked()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a"))});
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-600);
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 3), old, true);
    const SiteState *state = topology.site(QStringLiteral("a"));
    QVERIFY(state->fromCache);
    QVERIFY(state->dataAgeSeconds(QDateTime::currentDateTimeUtc()) >= 600);
    // Changes never apply on top of cached data: the agent must send the whole picture.
    QVERIFY(!topology.applyChanges(QStringLiteral("a"), changes(QStringLiteral("a"), 10, 11),
                                   QDateTime::currentDateTimeUtc()));
}

void TestFleetTopology::removingASiteRemovesItsRows()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b"))});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    topology.applySnapshot(QStringLiteral("a"), snapshot(QStringLiteral("a"), 2), now, false);
    topology.applySnapshot(QStringLiteral("b"), snapshot(QStringLiteral("b"), 3), now, false);
    QSignalSpy reset(&topology, &FleetTopology::sitesReset);
    topology.setSites({site(QStringLiteral("b"))});
    QCOMPARE(reset.size(), 1);
    QCOMPARE(topology.componentCount(), 3);
    QCOMPARE(topology.componentSite(0), QStringLiteral("b"));
    QVERIFY(!topology.site(QStringLiteral("a")));
    // What was learnt about b survives the environment change.
    QCOMPARE(topology.site(QStringLiteral("b"))->revision, 10u);
}

void TestFleetTopology::statusCounts()
{
    FleetTopology topology;
    topology.setSites({site(QStringLiteral("a")), site(QStringLiteral("b"))});
    TopologySnapshot a = snapshot(QStringLiteral("a"), 3);
    a.components[1].status = ComponentStatus::Down;
    TopologySnapshot b = snapshot(QStringLiteral("b"), 2);
    b.components[0].status = ComponentStatus::Warning;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    topology.applySnapshot(QStringLiteral("a"), a, now, false);
    topology.applySnapshot(QStringLiteral("b"), b, now, false);
    QCOMPARE(topology.statusCounts(QStringLiteral("a")).value(ComponentStatus::Down), 1);
    QCOMPARE(topology.statusCounts(QStringLiteral("a")).value(ComponentStatus::Warning), 0);
    const QHash<ComponentStatus, int> all = topology.statusCounts();
    QCOMPARE(all.value(ComponentStatus::Ok), 3);
    QCOMPARE(all.value(ComponentStatus::Warning), 1);
    QCOMPARE(all.value(ComponentStatus::Down), 1);
}

QTEST_GUILESS_MAIN(TestFleetTopology)
#include "tst_fleettopology.moc"
