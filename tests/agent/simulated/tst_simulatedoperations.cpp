// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated site's operations: the catalog, what each operation does over simulated time,
// how it fails, and cancelling one half-way.
#include "agent/simulated/simulatedsite.h"
#include "simulatedtest.h"

#include <QStandardPaths>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class TestSimulatedOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void catalog();
    void operationRefused_data();
    void operationRefused();
    void trafficCutAndRestore();
    void restoreWithoutShareFails();
    void appRestartFollowsDependencies();
    void startFailsWhenDependencyDown();
    void dbPromote();
    void promoteWithoutStandbyFails();
    void waitReplication();
    void healthCheck();
    void cancelMidOperation();
};

void TestSimulatedOperations::catalog()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const QList<OperationSpec> operations = site->operations();
    QHash<QString, OperationSpec> byCode;
    for (const OperationSpec &spec : operations)
        byCode.insert(spec.code, spec);
    QCOMPARE(byCode.size(), 12);
    for (const OperationSpec &spec : operations) {
        if (spec.reversible) {
            QVERIFY2(byCode.contains(spec.inverse), qPrintable(spec.code));
            QCOMPARE(byCode.value(spec.inverse).inverse, spec.code);
        }
        QVERIFY(!validateParameters(spec.parameters, {{QStringLiteral("bogus"), 1}}).isEmpty());
    }
    QVERIFY(!byCode.value(QStringLiteral("app.restart")).reversible);
    QCOMPARE(validateParameters(byCode.value(QStringLiteral("traffic.restore")).parameters,
                                {{QStringLiteral("productGroup"), QStringLiteral("payments")},
                                 {QStringLiteral("share"), 30}}),
             QString());
}

void TestSimulatedOperations::operationRefused_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QJsonObject>("parameters");
    QTest::addColumn<QString>("expected");
    QTest::addRow("unknown operation") << QStringLiteral("dns.flip") << QJsonObject()
                                       << QStringLiteral("unknown operation \"dns.flip\"");
    QTest::addRow("unknown product group")
        << QStringLiteral("traffic.cut") << group(QStringLiteral("loans"))
        << QStringLiteral("parameter \"productGroup\" must be one of payments, accounts, trading");
    QTest::addRow("missing product group")
        << QStringLiteral("app.stop") << QJsonObject() << QStringLiteral("parameter \"productGroup\" is required");
    QTest::addRow("unknown component") << QStringLiteral("db.promote")
                                       << QJsonObject{{QStringLiteral("component"), QStringLiteral("sha-nope")}}
                                       << QStringLiteral("unknown component \"sha-nope\"");
    QTest::addRow("component of another layer")
        << QStringLiteral("db.promote") << QJsonObject{{QStringLiteral("component"), QStringLiteral("sha-nas-01")}}
        << QStringLiteral("sha-nas-01 is a storage component; db.promote needs a database component");
    QTest::addRow("negative wait") << QStringLiteral("wait.seconds") << QJsonObject{{QStringLiteral("seconds"), -1}}
                                   << QStringLiteral("parameter \"seconds\" must be at least 0");
}

void TestSimulatedOperations::operationRefused()
{
    QFETCH(QString, operation);
    QFETCH(QJsonObject, parameters);
    QFETCH(QString, expected);
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    QCOMPARE(site->checkOperation(operation, parameters), expected);
    QString error;
    QCOMPARE(site->startOperation(operation, parameters, &error), quint64(0));
    QCOMPARE(error, expected);
}

