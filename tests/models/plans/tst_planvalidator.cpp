// SPDX-License-Identifier: GPL-3.0-or-later
// PlanValidator: one row per rule, against the demo sites' real operation catalog.

#include "agent/simulated/simulatedsite.h"
#include "models/plans/planvalidator.h"

#include <QTest>

#include <functional>

using namespace Haven;

using Mutation = std::function<void(PlanData &, QList<OperationSpec> &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {

QList<OperationSpec> demoCatalog()
{
    QString error;
    const auto site = SimulatedSite::fromFile(QStringLiteral(HAVEN_PROFILES_DIR "/demo/sha.json"), 1, &error);
    return site ? site->operations() : QList<OperationSpec>{};
}

PlanStep step(StepId id, PlanPhase phase, const QString &name, const QString &operation, StepTargetKind target)
{
    PlanStep s;
    s.id = id;
    s.phase = phase;
    s.name = name;
    s.operation = operation;
    s.productGroup = QStringLiteral("payments");
    s.parameters = {{QStringLiteral("productGroup"), QStringLiteral("payments")}};
    s.target.kind = target;
    return s;
}

// A small valid DR plan: cut → promote; recovery demote → restore (reverts both).
PlanData basePlan()
{
    PlanData plan;
    plan.metadata.id = QStringLiteral("p");
    plan.metadata.name = QStringLiteral("base");
    plan.steps = {
        step(1, PlanPhase::Switchover, QStringLiteral("Cut payments"), QStringLiteral("traffic.cut"),
             StepTargetKind::FailedSite),
        step(2, PlanPhase::Switchover, QStringLiteral("Promote payments"), QStringLiteral("db.promote"),
             StepTargetKind::EmergencySite),
        step(3, PlanPhase::Recovery, QStringLiteral("Demote payments"), QStringLiteral("db.demote"),
             StepTargetKind::EmergencySite),
        step(4, PlanPhase::Recovery, QStringLiteral("Restore payments"), QStringLiteral("traffic.restore"),
             StepTargetKind::FailedSite),
    };
    plan.edges = {{1, 2}, {3, 4}};
    return plan;
}

PlanStep &at(PlanData &plan, StepId id)
{
    return plan.steps[id - 1];
}

} // namespace

class TestPlanValidator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rules_data();
    void rules();
    void cycleNamesItsStepsInOrder();
    void warningsDoNotBlockEffective();
    void bigPlanIsFast();

private:
    QList<OperationSpec> m_catalog;
};

void TestPlanValidator::initTestCase()
{
    m_catalog = demoCatalog();
    QVERIFY(m_catalog.size() >= 10);
}

