// SPDX-License-Identifier: GPL-3.0-or-later
// The Plan model: id-based editing API, signals, connection rules, versions and diff, guards,
// and persistence in the local store.

#include "agent/simulated/simulatedsite.h"
#include "models/plans/plan.h"
#include "models/plans/planformat.h"
#include "models/plans/planrepository.h"
#include "models/plans/plantemplates.h"
#include "models/store/localstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

namespace {

QList<OperationSpec> demoCatalog()
{
    QString error;
    const auto site = SimulatedSite::fromFile(QStringLiteral(HAVEN_PROFILES_DIR "/demo/sha.json"), 1, &error);
    return site ? site->operations() : QList<OperationSpec>{};
}

PlanStep makeStep(const QString &name, const QString &operation, PlanPhase phase = PlanPhase::Switchover)
{
    PlanStep step;
    step.name = name;
    step.operation = operation;
    step.phase = phase;
    step.productGroup = QStringLiteral("payments");
    step.parameters = {{QStringLiteral("productGroup"), QStringLiteral("payments")}};
    return step;
}

} // namespace

class TestPlan final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void addStepAssignsIdsAndSignals();
    void addStepWithGivenId();
    void removeStepRemovesEdgesFirst();
    void setStepAndMoves();
    void metadataSignals();
    void connectionPossible_data();
    void connectionPossible();
    void stateNeedsValidPlan();
    void versionsAndDiff();
    void revertToVersion();
    void guards_data();
    void guards();
    void retryDelays();
    void persistence();
};

void TestPlan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestPlan::addStepAssignsIdsAndSignals()
{
    Plan plan;
    QSignalSpy added(&plan, &Plan::stepAdded);
    QSignalSpy changed(&plan, &Plan::planChanged);
    const StepId a = plan.addStep(makeStep(QStringLiteral("Cut"), QStringLiteral("traffic.cut")));
    const StepId b = plan.addStep(makeStep(QStringLiteral("Promote"), QStringLiteral("db.promote")));
    QCOMPARE(a, 1);
    QCOMPARE(b, 2);
    QCOMPARE(added.count(), 2);
    QCOMPARE(added.at(1).at(0).value<StepId>(), b);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(plan.step(a).name, QStringLiteral("Cut"));
    QCOMPARE(plan.step(a).id, a);
    QCOMPARE(plan.step(99).id, InvalidStepId);
    QCOMPARE(plan.stepIds(), (QList<StepId>{1, 2}));
    QCOMPARE(plan.stepIds(PlanPhase::Recovery), QList<StepId>{});
}

void TestPlan::addStepWithGivenId()
{
    Plan plan;
    PlanStep step = makeStep(QStringLiteral("Five"), QStringLiteral("traffic.cut"));
    step.id = 5;
    QCOMPARE(plan.addStep(step), 5);
    QCOMPARE(plan.addStep(step), InvalidStepId); // taken
    QCOMPARE(plan.nextStepId(), 6);
    step.id = 3; // an undo re-adding an older id
    QCOMPARE(plan.addStep(step), 3);
    QCOMPARE(plan.stepIds(), (QList<StepId>{3, 5}));
    QCOMPARE(plan.addStep(makeStep(QStringLiteral("Fresh"), QStringLiteral("traffic.cut"))), 6);
}

void TestPlan::removeStepRemovesEdgesFirst()
{
    Plan plan;
    const StepId a = plan.addStep(makeStep(QStringLiteral("A"), QStringLiteral("traffic.cut")));
    const StepId b = plan.addStep(makeStep(QStringLiteral("B"), QStringLiteral("db.promote")));
    const StepId c = plan.addStep(makeStep(QStringLiteral("C"), QStringLiteral("app.restart")));
    QVERIFY(plan.addEdge(a, b));
    QVERIFY(plan.addEdge(b, c));
    QStringList events;
    connect(&plan, &Plan::edgeRemoved, this,
            [&events](StepId from, StepId to) { events.append(QStringLiteral("edge %1-%2").arg(from).arg(to)); });
    connect(&plan, &Plan::stepRemoved, this, [&events](StepId id) { events.append(QStringLiteral("step %1").arg(id)); });
    QVERIFY(plan.removeStep(b));
    QCOMPARE(events, (QStringList{QStringLiteral("edge 1-2"), QStringLiteral("edge 2-3"), QStringLiteral("step 2")}));
    QVERIFY(plan.edges().isEmpty());
    QVERIFY(!plan.removeStep(b));
    QVERIFY(!plan.hasStep(b));
    QVERIFY(plan.hasStep(a) && plan.hasStep(c));
    QVERIFY(!plan.removeEdge(a, c));
}