void TestSimulatedOperations::trafficCutAndRestore()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const QString payments = QStringLiteral("payments");
    QCOMPARE(site->topology().traffic().value(payments), 50.0);
    QVERIFY(site->topology().component(QStringLiteral("sha-pay-gw-01"))->metrics.value(QStringLiteral("qps")) > 1000);

    const quint64 cut = start(*site, QStringLiteral("traffic.cut"), group(payments));
    QList<double> seen;
    RunOutcome outcome;
    for (int i = 0; i < 60 && outcome.state == ActionState::Running; ++i) {
        outcome = finish(*site, cut, 0.25, outcome);
        const double share = site->topology().traffic().value(payments);
        if (seen.isEmpty() || seen.constLast() != share)
            seen.append(share);
    }
    COMPARE_ENUM(outcome.state, ActionState::Succeeded);
    QCOMPARE(seen.constFirst(), 50.0);
    QCOMPARE(seen.constLast(), 0.0);
    QVERIFY2(seen.size() >= 4, "the share should move gradually");
    QVERIFY(std::is_sorted(seen.crbegin(), seen.crend()));
    QCOMPARE(site->topology().traffic().value(QStringLiteral("accounts")), 60.0); // other groups keep theirs
    QCOMPARE(site->topology().component(QStringLiteral("sha-pay-gw-01"))->metrics.value(QStringLiteral("qps")), 0.0);

    const RunOutcome restored = finish(*site, start(*site, QStringLiteral("traffic.restore"), group(payments)), 30);
    COMPARE_ENUM(restored.state, ActionState::Succeeded);
    QCOMPARE(site->topology().traffic().value(payments), 50.0);

    QJsonObject withShare = group(payments);
    withShare.insert(QStringLiteral("share"), 100);
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("traffic.restore"), withShare), 30).state,
                 ActionState::Succeeded);
    QCOMPARE(site->topology().traffic().value(payments), 100.0);
}

void TestSimulatedOperations::restoreWithoutShareFails()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("hzc"));
    QVERIFY(site);
    const RunOutcome outcome = finish(*site,
                                      start(*site, QStringLiteral("traffic.restore"), group(QStringLiteral("payments"))),
                                      30);
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QVERIFY2(outcome.message.startsWith(QStringLiteral("no payments traffic share to restore")),
             qPrintable(outcome.message));
}

void TestSimulatedOperations::appRestartFollowsDependencies()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    QStringList members;
    for (const QString &id : site->startOrder()) {
        const Component *c = site->topology().component(id);
        if (c->productGroup == QLatin1StringView("payments")
            && (c->layer == Layer::Business || c->layer == Layer::Middleware))
            members.append(id);
    }
    QCOMPARE(members.size(), 6);

    const quint64 run = start(*site, QStringLiteral("app.restart"), group(QStringLiteral("payments")));
    QHash<QString, double> downAt;
    QHash<QString, double> upAt;
    QStringList downOrder;
    QStringList upOrder;
    RunOutcome outcome;
    while (outcome.state == ActionState::Running && site->elapsed() < 300) {
        outcome = finish(*site, run, 0.25, outcome);
        for (const QString &id : std::as_const(members)) {
            const bool down = statusOf(*site, id) == ComponentStatus::Down;
            if (down && !downAt.contains(id)) {
                downAt.insert(id, site->elapsed());
                downOrder.append(id);
            } else if (!down && downAt.contains(id) && !upAt.contains(id)) {
                upAt.insert(id, site->elapsed());
                upOrder.append(id);
            }
        }
    }
    COMPARE_ENUM(outcome.state, ActionState::Succeeded);
    QCOMPARE(upOrder, members);
    QStringList reversed(members.crbegin(), members.crend());
    QCOMPARE(downOrder, reversed);
    const double lastDown = *std::max_element(downAt.cbegin(), downAt.cend());
    const double firstUp = *std::min_element(upAt.cbegin(), upAt.cend());
    QVERIFY(lastDown < firstUp);
    // The order is the dependencies' order, not just the list's: check every edge inside the group.
    for (const Dependency &d : site->topology().dependencies()) {
        if (!members.contains(d.from) || !members.contains(d.to))
            continue;
        QVERIFY2(downAt.value(d.from) < downAt.value(d.to),
                 qPrintable(d.from + QStringLiteral(" stops before ") + d.to));
        QVERIFY2(upAt.value(d.to) < upAt.value(d.from), qPrintable(d.to + QStringLiteral(" starts before ") + d.from));
    }
    QVERIFY(outcome.log.contains(QStringLiteral("sha-pay-gw-01 is up")));
}

