// SPDX-License-Identifier: GPL-3.0-or-later
// The execution as values: ticket JSON, target resolution, applying and replaying journal events.

#include "models/executions/execution.h"
#include "models/plans/planformat.h"

#include <QTest>

using namespace Haven;

namespace {

PlanData twoStepPlan()
{
    PlanData plan;
    plan.metadata.id = QStringLiteral("p1");
    plan.metadata.name = QStringLiteral("Plan");
    plan.metadata.kind = PlanKind::DisasterRecovery;
    plan.metadata.state = PlanState::Effective;
    PlanStep cut;
    cut.id = 1;
    cut.name = QStringLiteral("Cut");
    cut.operation = QStringLiteral("traffic.cut");
    cut.productGroup = QStringLiteral("payments");
    PlanStep back;
    back.id = 2;
    back.phase = PlanPhase::Recovery;
    back.name = QStringLiteral("Restore");
    back.operation = QStringLiteral("traffic.restore");
    back.productGroup = QStringLiteral("accounts");
    plan.steps = {cut, back};
    return plan;
}

ExecutionTicket ticket()
{
    return {QStringLiteral("p1"),    3,
            QStringLiteral("Plan"),  {QStringLiteral("sha"), QStringLiteral("shc")},
            {QStringLiteral("shb")}, {QStringLiteral("payments")},
            QStringLiteral("drill"), QStringLiteral("a@h"),
            QStringLiteral("bob")};
}

ExecutionEvent journalEvent(qint64 seq, ExecutionEvent::Kind kind, QJsonObject payload)
{
    return {seq, 1000 * seq, kind, std::move(payload)};
}

QList<ExecutionEvent> journal()
{
    using Kind = ExecutionEvent::Kind;
    const QJsonObject created{{QStringLiteral("ticket"), ticket().toJson()},
                              {QStringLiteral("plan"), PlanFormat::toJson(twoStepPlan())}};
    auto site = [](const QString &name, int attempt) {
        return QJsonObject{{QStringLiteral("step"), 1},
                           {QStringLiteral("site"), name},
                           {QStringLiteral("attempt"), attempt}};
    };
    QJsonObject dispatched = site(QStringLiteral("sha"), 1);
    dispatched.insert(QStringLiteral("key"), QStringLiteral("e/1/sha/1"));
    QJsonObject started = site(QStringLiteral("sha"), 1);
    started.insert(QStringLiteral("actionId"), QStringLiteral("a1"));
    started.insert(QStringLiteral("state"), QStringLiteral("running"));
    QJsonObject log = site(QStringLiteral("sha"), 1);
    log.insert(QStringLiteral("text"), QStringLiteral("cutting\n"));
    log.insert(QStringLiteral("nextOffset"), 8);
    QJsonObject finished = site(QStringLiteral("sha"), 1);
    finished.insert(QStringLiteral("state"), QStringLiteral("failed"));
    finished.insert(QStringLiteral("message"), QStringLiteral("boom"));
    return {journalEvent(1, Kind::Created, created),
            journalEvent(2, Kind::OperatorAction,
                         {{QStringLiteral("action"), QStringLiteral("start")},
                          {QStringLiteral("user"), QStringLiteral("alice")}}),
            journalEvent(3, Kind::PhaseStarted, {{QStringLiteral("phase"), QStringLiteral("switchover")}}),
            journalEvent(4, Kind::StateChanged, {{QStringLiteral("state"), QStringLiteral("running")}}),
            journalEvent(5, Kind::AttemptStarted, {{QStringLiteral("step"), 1}, {QStringLiteral("attempt"), 1}}),
            journalEvent(6, Kind::Dispatched, dispatched),
            journalEvent(7, Kind::ActionStarted, started),
            journalEvent(8, Kind::LogAppended, log),
            journalEvent(9, Kind::SiteFinished, finished),
            journalEvent(10, Kind::RetryScheduled, {{QStringLiteral("step"), 1}, {QStringLiteral("atMs"), 20000}}),
            journalEvent(11, Kind::AttemptStarted, {{QStringLiteral("step"), 1}, {QStringLiteral("attempt"), 2}})};
}

} // namespace

class TestExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ticketRoundTrips()
    {
        QString error;
        const std::optional<ExecutionTicket> back = ExecutionTicket::fromJson(ticket().toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(*back, ticket());
        QVERIFY(!ExecutionTicket::fromJson({}, &error));
        QVERIFY(error.contains(QStringLiteral("planId")));
    }

    void targetsResolveAgainstTheTicket()
    {
        const ExecutionTicket t = ticket();
        QCOMPARE(resolveTargetSites({StepTargetKind::FailedSite, {}}, t),
                 (QStringList{QStringLiteral("sha"), QStringLiteral("shc")}));
        QCOMPARE(resolveTargetSites({StepTargetKind::EmergencySite, {}}, t), QStringList{QStringLiteral("shb")});
        QCOMPARE(resolveTargetSites({StepTargetKind::EverySite, {}}, t),
                 (QStringList{QStringLiteral("sha"), QStringLiteral("shc"), QStringLiteral("shb")}));
        QCOMPARE(resolveTargetSites({StepTargetKind::NamedSite, QStringLiteral("hzc")}, t),
                 QStringList{QStringLiteral("hzc")});
        QVERIFY(ticketSelects(t, QStringLiteral("payments")));
        QVERIFY(!ticketSelects(t, QStringLiteral("accounts")));
        QVERIFY(ticketSelects(t, QString()));
    }

    void replayBuildsTheState()
    {
        QString error;
        const std::optional<Execution> execution = Execution::replay(QStringLiteral("e"), journal(), &error);
        QVERIFY2(execution, qPrintable(error));
        QCOMPARE(toString(execution->state()), toString(ExecutionState::Running));
        QCOMPARE(execution->startedMs(), 4000);
        QCOMPARE(toString(execution->stepRun(2)->state),
                 toString(StepRunState::NotSelected)); // accounts is not in the ticket
        const StepRun *cut = execution->stepRun(1);
        QCOMPARE(toString(cut->state), toString(StepRunState::Running));
        QCOMPARE(cut->attempt, 2);
        QVERIFY(cut->sites.isEmpty());
        QCOMPARE(cut->history.size(), 1);
        QCOMPARE(cut->history.first().actionId, QStringLiteral("a1"));
        QCOMPARE(cut->history.first().log, QStringLiteral("cutting\n"));
        QCOMPARE(cut->history.first().logOffset, 8);
        QCOMPARE(cut->history.first().message, QStringLiteral("boom"));
        QCOMPARE(cut->firstStartMs, 5000);
        QCOMPARE(execution->operatorActions().size(), 1);
        QCOMPARE(execution->operatorActions().first().user, QStringLiteral("alice"));
        QCOMPARE(execution->rtoElapsedMs(10'000), 6000);
    }

    void badJournalsAreRefused_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown step") << 4 << QStringLiteral("step") << QJsonValue(99)
                                      << QStringLiteral("unknown step");
        QTest::newRow("unknown phase") << 2 << QStringLiteral("phase") << QJsonValue(QStringLiteral("later"))
                                       << QStringLiteral("phase");
        QTest::newRow("unknown state") << 3 << QStringLiteral("state") << QJsonValue(QStringLiteral("dancing"))
                                       << QStringLiteral("state");
        QTest::newRow("undispatched site")
            << 6 << QStringLiteral("site") << QJsonValue(QStringLiteral("xyz")) << QStringLiteral("no dispatched");
        QTest::newRow("damaged ticket") << 0 << QStringLiteral("ticket") << QJsonValue(42) << QStringLiteral("damaged");
    }

    void badJournalsAreRefused()
    {
        QFETCH(int, index);
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, expected);
        QList<ExecutionEvent> events = journal();
        events[index].payload.insert(field, value);
        QString error;
        QVERIFY(!Execution::replay(QStringLiteral("e"), events, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void eventsMustComeInOrder()
    {
        QList<ExecutionEvent> events = journal();
        events.removeAt(5);
        QString error;
        QVERIFY(!Execution::replay(QStringLiteral("e"), events, &error));
        QVERIFY2(error.contains(QStringLiteral("out of order")), qPrintable(error));
        QVERIFY(!Execution::replay(QStringLiteral("e"), {}, &error));
    }

    void approvalAndSkip()
    {
        using Kind = ExecutionEvent::Kind;
        QString error;
        std::optional<Execution> execution = Execution::replay(QStringLiteral("e"), journal().mid(0, 4), &error);
        QVERIFY(execution);
        QVERIFY(execution->apply(journalEvent(5, Kind::StepState,
                                              {{QStringLiteral("step"), 1},
                                               {QStringLiteral("state"), QStringLiteral("awaitingApproval")}})));
        QCOMPARE(toString(execution->stepRun(1)->state), toString(StepRunState::AwaitingApproval));
        QVERIFY(execution->apply(journalEvent(6, Kind::OperatorAction,
                                              {{QStringLiteral("action"), QStringLiteral("approve")},
                                               {QStringLiteral("step"), 1},
                                               {QStringLiteral("user"), QStringLiteral("bob")}})));
        QCOMPARE(toString(execution->stepRun(1)->state), toString(StepRunState::Pending));
        QCOMPARE(execution->stepRun(1)->approvedBy, QStringLiteral("bob"));
        QVERIFY(execution->apply(journalEvent(7, Kind::OperatorAction,
                                              {{QStringLiteral("action"), QStringLiteral("skip")},
                                               {QStringLiteral("step"), 1},
                                               {QStringLiteral("reason"), QStringLiteral("done by hand")}})));
        QCOMPARE(toString(execution->stepRun(1)->state), toString(StepRunState::Skipped));
        QVERIFY(isDone(execution->stepRun(1)->state));
        QVERIFY(execution->apply(
            journalEvent(8, Kind::StateChanged, {{QStringLiteral("state"), QStringLiteral("awaitingRecovery")}})));
        QCOMPARE(execution->switchoverFinishedMs(), 8000);
        QCOMPARE(execution->rtoElapsedMs(99'000), 4000);
        QVERIFY(!execution->apply(journalEvent(8, Kind::StateChanged,
                                               {{QStringLiteral("state"), QStringLiteral("running")}}),
                                  &error));
    }
};

QTEST_GUILESS_MAIN(TestExecution)
#include "tst_execution.moc"