void TestPlan::setStepAndMoves()
{
    Plan plan;
    const StepId a = plan.addStep(makeStep(QStringLiteral("A"), QStringLiteral("traffic.cut")));
    QSignalSpy changed(&plan, &Plan::stepChanged);
    QSignalSpy moved(&plan, &Plan::stepMoved);
    QSignalSpy planChanged(&plan, &Plan::planChanged);

    QVERIFY(plan.setStepPosition(a, QPointF(40, 80)));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(planChanged.count(), 0); // moves are not logic
    QCOMPARE(plan.step(a).position, QPointF(40, 80));
    QVERIFY(plan.setStepPosition(a, QPointF(40, 80)));
    QCOMPARE(moved.count(), 1); // unchanged: no signal

    PlanStep edited = plan.step(a);
    edited.timeoutSeconds = 600;
    QVERIFY(plan.setStep(edited));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(planChanged.count(), 1);
    QCOMPARE(plan.step(a).timeoutSeconds, 600);
    QVERIFY(plan.setStep(edited)); // same value: no signal
    QCOMPARE(changed.count(), 1);

    edited.id = 42;
    QVERIFY(!plan.setStep(edited)); // unknown id

    // Changing the phase of a connected step is refused.
    const StepId b = plan.addStep(makeStep(QStringLiteral("B"), QStringLiteral("db.promote")));
    QVERIFY(plan.addEdge(a, b));
    PlanStep moveToRecovery = plan.step(b);
    moveToRecovery.phase = PlanPhase::Recovery;
    QVERIFY(!plan.setStep(moveToRecovery));
    QVERIFY(plan.removeEdge(a, b));
    QVERIFY(plan.setStep(moveToRecovery));
    QCOMPARE(plan.stepIds(PlanPhase::Recovery), QList<StepId>{b});
}

void TestPlan::metadataSignals()
{
    Plan plan;
    QSignalSpy metadata(&plan, &Plan::metadataChanged);
    plan.setName(QStringLiteral("Payments switchover"));
    plan.setName(QStringLiteral("Payments switchover"));
    QCOMPARE(metadata.count(), 1);
    plan.setRtoSeconds(600);
    plan.setRpoSeconds(30);
    plan.setKind(PlanKind::Emergency);
    QCOMPARE(metadata.count(), 4);
    QVERIFY(plan.phases() == QList<PlanPhase>{PlanPhase::Switchover});
    PlanMetadata m = plan.metadata();
    m.state = PlanState::Effective; // ignored: state only through setState
    m.description = QStringLiteral("for drills");
    plan.setMetadata(m);
    QCOMPARE(toString(plan.state()), toString(PlanState::Draft));
    QCOMPARE(plan.metadata().description, QStringLiteral("for drills"));
    QCOMPARE(metadata.count(), 5);
}

void TestPlan::connectionPossible_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<bool>("possible");
    QTest::addColumn<QString>("problem");
    // Steps: 1 → 2 → 3 in the switchover, 4 in the recovery.
    QTest::addRow("new edge") << 1 << 3 << true << QString();
    QTest::addRow("self") << 2 << 2 << false << QStringLiteral("itself");
    QTest::addRow("duplicate") << 1 << 2 << false << QStringLiteral("already runs before");
    QTest::addRow("direct cycle") << 2 << 1 << false << QStringLiteral("cycle");
    QTest::addRow("long cycle") << 3 << 1 << false << QStringLiteral("cycle");
    QTest::addRow("cross phase") << 3 << 4 << false << QStringLiteral("recovery");
    QTest::addRow("missing step") << 1 << 99 << false << QStringLiteral("steps of this plan");
}