void TestSimulatedOperations::startFailsWhenDependencyDown()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    QVERIFY(finish(*site, start(*site, QStringLiteral("app.stop"), group(QStringLiteral("payments")))).state
            == ActionState::Succeeded);
    QCOMPARE(site->applyFault(
                 fault(QStringLiteral("f1"), FaultKind::ProcessKill, QStringLiteral("sha-pay-proxysql-01"))),
             QString());
    const RunOutcome outcome = finish(*site,
                                      start(*site, QStringLiteral("app.start"), group(QStringLiteral("payments"))));
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QVERIFY2(outcome.message.contains(QStringLiteral("depends on sha-pay-proxysql-01, which is down")),
             qPrintable(outcome.message));
    site->revertFault(QStringLiteral("f1"));
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("app.start"), group(QStringLiteral("payments")))).state,
                 ActionState::Succeeded);
    QVERIFY(statusOf(*site, QStringLiteral("sha-pay-gw-01")) != ComponentStatus::Down);
}

void TestSimulatedOperations::dbPromote()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("shb"));
    QVERIFY(site);
    const QString linkId = QStringLiteral("pay-mysql-01.sha-shb");
    COMPARE_ENUM(linkNamed(*site, linkId)->role, ReplicationRole::Standby);
    const double before = linkNamed(*site, linkId)->lagSeconds;
    QVERIFY(before < 2);

    const RunOutcome outcome = finish(*site,
                                      start(*site, QStringLiteral("db.promote"), group(QStringLiteral("payments"))));
    COMPARE_ENUM(outcome.state, ActionState::Succeeded);
    const ReplicationLink *link = linkNamed(*site, linkId);
    COMPARE_ENUM(link->role, ReplicationRole::Primary);
    QCOMPARE(link->fromSite, QStringLiteral("shb"));
    QCOMPARE(link->fromComponent, QStringLiteral("shb-pay-mysql-01"));
    QCOMPARE(link->toSite, QStringLiteral("sha"));
    QVERIFY2(link->lagSeconds > before + 10, "the lag spikes while the old primary resynchronises");
    COMPARE_ENUM(link->state, ReplicationState::Lagging);
    // Other groups' databases were not touched.
    COMPARE_ENUM(linkNamed(*site, QStringLiteral("acct-oracle-01.sha-shb"))->role, ReplicationRole::Standby);

    site->advance(120);
    QVERIFY2(linkNamed(*site, linkId)->lagSeconds < 2, "then it settles");
    COMPARE_ENUM(linkNamed(*site, linkId)->state, ReplicationState::Healthy);

    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("db.demote"), group(QStringLiteral("payments")))).state,
                 ActionState::Succeeded);
    COMPARE_ENUM(linkNamed(*site, linkId)->role, ReplicationRole::Standby);
}

void TestSimulatedOperations::promoteWithoutStandbyFails()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const RunOutcome outcome = finish(*site,
                                      start(*site, QStringLiteral("db.promote"), group(QStringLiteral("payments"))));
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QCOMPARE(outcome.message,
             QStringLiteral("no standby database for payments at this site: sha-pay-mysql-01 is already primary"));
    COMPARE_ENUM(linkNamed(*site, QStringLiteral("pay-mysql-01.sha-shb"))->role, ReplicationRole::Primary);

    QCOMPARE(site->applyFault(fault(QStringLiteral("k"), FaultKind::ProcessKill, QStringLiteral("sha-nas-01"))),
             QString());
    const RunOutcome down = finish(*site, start(*site, QStringLiteral("storage.demote"),
                                                {{QStringLiteral("component"), QStringLiteral("sha-nas-01")}}));
    COMPARE_ENUM(down.state, ActionState::Failed);
    QVERIFY2(down.message.startsWith(QStringLiteral("cannot demote sha-nas-01: it is down")), qPrintable(down.message));
}

