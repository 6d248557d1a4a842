// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/site/topologystate.h"

#include <QTest>

using namespace Haven;

class TestTopologyState final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unchangedDoesNotBump();
    void changesSinceSendsOnlyNewer();
    void removalIsReported();
    void otherEpochGetsEverything_data();
    void otherEpochGetsEverything();
    void trafficAndDependencies();
};

static Component component(const QString &id, double cpu = 10)
{
    Component c;
    c.id = id;
    c.name = id;
    c.layer = Layer::Business;
    c.status = ComponentStatus::Ok;
    c.metrics.insert(QStringLiteral("cpu"), cpu);
    return c;
}

void TestTopologyState::unchangedDoesNotBump()
{
    TopologyState state(QStringLiteral("s"));
    QVERIFY(state.setComponent(component(QStringLiteral("a"))));
    const quint64 revision = state.revision();
    QVERIFY(!state.setComponent(component(QStringLiteral("a"))));
    QCOMPARE(state.revision(), revision);
    QVERIFY(state.setComponent(component(QStringLiteral("a"), 11)));
    QCOMPARE(state.revision(), revision + 1);
    QCOMPARE(state.component(QStringLiteral("a"))->revision, revision + 1);
}

void TestTopologyState::changesSinceSendsOnlyNewer()
{
    TopologyState state(QStringLiteral("s"));
    for (int i = 0; i < 10; ++i)
        state.setComponent(component(QStringLiteral("c%1").arg(i)));
    const quint64 mark = state.revision();
    state.setComponent(component(QStringLiteral("c3"), 50));
    state.setComponent(component(QStringLiteral("c7"), 60));
    const TopologyChanges changes = state.changesSince(mark, state.epoch());
    QVERIFY(!changes.full);
    QCOMPARE(changes.components.size(), 2);
    QCOMPARE(changes.components.at(0).id, QStringLiteral("c3"));
    QCOMPARE(changes.components.at(1).id, QStringLiteral("c7"));
    QCOMPARE(changes.revision, mark + 2);
    QVERIFY(state.changesSince(state.revision(), state.epoch()).isEmpty());
}

void TestTopologyState::removalIsReported()
{
    TopologyState state(QStringLiteral("s"));
    state.setComponent(component(QStringLiteral("a")));
    state.setComponent(component(QStringLiteral("b")));
    const quint64 mark = state.revision();
    QVERIFY(state.removeComponent(QStringLiteral("a")));
    QVERIFY(!state.removeComponent(QStringLiteral("a")));
    const TopologyChanges changes = state.changesSince(mark, state.epoch());
    QCOMPARE(changes.removedComponents, QStringList{QStringLiteral("a")});
    QVERIFY(changes.components.isEmpty());
    QCOMPARE(state.snapshot().components.size(), 1);
    // Re-adding clears the tombstone.
    state.setComponent(component(QStringLiteral("a")));
    QVERIFY(state.changesSince(mark, state.epoch()).removedComponents.isEmpty());
}

void TestTopologyState::otherEpochGetsEverything_data()
{
    QTest::addColumn<QString>("epoch");
    QTest::addColumn<qint64>("since");
    QTest::addRow("no epoch") << QString() << qint64(1);
    QTest::addRow("stale epoch") << QStringLiteral("old") << qint64(1);
    QTest::addRow("revision from the future") << QStringLiteral("<current>") << qint64(1000);
}

void TestTopologyState::otherEpochGetsEverything()
{
    QFETCH(QString, epoch);
    QFETCH(qint64, since);
    TopologyState state(QStringLiteral("s"));
    for (int i = 0; i < 5; ++i)
        state.setComponent(component(QStringLiteral("c%1").arg(i)));
    if (epoch == QLatin1StringView("<current>"))
        epoch = state.epoch();
    const TopologyChanges changes = state.changesSince(quint64(since), epoch);
    QVERIFY(changes.full);
    QCOMPARE(changes.components.size(), 5);
}

void TestTopologyState::trafficAndDependencies()
{
    TopologyState state(QStringLiteral("s"));
    state.setTraffic({{QStringLiteral("payments"), 60}});
    state.setDependencies({Dependency{QStringLiteral("a"), QStringLiteral("b")}});
    const quint64 mark = state.revision();
    QVERIFY(!state.setTraffic({{QStringLiteral("payments"), 60}}));
    QVERIFY(state.changesSince(mark, state.epoch()).isEmpty());
    QVERIFY(state.setTraffic({{QStringLiteral("payments"), 0}}));
    const TopologyChanges changes = state.changesSince(mark, state.epoch());
    QVERIFY(changes.traffic.has_value());
    QVERIFY(!changes.dependencies.has_value());
    QCOMPARE(changes.traffic->value(QStringLiteral("payments")), 0.0);
}

QTEST_GUILESS_MAIN(TestTopologyState)
#include "tst_topologystate.moc"