void TestPlan::connectionPossible()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(bool, possible);
    QFETCH(QString, problem);
    Plan plan;
    plan.addStep(makeStep(QStringLiteral("A"), QStringLiteral("traffic.cut")));
    plan.addStep(makeStep(QStringLiteral("B"), QStringLiteral("db.promote")));
    plan.addStep(makeStep(QStringLiteral("C"), QStringLiteral("app.restart")));
    plan.addStep(makeStep(QStringLiteral("D"), QStringLiteral("db.demote"), PlanPhase::Recovery));
    QVERIFY(plan.addEdge(1, 2));
    QVERIFY(plan.addEdge(2, 3));
    QSignalSpy added(&plan, &Plan::edgeAdded);
    QCOMPARE(plan.connectionPossible(from, to), possible);
    QVERIFY2(plan.connectionProblem(from, to).contains(problem), qPrintable(plan.connectionProblem(from, to)));
    QCOMPARE(plan.addEdge(from, to), possible);
    QCOMPARE(added.count(), possible ? 1 : 0);
    if (possible) {
        QCOMPARE(added.at(0).at(0).value<StepId>(), from);
        QCOMPARE(added.at(0).at(1).value<StepId>(), to);
        QVERIFY(plan.hasEdge(from, to));
        QVERIFY(plan.successors(from).contains(to));
        QVERIFY(plan.predecessors(to).contains(from));
    }
}

void TestPlan::stateNeedsValidPlan()
{
    const QList<OperationSpec> catalog = demoCatalog();
    QVERIFY(!catalog.isEmpty());
    Plan plan;
    plan.setName(QStringLiteral("Broken"));
    plan.addStep(makeStep(QStringLiteral("A"), QStringLiteral("traffic.teleport")));
    QSignalSpy state(&plan, &Plan::stateChanged);
    QString why;
    QVERIFY(!plan.canBecomeEffective(catalog, &why));
    QVERIFY2(why.contains(QStringLiteral("traffic.teleport")), qPrintable(why));
    QVERIFY(!plan.setState(PlanState::Effective, catalog, &why));
    QCOMPARE(toString(plan.state()), toString(PlanState::Draft));
    QCOMPARE(state.count(), 0);
    QVERIFY(plan.setState(PlanState::Disabled));
    QCOMPARE(state.count(), 1);

    Plan good(PlanTemplates::create(PlanTemplates::Architecture::RemoteActiveStandby));
    QVERIFY(!good.setState(PlanState::Effective)); // no catalog: cannot be checked
    QVERIFY2(good.setState(PlanState::Effective, catalog, &why), qPrintable(why));
    QCOMPARE(toString(good.state()), toString(PlanState::Effective));
}

void TestPlan::versionsAndDiff()
{
    Plan plan;
    plan.setName(QStringLiteral("Payments"));
    const StepId a = plan.addStep(makeStep(QStringLiteral("Cut"), QStringLiteral("traffic.cut")));
    const StepId b = plan.addStep(makeStep(QStringLiteral("Promote"), QStringLiteral("db.promote")));
    QVERIFY(plan.addEdge(a, b));
    QSignalSpy versions(&plan, &Plan::versionsChanged);
    const QDateTime t1 = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    const PlanVersion v1 = plan.saveVersion(QStringLiteral("alice"), QStringLiteral("first"), t1);
    QCOMPARE(v1.number, 1);
    QCOMPARE(plan.version(), 1);
    QCOMPARE(versions.count(), 1);
    QCOMPARE(v1.snapshot.value(QStringLiteral("format")).toString(), QStringLiteral("haven-plan"));

    PlanStep cut = plan.step(a);
    cut.timeoutSeconds = 600;
    cut.requiresApproval = true;
    QVERIFY(plan.setStep(cut));
    QVERIFY(plan.removeEdge(a, b));
    const StepId c = plan.addStep(makeStep(QStringLiteral("Restart"), QStringLiteral("app.restart")));
    QVERIFY(plan.addEdge(a, c));
    QVERIFY(plan.removeStep(b));
    plan.setName(QStringLiteral("Payments v2"));
    plan.setRtoSeconds(900);
    plan.saveVersion(QStringLiteral("bob"), QStringLiteral("second"), t1.addDays(1));
    QCOMPARE(plan.version(), 2);

    // The first snapshot is immutable: later edits do not reach it.
    QCOMPARE(plan.versionData(1)->snapshot, v1.snapshot);

    const PlanDiff d = plan.diff(1, 2);
    QCOMPARE(d.addedSteps, QList<StepId>{c});
    QCOMPARE(d.removedSteps, QList<StepId>{b});
    QCOMPARE(d.changedSteps, QList<StepId>{a});
    QCOMPARE(d.addedEdges, (QList<PlanEdge>{{a, c}}));
    QCOMPARE(d.removedEdges, (QList<PlanEdge>{{a, b}}));
    QCOMPARE(d.metadata.size(), 2);
    const QString text = d.lines.join(QLatin1Char('\n'));
    QVERIFY2(text.contains(QStringLiteral("timeout 300 s → 600 s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("approval gate added")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Added step 3 \"Restart\" (app.restart)")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Removed step 2 \"Promote\"")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Removed dependency: step 1 \"Cut\" → step 2 \"Promote\"")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Plan name: Payments → Payments v2")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("RTO")), qPrintable(text));
    QVERIFY(plan.diff(2, 2).isEmpty());
    QVERIFY(plan.diff(2, 0).isEmpty()); // current == latest
}