void TestPlanValidator::rules_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<QString>("code");    // expected issue code; empty: no issue at all
    QTest::addColumn<bool>("error");      // severity
    QTest::addColumn<int>("step");        // the step it is attached to (0: none)
    QTest::addColumn<QString>("mention"); // a piece of the message

    using P = PlanData;
    using C = QList<OperationSpec>;
    QTest::addRow("valid plan") << Mutation([](P &, C &) {}) << QString() << false << 0 << QString();
    QTest::addRow("no catalog") << Mutation([](P &, C &c) { c.clear(); }) << QStringLiteral("no-catalog") << true << 0
                                << QStringLiteral("catalog");
    QTest::addRow("empty switchover") << Mutation([](P &p, C &) {
        p.steps.remove(0, 2);
        p.edges = {{3, 4}};
    }) << QStringLiteral("empty-phase")
                                      << true << 0 << QStringLiteral("switchover phase has no step");
    QTest::addRow("empty recovery") << Mutation([](P &p, C &) {
        p.steps.remove(2, 2);
        p.edges = {{1, 2}};
    }) << QStringLiteral("empty-phase")
                                    << true << 0 << QStringLiteral("recovery phase has no step");
    QTest::addRow("recovery in an emergency plan")
        << Mutation([](P &p, C &) { p.metadata.kind = PlanKind::Emergency; }) << QStringLiteral("phase-not-in-kind")
        << true << 3 << QStringLiteral("Demote payments");
    QTest::addRow("dangling edge") << Mutation([](P &p, C &) {
        p.edges.append({2, 99});
    }) << QStringLiteral("dangling-edge")
                                   << true << 2 << QStringLiteral("99");
    QTest::addRow("cross-phase edge") << Mutation([](P &p, C &) {
        p.edges.append({2, 3});
    }) << QStringLiteral("cross-phase-edge")
                                      << true << 2 << QStringLiteral("\"Promote payments\" → \"Demote payments\"");
    QTest::addRow("duplicate edge") << Mutation([](P &p, C &) {
        p.edges.append({1, 2});
    }) << QStringLiteral("duplicate-edge")
                                    << true << 1 << QStringLiteral("twice");
    QTest::addRow("cycle") << Mutation([](P &p, C &) {
        p.edges.append({2, 1});
    }) << QStringLiteral("cycle")
                           << true << 1 << QStringLiteral("\"Cut payments\" → \"Promote payments\" → \"Cut payments\"");
    QTest::addRow("self loop") << Mutation([](P &p, C &) {
        p.edges.append({2, 2});
    }) << QStringLiteral("cycle")
                               << true << 2 << QStringLiteral("\"Promote payments\"");
    QTest::addRow("unreachable behind a cycle") << Mutation([](P &p, C &) {
        p.edges.append({2, 1});
        p.steps.append(step(5, PlanPhase::Switchover, QStringLiteral("After"), QStringLiteral("app.restart"),
                            StepTargetKind::EmergencySite));
        p.edges.append({2, 5});
    }) << QStringLiteral("unreachable-step") << true
                                                << 5 << QStringLiteral("\"After\"");
    QTest::addRow("isolated step") << Mutation([](P &p, C &) {
        p.steps.append(step(5, PlanPhase::Switchover, QStringLiteral("Lonely"), QStringLiteral("app.restart"),
                            StepTargetKind::EmergencySite));
    }) << QStringLiteral("isolated-step")
                                   << false << 5 << QStringLiteral("\"Lonely\"");
    QTest::addRow("missing operation") << Mutation([](P &p, C &) { at(p, 2).operation.clear(); })
                                       << QStringLiteral("missing-operation") << true << 2
                                       << QStringLiteral("no operation");
    QTest::addRow("unknown operation") << Mutation([](P &p, C &) { at(p, 2).operation = QStringLiteral("db.teleport"); })
                                       << QStringLiteral("unknown-operation") << true << 2
                                       << QStringLiteral("db.teleport");
    QTest::addRow("missing parameter") << Mutation([](P &p, C &) { at(p, 1).parameters = {}; })
                                       << QStringLiteral("invalid-parameters") << true << 1
                                       << QStringLiteral("\"productGroup\" is required");
    QTest::addRow("wrong parameter type")
        << Mutation([](P &p, C &) { at(p, 1).parameters.insert(QStringLiteral("productGroup"), 7); })
        << QStringLiteral("invalid-parameters") << true << 1 << QStringLiteral("must be of type string");
    QTest::addRow("unknown parameter") << Mutation([](P &p, C &) {
        at(p, 1).parameters.insert(QStringLiteral("speed"), 3);
    }) << QStringLiteral("invalid-parameters")
                                       << true << 1 << QStringLiteral("unknown parameter \"speed\"");
    QTest::addRow("unknown product group")
        << Mutation([](P &p, C &) { at(p, 1).productGroup = QStringLiteral("gold"); })
        << QStringLiteral("unknown-product-group") << true << 1 << QStringLiteral("gold");
    QTest::addRow("product group mismatch")
        << Mutation([](P &p, C &) { at(p, 1).productGroup = QStringLiteral("trading"); })
        << QStringLiteral("product-group-mismatch") << false << 1 << QStringLiteral("\"trading\"");
    QTest::addRow("named site without site")
        << Mutation([](P &p, C &) { at(p, 2).target.kind = StepTargetKind::NamedSite; })
        << QStringLiteral("invalid-target") << true << 2 << QStringLiteral("names none");
    QTest::addRow("zero timeout") << Mutation([](P &p, C &) { at(p, 2).timeoutSeconds = 0; })
                                  << QStringLiteral("invalid-timeout") << true << 2 << QStringLiteral("0 s");
    QTest::addRow("no attempt") << Mutation([](P &p, C &) { at(p, 2).retry.attempts = 0; })
                                << QStringLiteral("invalid-retry") << true << 2 << QStringLiteral("attempt");
    QTest::addRow("guard lag zero") << Mutation(
        [](P &p, C &) { at(p, 2).guard = StepGuard{GuardKind::ReplicationLagBelow, 0, {}, {}, {}, false}; })
                                    << QStringLiteral("invalid-guard") << true << 2 << QStringLiteral("more than 0 s");
    QTest::addRow("guard unknown group") << Mutation([](P &p, C &) {
        at(p, 2).guard = StepGuard{GuardKind::ReplicationLagBelow, 5, QStringLiteral("gold"), {}, {}, false};
    }) << QStringLiteral("invalid-guard") << true
                                         << 2 << QStringLiteral("\"gold\" is unknown");
    QTest::addRow("guard capacity over 100")
        << Mutation([](P &p, C &) { at(p, 2).guard = StepGuard{GuardKind::CapacityBelow, 120, {}, {}, {}, false}; })
        << QStringLiteral("invalid-guard") << true << 2 << QStringLiteral("between 0 and 100");
    QTest::addRow("guard lag on business") << Mutation([](P &p, C &) {
        at(p, 2).guard = StepGuard{GuardKind::ReplicationLagBelow, 5, {}, {}, Layer::Business, false};
    }) << QStringLiteral("invalid-guard") << true
                                           << 2 << QStringLiteral("replicate");
    QTest::addRow("missing name") << Mutation([](P &p, C &) { at(p, 2).name.clear(); })
                                  << QStringLiteral("missing-name") << false << 2 << QStringLiteral("no name");
    QTest::addRow("recovery does not restore traffic") << Mutation([](P &p, C &) {
        p.steps.removeLast();
        p.edges = {{1, 2}};
    }) << QStringLiteral("recovery-not-reverting") << false
                                                       << 1 << QStringLiteral("traffic.restore");
    QTest::addRow("recovery reverts on another target")
        << Mutation([](P &p, C &) { at(p, 3).target.kind = StepTargetKind::FailedSite; })
        << QStringLiteral("recovery-not-reverting") << false << 2 << QStringLiteral("db.demote");
}