void TestSimulatedOperations::waitReplication()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("shb"));
    QVERIFY(site);
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("db.promote"), group(QStringLiteral("payments")))).state,
                 ActionState::Succeeded);
    const QJsonObject shortWait{{QStringLiteral("productGroup"), QStringLiteral("payments")},
                                {QStringLiteral("maxLagSeconds"), 2},
                                {QStringLiteral("timeoutSeconds"), 5}};
    const RunOutcome timedOut = finish(*site, start(*site, QStringLiteral("wait.replication"), shortWait));
    COMPARE_ENUM(timedOut.state, ActionState::Failed);
    QVERIFY2(timedOut.message.contains(QStringLiteral("pay-mysql-01.sha-shb (lag")), qPrintable(timedOut.message));
    QVERIFY(site->elapsed() < 60);

    QJsonObject longWait = shortWait;
    longWait.insert(QStringLiteral("timeoutSeconds"), 300);
    const double started = site->elapsed();
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("wait.replication"), longWait)).state,
                 ActionState::Succeeded);
    QVERIFY(site->elapsed() - started < 120);
}

void TestSimulatedOperations::healthCheck()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const QJsonObject databases{{QStringLiteral("layer"), QStringLiteral("database")}};
    COMPARE_ENUM(finish(*site, start(*site, QStringLiteral("health.check"), databases)).state, ActionState::Succeeded);
    QCOMPARE(site->applyFault(fault(QStringLiteral("k"), FaultKind::ProcessKill, QStringLiteral("sha-trade-mysql-01"))),
             QString());
    const RunOutcome outcome = finish(*site, start(*site, QStringLiteral("health.check"), databases));
    COMPARE_ENUM(outcome.state, ActionState::Failed);
    QCOMPARE(outcome.message, QStringLiteral("1 of 8 components unhealthy: sha-trade-mysql-01 (down)"));
    QVERIFY(outcome.log.contains(QStringLiteral("sha-trade-mysql-01 is down: process killed (fault k)")));
}

void TestSimulatedOperations::cancelMidOperation()
{
    const std::unique_ptr<SimulatedSite> site = loadDemo(QStringLiteral("sha"));
    QVERIFY(site);
    const quint64 run = start(*site, QStringLiteral("app.stop"), group(QStringLiteral("trading")));
    RunOutcome outcome = finish(*site, run, 4);
    COMPARE_ENUM(outcome.state, ActionState::Running);
    QVERIFY(site->isRunning(run));
    site->cancelOperation(run);
    outcome = finish(*site, run, 30, outcome);
    COMPARE_ENUM(outcome.state, ActionState::Cancelled);
    QVERIFY(!site->isRunning(run));
    QVERIFY2(outcome.message.startsWith(QStringLiteral("cancelled; down: sha-trade-gw-01")),
             qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("; running: ")), qPrintable(outcome.message));
    QCOMPARE(outcome.log.constLast(), QStringLiteral("cancelled: ") + outcome.message);
    COMPARE_ENUM(statusOf(*site, QStringLiteral("sha-trade-gw-01")), ComponentStatus::Down);
    QVERIFY(statusOf(*site, QStringLiteral("sha-trade-redis-01")) != ComponentStatus::Down);

    // A cut traffic ramp stops where it was.
    const quint64 cut = start(*site, QStringLiteral("traffic.cut"), group(QStringLiteral("trading")));
    outcome = finish(*site, cut, 2.1);
    site->cancelOperation(cut);
    outcome = finish(*site, cut, 10, outcome);
    COMPARE_ENUM(outcome.state, ActionState::Cancelled);
    const double share = site->topology().traffic().value(QStringLiteral("trading"));
    QVERIFY(share > 0 && share < 40);
    QCOMPARE(outcome.message, QStringLiteral("cancelled; the trading traffic share is left at %1%").arg(share));
}

QTEST_GUILESS_MAIN(TestSimulatedOperations)
#include "tst_simulatedoperations.moc"