void TestPlan::revertToVersion()
{
    Plan plan;
    plan.setId(QStringLiteral("p1"));
    plan.addStep(makeStep(QStringLiteral("Cut"), QStringLiteral("traffic.cut")));
    plan.saveVersion(QStringLiteral("alice"), {});
    const PlanData saved = plan.data();
    plan.addStep(makeStep(QStringLiteral("Extra"), QStringLiteral("app.restart")));
    plan.setName(QStringLiteral("changed"));
    QSignalSpy reset(&plan, &Plan::modelReset);
    QVERIFY(plan.revertToVersion(1));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(plan.data(), saved);
    QVERIFY(!plan.revertToVersion(7));
    // Ids stay unique after a revert: the next step does not reuse the removed "Extra" id.
    QCOMPARE(plan.addStep(makeStep(QStringLiteral("Next"), QStringLiteral("app.restart"))), 3);
}

void TestPlan::guards_data()
{
    QTest::addColumn<QJsonObject>("guard");
    QTest::addColumn<bool>("holds");
    QTest::addColumn<QString>("mention");
    const QString lag = QStringLiteral("replicationLagBelow");
    QTest::addRow("lag below") << QJsonObject{{QStringLiteral("kind"), lag},
                                              {QStringLiteral("seconds"), 5},
                                              {QStringLiteral("productGroup"), QStringLiteral("payments")}}
                               << true << QStringLiteral("holds");
    QTest::addRow("lag above") << QJsonObject{{QStringLiteral("kind"), lag},
                                              {QStringLiteral("seconds"), 1},
                                              {QStringLiteral("productGroup"), QStringLiteral("payments")}}
                               << false << QStringLiteral("pay-link lags 2 s");
    QTest::addRow("broken link") << QJsonObject{{QStringLiteral("kind"), lag},
                                                {QStringLiteral("seconds"), 60},
                                                {QStringLiteral("productGroup"), QStringLiteral("accounts")}}
                                 << false << QStringLiteral("acct-link is broken");
    QTest::addRow("nothing to check") << QJsonObject{{QStringLiteral("kind"), lag},
                                                     {QStringLiteral("seconds"), 5},
                                                     {QStringLiteral("productGroup"), QStringLiteral("trading")}}
                                      << false << QStringLiteral("cannot be checked");
    QTest::addRow("capacity below") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("capacityBelow")},
                                                   {QStringLiteral("percent"), 80},
                                                   {QStringLiteral("layer"), QStringLiteral("database")}}
                                    << true << QStringLiteral("holds");
    QTest::addRow("capacity above") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("capacityBelow")},
                                                   {QStringLiteral("percent"), 70},
                                                   {QStringLiteral("layer"), QStringLiteral("database")}}
                                    << false << QStringLiteral("acct-db at 75 %");
    QTest::addRow("status ok") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("componentStatusOk")},
                                              {QStringLiteral("productGroup"), QStringLiteral("payments")}}
                               << true << QStringLiteral("holds");
    QTest::addRow("status warning") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("componentStatusOk")},
                                                   {QStringLiteral("productGroup"), QStringLiteral("accounts")}}
                                    << false << QStringLiteral("acct-db is warning");
    QTest::addRow("warning allowed") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("componentStatusOk")},
                                                    {QStringLiteral("productGroup"), QStringLiteral("accounts")},
                                                    {QStringLiteral("allowWarning"), true}}
                                     << true << QStringLiteral("holds");
    QTest::addRow("one component") << QJsonObject{{QStringLiteral("kind"), QStringLiteral("componentStatusOk")},
                                                  {QStringLiteral("component"), QStringLiteral("pay-db")}}
                                   << true << QStringLiteral("holds");
}