void TestPlanValidator::rules()
{
    QFETCH(Mutation, mutate);
    QFETCH(QString, code);
    QFETCH(bool, error);
    QFETCH(int, step);
    QFETCH(QString, mention);
    PlanData plan = basePlan();
    QList<OperationSpec> catalog = m_catalog;
    mutate(plan, catalog);
    const QList<PlanIssue> issues = PlanValidator::validate(plan, catalog);
    QStringList all;
    for (const PlanIssue &i : issues)
        all.append(i.code + QStringLiteral(" @") + QString::number(i.step) + QStringLiteral(": ") + i.message);
    if (code.isEmpty()) {
        QVERIFY2(issues.isEmpty(), qPrintable(all.join(QLatin1Char('\n'))));
        return;
    }
    const auto it = std::find_if(issues.cbegin(), issues.cend(), [&](const PlanIssue &i) { return i.code == code; });
    QVERIFY2(it != issues.cend(), qPrintable(QStringLiteral("no %1 in:\n").arg(code) + all.join(QLatin1Char('\n'))));
    QCOMPARE(it->isError(), error);
    QCOMPARE(it->step, step);
    QVERIFY2(it->message.contains(mention), qPrintable(it->message));
    QCOMPARE(PlanValidator::hasErrors(issues),
             error || std::any_of(issues.cbegin(), issues.cend(), [](const PlanIssue &i) { return i.isError(); }));
    if (code.endsWith(QLatin1StringView("edge")))
        QVERIFY(it->concernsEdge());
}

void TestPlanValidator::cycleNamesItsStepsInOrder()
{
    PlanData plan = basePlan();
    for (StepId id = 5; id <= 7; ++id) {
        plan.steps.append(step(id, PlanPhase::Switchover, QStringLiteral("S%1").arg(id), QStringLiteral("app.restart"),
                               StepTargetKind::EmergencySite));
    }
    plan.edges += QList<PlanEdge>{{2, 5}, {5, 6}, {6, 7}, {7, 5}};
    const QList<PlanIssue> issues = PlanValidator::validate(plan, m_catalog);
    QCOMPARE(std::count_if(issues.cbegin(), issues.cend(),
                           [](const PlanIssue &i) { return i.code == QLatin1StringView("cycle"); }),
             1);
    const PlanIssue cycle = *std::find_if(issues.cbegin(), issues.cend(),
                                          [](const PlanIssue &i) { return i.code == QLatin1StringView("cycle"); });
    QCOMPARE(cycle.steps, (QList<StepId>{5, 6, 7}));
    QCOMPARE(cycle.edge, (PlanEdge{7, 5}));
    QVERIFY2(cycle.message.contains(QStringLiteral("\"S5\" → \"S6\" → \"S7\" → \"S5\"")), qPrintable(cycle.message));
    // Steps 5-7 are reachable from step 1, so they are not reported as unreachable as well.
    QVERIFY(std::none_of(issues.cbegin(), issues.cend(),
                         [](const PlanIssue &i) { return i.code == QLatin1StringView("unreachable-step"); }));
}

void TestPlanValidator::warningsDoNotBlockEffective()
{
    PlanData plan = basePlan();
    plan.steps.removeLast(); // recovery no longer restores traffic: a warning
    plan.edges = {{1, 2}};
    const QList<PlanIssue> issues = PlanValidator::validate(plan, m_catalog);
    QVERIFY(!issues.isEmpty());
    QVERIFY(!PlanValidator::hasErrors(issues));
    Plan model(plan);
    QVERIFY(model.canBecomeEffective(m_catalog));
    at(plan, 1).operation = QStringLiteral("nope");
    model.setData(plan);
    QString why;
    QVERIFY(!model.canBecomeEffective(m_catalog, &why));
    QVERIFY2(why.contains(QStringLiteral("nope")), qPrintable(why));
}

void TestPlanValidator::bigPlanIsFast()
{
    // 1,000 steps in 50 parallel branches; the bench measures precisely, this only guards.
    PlanData plan;
    plan.metadata.kind = PlanKind::Emergency;
    StepId id = 1;
    for (int branch = 0; branch < 50; ++branch) {
        for (int i = 0; i < 20; ++i, ++id) {
            plan.steps.append(step(id, PlanPhase::Switchover, QStringLiteral("s%1").arg(id),
                                   QStringLiteral("traffic.cut"), StepTargetKind::FailedSite));
            if (i > 0)
                plan.edges.append({id - 1, id});
        }
    }
    QElapsedTimer timer;
    timer.start();
    const QList<PlanIssue> issues = PlanValidator::validate(plan, m_catalog);
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!PlanValidator::hasErrors(issues));
}

QTEST_GUILESS_MAIN(TestPlanValidator)
#include "tst_planvalidator.moc"
