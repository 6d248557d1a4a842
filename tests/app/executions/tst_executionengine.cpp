// SPDX-License-Identifier: GPL-3.0-or-later
// The execution engine against real haven-agent processes: a full switchover and recovery of the
// demo sites, retry and skip, cancel and emergency stop, timeouts, an agent dying in the middle
// of a step, a site that cannot be reached, replay of the journal and a journal that cannot be
// written.

#include "agenttest.h"
#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "executiontest.h"
#include "models/environment/environmentrepository.h"
#include "models/executions/executionjournal.h"
#include "models/plans/planformat.h"
#include "models/plans/plantemplates.h"
#include "models/store/localstore.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "waituntil.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

using namespace Haven;
using namespace Haven::Test;

namespace {

// A console session following the three demo sites, its engine reading actions every 100 ms.
struct Console
{
    explicit Console(const QTemporaryDir &dir, const QString &subdirectory = QStringLiteral("console"))
        : session(sessionOptions(dir, subdirectory))
    {
        ExecutionEngine::Settings settings;
        settings.pollIntervalMs = 100;
        session.executions().setSettings(settings);
    }

    bool follow(DemoSites &sites)
    {
        session.startWith(sites.environment(), sites.tokens());
        return waitUntil(
            [this] {
            for (const QString &id : DemoSites::Ids) {
                const SiteState *site = session.topology().site(id);
                if (!site || site->reachability != Reachability::Online || site->operations.isEmpty())
                    return false;
            }
            return true;
            },
            15'000);
    }

    ExecutionEngine &engine() { return session.executions(); }
    const Execution &execution(const QString &id) { return *engine().execution(id); }
    StepRunState stepState(const QString &id, StepId step) { return execution(id).stepRun(step)->state; }

    bool waitForState(const QString &id, ExecutionState state, int timeoutMs = 30'000)
    {
        return waitUntil([&] { return execution(id).state() == state; }, timeoutMs);
    }

    bool waitForStep(const QString &id, StepId step, StepRunState state, int timeoutMs = 30'000)
    {
        return waitUntil([&] { return stepState(id, step) == state; }, timeoutMs);
    }

    // Creates and starts; empty on failure (the reason goes to the test log).
    QString run(const PlanData &plan, const QStringList &failed = {QStringLiteral("sha")},
                const QStringList &emergency = {QStringLiteral("shb")})
    {
        ExecutionTicket ticket;
        ticket.planId = plan.metadata.id;
        ticket.planName = plan.metadata.name;
        ticket.failedSites = failed;
        ticket.emergencySites = emergency;
        ticket.createdBy = QStringLiteral("tester@test");
        QString error;
        const QString id = engine().create(plan, ticket, &error);
        if (id.isEmpty() || !engine().start(id, operatorTester(), &error)) {
            qWarning() << "could not start:" << error;
            return {};
        }
        return id;
    }

    static Operator operatorTester() { return {QStringLiteral("tester"), QStringLiteral("war-room-1")}; }

    ConsoleSession session;
};

} // namespace

class TestExecutionEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void operatorIsTheSystemAccount();
    void init();
    void cleanup();

    void fullSwitchoverAndRecovery();
    void retryAndSkipAFailedStep();
    void cancelStopsDispatchingAndCancelsActions();
    void emergencyStopStopsEverything();
    void timeoutCancelsTheAction();
    void agentDyingInTheMiddleOfAStep();
    void startWithoutAnswerIsNotRetriedOnItsOwn();
    void unreachableSiteFailsFastAndOtherBranchesGoOn();
    void journalReplaysToTheSameState();
    void crashBetweenDispatchesDispatchesTheRest();
    void refusedTickets();
    void journalThatCannotBeWrittenStopsDispatching();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<DemoSites> m_sites;
};

void TestExecutionEngine::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestExecutionEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sites = std::make_unique<DemoSites>(*m_dir);
    QVERIFY(m_sites->start());
}

void TestExecutionEngine::cleanup()
{
    m_sites.reset();
    m_dir.reset();
}

void TestExecutionEngine::fullSwitchoverAndRecovery()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    PlanData plan = PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive);
    plan.metadata.state = PlanState::Effective;
    plan.metadata.name = QStringLiteral("Same-city switchover");

    const DryRun dryRun = DryRun::run(plan,
                                      ExecutionTicket{plan.metadata.id,
                                                      1,
                                                      plan.metadata.name,
                                                      {QStringLiteral("sha")},
                                                      {QStringLiteral("shb")},
                                                      {},
                                                      {},
                                                      {},
                                                      {}},
                                      console.session.topology());
    QVERIFY2(dryRun.ok(), qPrintable(dryRun.problems.join(u' ')));
    QCOMPARE(dryRun.steps.size(), plan.steps.size());

    const QString id = console.run(plan);
    QVERIFY(!id.isEmpty());
    // Approve every gate as it comes, until the switchover is done.
    QVERIFY(waitUntil(
        [&] {
        for (const StepRun &run : console.execution(id).steps()) {
            if (run.state == StepRunState::AwaitingApproval)
                console.engine().approve(id, run.id, Console::operatorTester(), QStringLiteral("go"));
        }
        return console.execution(id).state() == ExecutionState::AwaitingRecovery
               || console.execution(id).state() == ExecutionState::Failed;
        },
        60'000));
    QCOMPARE(toString(console.execution(id).state()), toString(ExecutionState::AwaitingRecovery));
    for (StepId step : console.execution(id).stepsOf(PlanPhase::Switchover))
        QCOMPARE(toString(console.stepState(id, step)), toString(StepRunState::Succeeded));
    // The failed site no longer serves payments.
    QVERIFY(waitUntil(
        [&] {
        return console.session.topology().site(QStringLiteral("sha"))->traffic.value(QStringLiteral("payments"), -1)
               == 0;
        },
        10'000));
    QVERIFY(console.execution(id).switchoverFinishedMs() > console.execution(id).startedMs());

    QVERIFY(!console.engine().canDo(id, ExecutionEngine::Command::Pause));
    QVERIFY(console.engine().startRecovery(id, Console::operatorTester()));
    QVERIFY(waitUntil(
        [&] {
        for (const StepRun &run : console.execution(id).steps()) {
            if (run.state == StepRunState::AwaitingApproval)
                console.engine().approve(id, run.id, Console::operatorTester(), QStringLiteral("go"));
        }
        return isFinal(console.execution(id).state()) || console.execution(id).state() == ExecutionState::Failed;
        },
        60'000));
    QVERIFY2(console.execution(id).state() == ExecutionState::Succeeded,
             qPrintable(console.execution(id).stateMessage() + [&] {
                 QString failures;
                 for (const StepRun &run : console.execution(id).steps()) {
                     if (run.state == StepRunState::Failed)
                         failures += u' ' + console.execution(id).stepName(run.id) + u": " + run.message;
                 }
                 return failures;
             }()));
    QVERIFY(waitUntil(
        [&] {
        return console.session.topology().site(QStringLiteral("sha"))->traffic.value(QStringLiteral("payments"), 0) > 0;
        },
        10'000));

    // Every step ran exactly once at each of its sites, by the agents' own records.
    for (const PlanStep &step : plan.steps) {
        for (const QString &site : resolveTargetSites(step.target, console.execution(id).ticket())) {
            const QList<QJsonObject> actions = m_sites->actions(site, QStringLiteral("%1/%2/").arg(id).arg(step.id));
            QCOMPARE(actions.size(), 1);
            QCOMPARE(actions.first().value(QStringLiteral("state")).toString(), QStringLiteral("succeeded"));
        }
    }
    // Logs arrived, approvals and commands are in the journal and the hash-chained audit log.
    const StepRun *first = console.execution(id).stepRun(plan.steps.first().id);
    QVERIFY(!first->sites.first().log.isEmpty());
    QVERIFY(std::any_of(console.execution(id).operatorActions().cbegin(),
                        console.execution(id).operatorActions().cend(), [](const OperatorAction &a) {
                            return a.action == QLatin1StringView("approve") && a.user == QLatin1StringView("tester");
                        }));
    QVERIFY(console.session.store().verifyAuditChain());
}

void TestExecutionEngine::retryAndSkipAFailedStep()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    // Stopping the application makes the health check fail for real, at the agent.
    PlanStep stop = planStep(1, QStringLiteral("Stop payments"), QStringLiteral("app.stop"),
                             groupParameters(QStringLiteral("payments")), StepTargetKind::FailedSite);
    PlanStep check = planStep(2, QStringLiteral("Check payments"), QStringLiteral("health.check"),
                              groupParameters(QStringLiteral("payments")), StepTargetKind::FailedSite);
    check.retry = {2, 0, 2.0};
    PlanStep start = planStep(3, QStringLiteral("Start payments"), QStringLiteral("app.start"),
                              groupParameters(QStringLiteral("payments")), StepTargetKind::FailedSite);
    const PlanData plan = effectivePlan(QStringLiteral("Retry and skip"), PlanKind::Emergency, {stop, check, start},
                                        {{1, 2}, {2, 3}});
    const QString id = console.run(plan);
    QVERIFY(!id.isEmpty());
    QVERIFY(console.waitForState(id, ExecutionState::Failed));
    QCOMPARE(toString(console.stepState(id, 2)), toString(StepRunState::Failed));
    QCOMPARE(console.execution(id).stepRun(2)->attempt, 2);                        // the policy's automatic retry
    QCOMPARE(toString(console.stepState(id, 3)), toString(StepRunState::Pending)); // blocked behind the failure
    QVERIFY(console.execution(id).stateMessage().contains(QStringLiteral("Check payments")));

    QString error;
    QVERIFY(!console.engine().skipStep(id, 2, Console::operatorTester(), QString(), &error)); // a reason is required
    QVERIFY(!error.isEmpty());
    QVERIFY(console.engine().retryStep(id, 2, Console::operatorTester(), QStringLiteral("once more")));
    QVERIFY(console.waitForState(id, ExecutionState::Failed));
    QCOMPARE(console.execution(id).stepRun(2)->attempt, 3);
    QVERIFY(
        console.engine().skipStep(id, 2, Console::operatorTester(), QStringLiteral("known: app stopped on purpose")));
    QVERIFY(console.waitForState(id, ExecutionState::Succeeded));
    QCOMPARE(toString(console.stepState(id, 2)), toString(StepRunState::Skipped));
    QCOMPARE(console.execution(id).stepRun(2)->skipReason, QStringLiteral("known: app stopped on purpose"));
    QCOMPARE(toString(console.stepState(id, 3)), toString(StepRunState::Succeeded));
    // Three real attempts of the check at the agent, each with its own key, all failed.
    const QList<QJsonObject> checks = m_sites->actions(QStringLiteral("sha"), id + QStringLiteral("/2/"));
    QCOMPARE(checks.size(), 3);
    for (const QJsonObject &action : checks)
        QCOMPARE(action.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
    QCOMPARE(m_sites->actions(QStringLiteral("sha"), id + QStringLiteral("/3/")).size(), 1);
}

void TestExecutionEngine::cancelStopsDispatchingAndCancelsActions()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    const PlanData plan = effectivePlan(QStringLiteral("Long wait"), PlanKind::Emergency,
                                        {planStep(1, QStringLiteral("Wait long"), QStringLiteral("wait.seconds"),
                                                  waitParameters(2000), StepTargetKind::EmergencySite),
                                         planStep(2, QStringLiteral("After"), QStringLiteral("wait.seconds"),
                                                  waitParameters(1), StepTargetKind::EmergencySite)},
                                        {{1, 2}});
    const QString id = console.run(plan);
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] { return !console.execution(id).stepRun(1)->sites.value(0).actionId.isEmpty(); }, 10'000));
    QString error;
    QVERIFY(!console.engine().cancel(id, Console::operatorTester(), QString(), &error));
    QVERIFY(console.engine().cancel(id, Console::operatorTester(), QStringLiteral("drill over")));
    QCOMPARE(toString(console.execution(id).state()), toString(ExecutionState::Cancelled));
    QVERIFY(console.waitForStep(id, 1, StepRunState::Cancelled));
    QCOMPARE(toString(console.stepState(id, 2)), toString(StepRunState::Cancelled));
    const QList<QJsonObject> waits = m_sites->actions(QStringLiteral("shb"), id + QStringLiteral("/1/"));
    QCOMPARE(waits.size(), 1);
    QCOMPARE(waits.first().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
    QVERIFY(m_sites->actions(QStringLiteral("shb"), id + QStringLiteral("/2/")).isEmpty());
    QVERIFY(!console.engine().canDo(id, ExecutionEngine::Command::Retry, 1));
}

void TestExecutionEngine::emergencyStopStopsEverything()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    auto longPlan = [](const QString &name) {
        return effectivePlan(name, PlanKind::Drill,
                             {planStep(1, QStringLiteral("Wait A"), QStringLiteral("wait.seconds"),
                                       waitParameters(2000), StepTargetKind::FailedSite),
                              planStep(2, QStringLiteral("Wait B"), QStringLiteral("wait.seconds"),
                                       waitParameters(2000), StepTargetKind::EmergencySite)},
                             {});
    };
    const QString first = console.run(longPlan(QStringLiteral("Drill one")));
    const QString second = console.run(longPlan(QStringLiteral("Drill two")), {QStringLiteral("hzc")},
                                       {QStringLiteral("shb")});
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QVERIFY(waitUntil(
        [&] {
        return console.execution(first).stepRun(2)->sites.value(0).state == ActionState::Running
               && console.execution(second).stepRun(2)->sites.value(0).state == ActionState::Running;
        },
        10'000));
    QVERIFY(console.engine().hasActiveExecution());
    QCOMPARE(console.engine().emergencyStop(Console::operatorTester(), QStringLiteral("customer impact")), 2);
    QCOMPARE(toString(console.execution(first).state()), toString(ExecutionState::Stopped));
    QCOMPARE(toString(console.execution(second).state()), toString(ExecutionState::Stopped));
    QVERIFY(!console.engine().hasActiveExecution());
    for (const QString &site : {QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")}) {
        QVERIFY(waitUntil(
            [&] {
            const QList<QJsonObject> actions = m_sites->actions(site, QString());
            return std::all_of(actions.cbegin(), actions.cend(), [](const QJsonObject &a) {
                return a.value(QStringLiteral("state")).toString() == QLatin1StringView("cancelled");
            });
            },
            10'000));
    }
    QVERIFY(console.waitForStep(first, 1, StepRunState::Cancelled));
}

void TestExecutionEngine::timeoutCancelsTheAction()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    PlanStep slow = planStep(1, QStringLiteral("Slow"), QStringLiteral("wait.seconds"), waitParameters(2000),
                             StepTargetKind::FailedSite);
    slow.timeoutSeconds = 1;
    const QString id = console.run(effectivePlan(QStringLiteral("Timeout"), PlanKind::Emergency, {slow}, {}));
    QVERIFY(!id.isEmpty());
    QVERIFY(console.waitForState(id, ExecutionState::Failed, 15'000));
    QVERIFY2(console.execution(id).stepRun(1)->message.contains(QStringLiteral("timed out")),
             qPrintable(console.execution(id).stepRun(1)->message));
    const QList<QJsonObject> actions = m_sites->actions(QStringLiteral("sha"), id);
    QCOMPARE(actions.size(), 1);
    QCOMPARE(actions.first().value(QStringLiteral("state")).toString(), QStringLiteral("cancelled"));
}

void TestExecutionEngine::agentDyingInTheMiddleOfAStep()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    PlanStep wait = planStep(1, QStringLiteral("Wait at SHB"), QStringLiteral("wait.seconds"), waitParameters(100),
                             StepTargetKind::EmergencySite);
    wait.retry = {2, 1, 1.0};
    const QString id = console.run(effectivePlan(QStringLiteral("Dying agent"), PlanKind::Emergency, {wait}, {}));
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] { return console.execution(id).stepRun(1)->sites.value(0).state == ActionState::Running; },
                      10'000));
    m_sites->agent(QStringLiteral("shb")).kill();
    QTest::qWait(300);
    QVERIFY(m_sites->restart(QStringLiteral("shb")));
    // The agent marks the interrupted action failed; the policy retries with a new key.
    QVERIFY(console.waitForState(id, ExecutionState::Succeeded, 40'000));
    const StepRun *run = console.execution(id).stepRun(1);
    QCOMPARE(run->attempt, 2);
    QCOMPARE(run->history.size(), 1);
    QVERIFY2(run->history.first().message.contains(QStringLiteral("interrupted")),
             qPrintable(run->history.first().message));
    QCOMPARE(m_sites->actions(QStringLiteral("shb"), id).size(), 2);
}

void TestExecutionEngine::startWithoutAnswerIsNotRetriedOnItsOwn()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    PlanStep wait = planStep(1, QStringLiteral("Wait at SHB"), QStringLiteral("wait.seconds"), waitParameters(1),
                             StepTargetKind::EmergencySite);
    wait.requiresApproval = true; // so that the agent can be frozen just before the start goes out
    wait.timeoutSeconds = 2;
    wait.retry = {3, 0, 1.0};
    const QString id = console.run(effectivePlan(QStringLiteral("Frozen agent"), PlanKind::Emergency, {wait}, {}));
    QVERIFY(!id.isEmpty());
    QVERIFY(console.waitForStep(id, 1, StepRunState::AwaitingApproval));
    // The agent takes the connection but answers nothing: the start may or may not have arrived.
    const pid_t agent = pid_t(m_sites->agent(QStringLiteral("shb")).pid());
    QCOMPARE(::kill(agent, SIGSTOP), 0);
    QVERIFY(console.engine().approve(id, 1, Console::operatorTester()));
    QVERIFY(console.waitForStep(id, 1, StepRunState::Failed, 40'000));
    ::kill(agent, SIGCONT);
    const StepRun *run = console.execution(id).stepRun(1);
    QCOMPARE(run->attempt, 1); // not retried on its own despite three attempts allowed
    QVERIFY(run->sites.first().outcomeUnknown);
    QVERIFY2(run->message.contains(QStringLiteral("may have started")), qPrintable(run->message));
    // It had arrived: the agent runs it once, under the first attempt's key only.
    QVERIFY(
        waitUntil([&] { return m_sites->actions(QStringLiteral("shb"), id + QStringLiteral("/1/shb/1")).size() == 1; },
                  10'000));
    QCOMPARE(m_sites->actions(QStringLiteral("shb"), id).size(), 1);
    QCOMPARE(toString(console.execution(id).state()), toString(ExecutionState::Failed));
}

void TestExecutionEngine::unreachableSiteFailsFastAndOtherBranchesGoOn()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    m_sites->agent(QStringLiteral("hzc")).stop();
    QVERIFY(waitUntil(
        [&] {
        return console.session.topology().site(QStringLiteral("hzc"))->reachability == Reachability::Unreachable;
        },
        10'000));
    // Everywhere: the failed site hzc is down, the emergency site shb answers.
    PlanStep remote = planStep(1, QStringLiteral("Everywhere"), QStringLiteral("wait.seconds"), waitParameters(1),
                               StepTargetKind::EverySite);
    PlanStep local = planStep(2, QStringLiteral("At SHB"), QStringLiteral("wait.seconds"), waitParameters(1),
                              StepTargetKind::EmergencySite);
    PlanStep next = planStep(3, QStringLiteral("After SHB"), QStringLiteral("wait.seconds"), waitParameters(1),
                             StepTargetKind::EmergencySite);
    const QString id = console.run(effectivePlan(QStringLiteral("Unreachable"), PlanKind::Emergency,
                                                 {remote, local, next}, {{2, 3}}),
                                   {QStringLiteral("hzc")}, {QStringLiteral("shb")});
    QVERIFY(!id.isEmpty());
    QVERIFY(console.waitForState(id, ExecutionState::Failed));
    QCOMPARE(toString(console.stepState(id, 1)), toString(StepRunState::Failed));
    QVERIFY2(console.execution(id).stepRun(1)->message.contains(QStringLiteral("cannot be reached")),
             qPrintable(console.execution(id).stepRun(1)->message));
    QCOMPARE(toString(console.stepState(id, 3)), toString(StepRunState::Succeeded)); // the other branch went on
    // Once the site is back, the operator retries.
    QVERIFY(m_sites->restart(QStringLiteral("hzc")));
    QVERIFY(waitUntil(
        [&] { return console.session.topology().site(QStringLiteral("hzc"))->reachability == Reachability::Online; },
        10'000));
    QVERIFY(console.engine().retryStep(id, 1, Console::operatorTester(), QStringLiteral("site is back")));
    QVERIFY(console.waitForState(id, ExecutionState::Succeeded));
    // The retry ran only where the step had not succeeded: shb once, hzc once (attempt 2).
    QCOMPARE(m_sites->actions(QStringLiteral("shb"), id + QStringLiteral("/1/")).size(), 1);
    QCOMPARE(m_sites->actions(QStringLiteral("hzc"), id + QStringLiteral("/1/hzc/2")).size(), 1);
    QCOMPARE(console.execution(id).stepRun(1)->attemptSites, QStringList{QStringLiteral("hzc")});
}

void TestExecutionEngine::journalReplaysToTheSameState()
{
    PlanStep a = planStep(1, QStringLiteral("Everywhere"), QStringLiteral("wait.seconds"), waitParameters(1),
                          StepTargetKind::EverySite);
    PlanStep b = planStep(2, QStringLiteral("Long at SHB"), QStringLiteral("wait.seconds"), waitParameters(60),
                          StepTargetKind::EmergencySite);
    PlanStep c = planStep(3, QStringLiteral("Last"), QStringLiteral("wait.seconds"), waitParameters(1),
                          StepTargetKind::FailedSite);
    const PlanData plan = effectivePlan(QStringLiteral("Replay"), PlanKind::Emergency, {a, b, c}, {{1, 2}, {2, 3}});
    QString id;
    {
        Console console(*m_dir);
        QVERIFY(console.follow(*m_sites));
        id = console.run(plan);
        QVERIFY(!id.isEmpty());
        QVERIFY(console.waitForStep(id, 2, StepRunState::Running));
        QVERIFY(waitUntil([&] { return !console.execution(id).stepRun(2)->sites.value(0).actionId.isEmpty(); }, 10'000));
        // The journal alone gives the state the engine holds.
        QString error;
        const std::optional<Execution> replayed = Execution::replay(id,
                                                                    console.session.store().journal().loadEvents(id),
                                                                    &error);
        QVERIFY2(replayed, qPrintable(error));
        QCOMPARE(toString(replayed->state()), toString(console.execution(id).state()));
        QCOMPARE(replayed->lastSeq(), console.execution(id).lastSeq());
        for (StepId step : {1, 2, 3}) {
            QCOMPARE(toString(replayed->stepRun(step)->state), toString(console.stepState(id, step)));
            QCOMPARE(replayed->stepRun(step)->sites.size(), console.execution(id).stepRun(step)->sites.size());
        }
        QCOMPARE(replayed->stepRun(1)->sites.size(), 2); // failed and emergency site
        QCOMPARE(replayed->stepRun(2)->sites.first().actionId, console.execution(id).stepRun(2)->sites.first().actionId);
    } // the console goes away in the middle of step 2

    // A damaged journal of another execution is reported and skipped, not fatal.
    {
        LocalStore store;
        QCOMPARE(store.open(m_dir->filePath(QStringLiteral("console/haven.db"))).mode, LocalStore::Mode::Persistent);
        ExecutionEvent bogus;
        bogus.seq = 1;
        bogus.timeMs = QDateTime::currentMSecsSinceEpoch();
        bogus.kind = ExecutionEvent::Kind::Created;
        bogus.payload = {{QStringLiteral("ticket"), QStringLiteral("not an object")}};
        QVERIFY(store.journal().appendEvents(QStringLiteral("damaged"), {bogus}, ExecutionState::Running));
    }

    Console again(*m_dir);
    QSignalSpy followed(&again.session, &ConsoleSession::followed);
    QVERIFY(again.follow(*m_sites));
    // The journal is replayed on the store's worker thread; followed() says it is done.
    QTRY_VERIFY(followed.size() >= 1);
    QVERIFY(again.engine().execution(id));
    QVERIFY(!again.engine().execution(QStringLiteral("damaged")));
    QVERIFY(again.session.resumeProblem().contains(QStringLiteral("damaged")));
    QVERIFY(again.waitForState(id, ExecutionState::Succeeded));
    // Resumed by key: step 2 ran once at the agent, not twice.
    QCOMPARE(m_sites->actions(QStringLiteral("shb"), id + QStringLiteral("/2/")).size(), 1);
    QCOMPARE(m_sites->actions(QStringLiteral("sha"), id + QStringLiteral("/3/")).size(), 1);
}

void TestExecutionEngine::crashBetweenDispatchesDispatchesTheRest()
{
    // What a console killed between the two dispatches of one attempt leaves in its journal.
    const PlanData plan = effectivePlan(QStringLiteral("Half dispatched"), PlanKind::Emergency,
                                        {planStep(1, QStringLiteral("Everywhere"), QStringLiteral("wait.seconds"),
                                                  waitParameters(1), StepTargetKind::EverySite)},
                                        {});
    const ExecutionTicket ticket{plan.metadata.id,
                                 1,
                                 plan.metadata.name,
                                 {QStringLiteral("sha")},
                                 {QStringLiteral("shb")},
                                 {},
                                 {},
                                 QStringLiteral("tester@test"),
                                 {}};
    const QString id = QStringLiteral("half-dispatched");
    {
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("console"))));
        LocalStore store;
        QCOMPARE(store.open(m_dir->filePath(QStringLiteral("console/haven.db"))).mode, LocalStore::Mode::Persistent);
        using Kind = ExecutionEvent::Kind;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QList<std::pair<Kind, QJsonObject>>
            items{{Kind::Created,
                   {{QStringLiteral("ticket"), ticket.toJson()}, {QStringLiteral("plan"), PlanFormat::toJson(plan)}}},
                  {Kind::OperatorAction,
                   {{QStringLiteral("action"), QStringLiteral("start")},
                    {QStringLiteral("user"), QStringLiteral("tester")}}},
                  {Kind::PhaseStarted, {{QStringLiteral("phase"), QStringLiteral("switchover")}}},
                  {Kind::StateChanged, {{QStringLiteral("state"), QStringLiteral("running")}}},
                  {Kind::AttemptStarted,
                   {{QStringLiteral("step"), 1},
                    {QStringLiteral("attempt"), 1},
                    {QStringLiteral("sites"), QJsonArray{QStringLiteral("sha"), QStringLiteral("shb")}}}},
                  {Kind::Dispatched,
                   {{QStringLiteral("step"), 1},
                    {QStringLiteral("site"), QStringLiteral("sha")},
                    {QStringLiteral("attempt"), 1},
                    {QStringLiteral("key"), Execution::idempotencyKey(id, 1, QStringLiteral("sha"), 1)}}}};
        QList<ExecutionEvent> events;
        for (const auto &[kind, payload] : items)
            events.append({events.size() + 1, now, kind, payload});
        QVERIFY(store.journal().appendEvents(id, events, ExecutionState::Running));
    }
    Console console(*m_dir);
    QSignalSpy followed(&console.session, &ConsoleSession::followed);
    QVERIFY(console.follow(*m_sites));
    QTRY_VERIFY(followed.size() >= 1);
    QVERIFY(console.engine().execution(id));
    QVERIFY(console.waitForState(id, ExecutionState::Succeeded));
    // The dispatched site was confirmed by its key, the other one dispatched now: once each.
    QCOMPARE(m_sites->actions(QStringLiteral("sha"), id + QStringLiteral("/1/sha/1")).size(), 1);
    QCOMPARE(m_sites->actions(QStringLiteral("shb"), id + QStringLiteral("/1/shb/1")).size(), 1);
    QCOMPARE(console.execution(id).stepRun(1)->sites.size(), 2);
}

void TestExecutionEngine::refusedTickets()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    PlanData plan = effectivePlan(QStringLiteral("Refusals"), PlanKind::Emergency,
                                  {planStep(1, QStringLiteral("Wait"), QStringLiteral("wait.seconds"),
                                            waitParameters(1), StepTargetKind::FailedSite)},
                                  {});
    ExecutionTicket ticket{plan.metadata.id,
                           1,
                           plan.metadata.name,
                           {QStringLiteral("sha")},
                           {QStringLiteral("shb")},
                           {},
                           {},
                           QStringLiteral("alice@host"),
                           {}};
    QString error;

    PlanData draft = plan;
    draft.metadata.state = PlanState::Draft;
    QVERIFY(console.engine().create(draft, ticket, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("effective")));

    ExecutionTicket same = ticket;
    same.emergencySites = {QStringLiteral("sha")};
    QVERIFY(console.engine().create(plan, same, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("both")));

    ExecutionTicket unknown = ticket;
    unknown.failedSites = {QStringLiteral("nowhere")};
    QVERIFY(console.engine().create(plan, unknown, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("nowhere")));

    PlanData missingOperation = plan;
    missingOperation.steps.first().operation = QStringLiteral("dns.flip");
    QVERIFY(console.engine().create(missingOperation, ticket, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("dns.flip")));

    ExecutionEngine::Settings settings = console.engine().settings();
    settings.requireSecondApproval = true;
    console.engine().setSettings(settings);
    QVERIFY(console.engine().create(plan, ticket, &error).isEmpty());
    QVERIFY(error.contains(QStringLiteral("second")));
    ticket.secondApprover = QStringLiteral("alice");
    QVERIFY(console.engine().create(plan, ticket, &error).isEmpty());
    ticket.secondApprover = QStringLiteral("bob");
    const QString id = console.engine().create(plan, ticket, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(toString(console.execution(id).state()), toString(ExecutionState::Ready));
    QCOMPARE(console.engine().executionIds(), QStringList{id});
    // Nothing was sent anywhere before the start.
    QVERIFY(m_sites->actions(QStringLiteral("sha"), id).isEmpty());
}

void TestExecutionEngine::journalThatCannotBeWrittenStopsDispatching()
{
    Console console(*m_dir);
    QVERIFY(console.follow(*m_sites));
    QSignalSpy failed(&console.engine(), &ExecutionEngine::journalFailed);
    const PlanData plan = effectivePlan(QStringLiteral("Full disk"), PlanKind::Emergency,
                                        {planStep(1, QStringLiteral("First"), QStringLiteral("wait.seconds"),
                                                  waitParameters(40), StepTargetKind::FailedSite),
                                         planStep(2, QStringLiteral("Second"), QStringLiteral("wait.seconds"),
                                                  waitParameters(1), StepTargetKind::FailedSite)},
                                        {{1, 2}});
    const QString id = console.run(plan);
    QVERIFY(!id.isEmpty());
    QVERIFY(waitUntil([&] { return !console.execution(id).stepRun(1)->sites.value(0).actionId.isEmpty(); }, 10'000));
    // The "disk" fills up: the store leaves its file (a large save needs pages there are none of).
    console.session.store().setPageLimitForTesting(1);
    Environment large = m_sites->environment();
    for (int i = 0; i < 300; ++i) {
        SiteEndpoint site = large.sites.first();
        site.id = QStringLiteral("site-%1").arg(i);
        site.name = QStringLiteral("A site with a long name to need a new page %1").arg(i);
        large.sites.append(site);
    }
    console.session.store().environment().save(large);
    QVERIFY(!console.session.store().isPersistent());
    // The first step finishes at the agent; recording that fails, and nothing new goes out.
    const QList<QJsonObject> first = m_sites->actions(QStringLiteral("sha"), id + QStringLiteral("/1/"));
    QCOMPARE(first.size(), 1);
    QCOMPARE(waitForFinalAction(HttpClient(m_sites->agent(QStringLiteral("sha")).url(),
                                           m_sites->agent(QStringLiteral("sha")).token()),
                                first.first().value(QStringLiteral("id")).toString(), 20'000)
                 .value(QStringLiteral("state"))
                 .toString(),
             QStringLiteral("succeeded"));
    QVERIFY2(failed.wait(10'000) || !failed.isEmpty(),
             qPrintable(toString(console.stepState(id, 1)) + u' ' + console.session.store().status().problem));
    QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("disk")));
    QTest::qWait(1000); // several poll rounds
    QVERIFY(m_sites->actions(QStringLiteral("sha"), id + QStringLiteral("/2/")).isEmpty());
    QVERIFY(!console.engine().retryStep(id, 1, Console::operatorTester()));
    // The emergency stop still works.
    QCOMPARE(console.engine().emergencyStop(Console::operatorTester(), QStringLiteral("disk full")), 1);
    QCOMPARE(toString(console.execution(id).state()), toString(ExecutionState::Stopped));
}

void TestExecutionEngine::operatorIsTheSystemAccount()
{
    // Whatever the environment claims, the audit names the account the console runs as.
    const QByteArray saved[] = {qgetenv("USER"), qgetenv("LOGNAME")};
    qputenv("USER", "mallory");
    qputenv("LOGNAME", "mallory");
    const Operator me = Operator::current();
    qputenv("USER", saved[0]);
    qputenv("LOGNAME", saved[1]);
    const passwd *account = getpwuid(geteuid());
    QVERIFY(account);
    QCOMPARE(me.user, QString::fromLocal8Bit(account->pw_name));
    QVERIFY(me.user != QLatin1StringView("mallory"));
}

QTEST_GUILESS_MAIN(TestExecutionEngine)
#include "tst_executionengine.moc"