void TestPlan::guards()
{
    QFETCH(QJsonObject, guard);
    QFETCH(bool, holds);
    QFETCH(QString, mention);
    QString error;
    const std::optional<StepGuard> parsed = StepGuard::fromJson(guard, &error);
    QVERIFY2(parsed, qPrintable(error));
    QCOMPARE(StepGuard::fromJson(parsed->toJson(), &error), parsed);

    TopologySnapshot site;
    site.siteId = QStringLiteral("shb");
    Component pay;
    pay.id = QStringLiteral("pay-db");
    pay.layer = Layer::Database;
    pay.productGroup = QStringLiteral("payments");
    pay.status = ComponentStatus::Ok;
    pay.metrics.insert(QStringLiteral("capacity"), 60);
    Component acct = pay;
    acct.id = QStringLiteral("acct-db");
    acct.productGroup = QStringLiteral("accounts");
    acct.status = ComponentStatus::Warning;
    acct.metrics.insert(QStringLiteral("capacity"), 75);
    site.components = {pay, acct};
    ReplicationLink payLink;
    payLink.id = QStringLiteral("pay-link");
    payLink.fromSite = QStringLiteral("sha");
    payLink.fromComponent = QStringLiteral("sha-pay-db");
    payLink.toSite = QStringLiteral("shb");
    payLink.toComponent = QStringLiteral("pay-db");
    payLink.role = ReplicationRole::Standby;
    payLink.lagSeconds = 2;
    ReplicationLink acctLink = payLink;
    acctLink.id = QStringLiteral("acct-link");
    acctLink.toComponent = QStringLiteral("acct-db");
    acctLink.state = ReplicationState::Broken;
    site.replication = {payLink, acctLink};

    const GuardResult result = evaluateGuard(*parsed, QString(), {site});
    QCOMPARE(result.holds, holds);
    QVERIFY2(result.reason.contains(mention), qPrintable(result.reason));
}

void TestPlan::retryDelays()
{
    const RetryPolicy policy{4, 5, 2.0};
    QCOMPARE(policy.delayBeforeRetry(1), 5);
    QCOMPARE(policy.delayBeforeRetry(2), 10);
    QCOMPARE(policy.delayBeforeRetry(3), 20);
    QCOMPARE(RetryPolicy{}.delayBeforeRetry(1), 0);
}

void TestPlan::persistence()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    Plan plan(PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive));
    plan.saveVersion(QStringLiteral("alice"), QStringLiteral("first"),
                     QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC));
    plan.setRtoSeconds(123);
    plan.saveVersion(QStringLiteral("bob"), QStringLiteral("faster"),
                     QDateTime(QDate(2024, 5, 2), QTime(9, 0), Qt::UTC));
    QVERIFY(plan.setState(PlanState::Disabled));
    {
        LocalStore store;
        QVERIFY(store.open(path).problem.isEmpty());
        QVERIFY(store.plans().savePlan(plan.data(), plan.version()));
        for (const PlanVersion &v : plan.versions())
            QVERIFY(store.plans().savePlanVersion(plan.id(), v));
        QVERIFY(!store.plans().savePlanVersion(plan.id(), plan.versions().first())); // versions are immutable
        PlanData other = PlanTemplates::create(PlanTemplates::Architecture::UnitizedMultiActive);
        other.metadata.name = QStringLiteral("A first plan");
        QVERIFY(store.plans().savePlan(other, 0));
        QVERIFY(store.plans().savePlan(plan.data(), plan.version())); // update keeps the versions
    }
    LocalStore store;
    QVERIFY(store.open(path).problem.isEmpty());
    const QList<PlanSummary> list = store.plans().listPlans();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).name, QStringLiteral("A first plan"));
    QCOMPARE(list.at(1).id, plan.id());
    QCOMPARE(list.at(1).version, 2);
    QCOMPARE(toString(list.at(1).state), toString(PlanState::Disabled));
    const std::optional<PlanData> loaded = store.plans().loadPlan(plan.id());
    QVERIFY(loaded);
    QCOMPARE(*loaded, plan.data());
    const QList<PlanVersion> versions = store.plans().loadPlanVersions(plan.id());
    QCOMPARE(versions, plan.versions());

    QVERIFY(store.plans().deletePlan(plan.id()));
    QVERIFY(!store.plans().loadPlan(plan.id()));
    QVERIFY(store.plans().loadPlanVersions(plan.id()).isEmpty());
    QCOMPARE(store.plans().listPlans().size(), 1);
}

QTEST_GUILESS_MAIN(TestPlan)
#include "tst_plan.moc"
