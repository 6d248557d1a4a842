// SPDX-License-Identifier: GPL-3.0-or-later
// The switchover dashboard's widgets on an Execution built from journal events, without an
// engine: each step state's colour, label and time in the live graph, updates that repaint one
// step instead of rebuilding, following the phase, selection by click; the timeline's bars per
// attempt, a running bar that grows, the RTO and switchover lines, and coalesced redraws.
#include "models/plans/plantemplates.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiongraph.h"
#include "widgets/executions/executiontext.h"
#include "widgets/executions/executiontimeline.h"

#include <QApplication>
#include <QDir>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QVBoxLayout>

using namespace Haven;

Q_DECLARE_METATYPE(Haven::StepRunState)

// The model's enums have a QString toString() that ADL prefers over QTest's: compare the names.
#define COMPARE_ENUM(actual, expected) QCOMPARE(Haven::toString(actual), Haven::toString(expected))

namespace {

using Kind = ExecutionEvent::Kind;
constexpr qint64 T0 = 1'700'000'000'000; // when the run started
constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x12, 0x12, 0x12));
    palette.setColor(QPalette::WindowText, Qt::white);
    palette.setColor(QPalette::Base, Qt::black);
    palette.setColor(QPalette::Text, Qt::white);
    palette.setColor(QPalette::Mid, QColor(0x70, 0x70, 0x70));
    palette.setColor(QPalette::Button, QColor(0x2a, 0x2a, 0x2a));
    palette.setColor(QPalette::ButtonText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x56, 0xb4, 0xe9));
    return palette;
}

// Writes events into an Execution the way the engine's journal would.
class Journal
{
public:
    explicit Journal(Execution &execution)
        : m_execution(execution)
    { }

    bool add(Kind kind, qint64 at, const QJsonObject &payload)
    {
        ExecutionEvent event;
        event.seq = m_execution.lastSeq() + 1;
        event.timeMs = at;
        event.kind = kind;
        event.payload = payload;
        QString error;
        if (!m_execution.apply(event, &error)) {
            qWarning() << "event not applied:" << error;
            return false;
        }
        return true;
    }

    bool start(qint64 at)
    {
        return add(Kind::Created, at - Second, {})
               && add(Kind::StateChanged, at, {{QStringLiteral("state"), QStringLiteral("running")}});
    }
    bool attempt(StepId step, int attempt, qint64 at)
    {
        return add(Kind::AttemptStarted, at, {{QStringLiteral("step"), step}, {QStringLiteral("attempt"), attempt}});
    }
    bool dispatch(StepId step, const QString &site, int attempt, qint64 at)
    {
        return add(Kind::Dispatched, at,
                   {{QStringLiteral("step"), step},
                    {QStringLiteral("site"), site},
                    {QStringLiteral("attempt"), attempt},
                    {QStringLiteral("key"), Execution::idempotencyKey(m_execution.id(), step, site, attempt)}});
    }
    bool siteDone(StepId step, const QString &site, int attempt, const QString &state, const QString &message, qint64 at)
    {
        return add(Kind::SiteFinished, at,
                   {{QStringLiteral("step"), step},
                    {QStringLiteral("site"), site},
                    {QStringLiteral("attempt"), attempt},
                    {QStringLiteral("state"), state},
                    {QStringLiteral("message"), message}});
    }
    bool stepState(StepId step, StepRunState state, const QString &message, qint64 at)
    {
        return add(Kind::StepState, at,
                   {{QStringLiteral("step"), step},
                    {QStringLiteral("state"), toString(state)},
                    {QStringLiteral("message"), message}});
    }
    bool retryAt(StepId step, qint64 retryAt, qint64 at)
    {
        return add(Kind::RetryScheduled, at,
                   {{QStringLiteral("step"), step},
                    {QStringLiteral("atMs"), retryAt},
                    {QStringLiteral("message"), QStringLiteral("retrying")}});
    }
    bool operatorAction(const QString &action, StepId step, const QString &reason, qint64 at)
    {
        return add(Kind::OperatorAction, at,
                   {{QStringLiteral("action"), action},
                    {QStringLiteral("user"), QStringLiteral("alice")},
                    {QStringLiteral("host"), QStringLiteral("war-room-1")},
                    {QStringLiteral("step"), step},
                    {QStringLiteral("reason"), reason}});
    }
    bool state(ExecutionState state, qint64 at)
    {
        return add(Kind::StateChanged, at, {{QStringLiteral("state"), toString(state)}});
    }
    bool phase(PlanPhase phase, qint64 at)
    {
        return add(Kind::PhaseStarted, at, {{QStringLiteral("phase"), toString(phase)}});
    }
    // One attempt at one site, from dispatch to the end.
    bool run(StepId step, int attempt, qint64 from, qint64 to, bool ok, const QString &site = QStringLiteral("sha"))
    {
        return this->attempt(step, attempt, from) && dispatch(step, site, attempt, from)
               && siteDone(step, site, attempt, ok ? QStringLiteral("succeeded") : QStringLiteral("failed"),
                           ok ? QStringLiteral("done") : QStringLiteral("exit code 3"), to);
    }

private:
    Execution &m_execution;
};

PlanData templatePlan()
{
    PlanData plan = PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive);
    plan.metadata.state = PlanState::Effective;
    plan.metadata.name = QStringLiteral("Same-city switchover");
    plan.metadata.rtoSeconds = 30 * 60;
    return plan;
}

ExecutionTicket ticketFor(const PlanData &plan, const QStringList &groups = {})
{
    ExecutionTicket ticket;
    ticket.planId = plan.metadata.id;
    ticket.planName = plan.metadata.name;
    ticket.failedSites = {QStringLiteral("sha")};
    ticket.emergencySites = {QStringLiteral("shb")};
    ticket.productGroups = groups;
    ticket.createdBy = QStringLiteral("alice@war-room-1");
    return ticket;
}

// The first switchover step that belongs to a product group (so a ticket can leave it out).
StepId groupStep(const PlanData &plan)
{
    for (const PlanStep *step : plan.stepsOf(PlanPhase::Switchover)) {
        if (!step->productGroup.isEmpty())
            return step->id;
    }
    return InvalidStepId;
}

int pixelsOf(const QImage &image, const QColor &color)
{
    int count = 0;
    const QRgb wanted = color.rgb() & 0xFFFFFF;
    for (int y = 0; y < image.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            count += (line[x] & 0xFFFFFF) == wanted ? 1 : 0;
    }
    return count;
}

} // namespace

class TestExecutionWidgets final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void stepStylesAreReadableAndDistinct();
    void graphShowsEachStepState_data();
    void graphShowsEachStepState();
    void graphUpdatesOneStepWithoutRebuilding();
    void graphFollowsThePhaseUnlessToldOtherwise();
    void clickingAStepSelectsIt();
    void timelineHasABarPerAttempt();
    void timelineRedrawsCoalesced();
    void screenshotOfAMixedRun();
};

void TestExecutionWidgets::stepStylesAreReadableAndDistinct()
{
    const QList<StepRunState> all = {StepRunState::Pending, StepRunState::NotSelected, StepRunState::AwaitingApproval,
                                     StepRunState::Waiting, StepRunState::Running,     StepRunState::Succeeded,
                                     StepRunState::Failed,  StepRunState::Skipped,     StepRunState::Cancelled};
    for (ColorScheme scheme : {ColorScheme::Light, ColorScheme::Dark}) {
        QSet<QRgb> fills;
        QSet<QString> symbols;
        for (StepRunState state : all) {
            const StatusStyle style = StatusColors::style(state, scheme);
            const double contrast = StatusColors::contrastRatio(style.fill, style.text);
            QVERIFY2(contrast >= 4.5, qPrintable(QStringLiteral("%1: %2").arg(toString(state)).arg(contrast)));
            fills.insert(style.fill.rgb());
            symbols.insert(style.symbol);
            QVERIFY(!ExecutionText::stepState(state).isEmpty());
        }
        // Every state its own colour and its own symbol (readable without colour too).
        QCOMPARE(fills.size(), all.size());
        QCOMPARE(symbols.size(), all.size());
    }
    QVERIFY(StatusColors::isHatched(StepRunState::Skipped));
    QVERIFY(StatusColors::isHatched(StepRunState::NotSelected));
    QVERIFY(!StatusColors::isHatched(StepRunState::Failed));
}

void TestExecutionWidgets::graphShowsEachStepState_data()
{
    QTest::addColumn<StepRunState>("state");
    QTest::addRow("pending") << StepRunState::Pending;
    QTest::addRow("not selected") << StepRunState::NotSelected;
    QTest::addRow("awaiting approval") << StepRunState::AwaitingApproval;
    QTest::addRow("waiting") << StepRunState::Waiting;
    QTest::addRow("running") << StepRunState::Running;
    QTest::addRow("succeeded") << StepRunState::Succeeded;
    QTest::addRow("failed") << StepRunState::Failed;
    QTest::addRow("skipped") << StepRunState::Skipped;
    QTest::addRow("cancelled") << StepRunState::Cancelled;
}

void TestExecutionWidgets::graphShowsEachStepState()
{
    QFETCH(StepRunState, state);
    PlanData plan = templatePlan();
    const StepId id = groupStep(plan);
    QVERIFY(id != InvalidStepId);
    for (PlanStep &step : plan.steps) {
        if (step.id == id)
            step.retry = {3, 20, 1.0};
    }
    const QString group = plan.step(id)->productGroup;
    // Not selected: the ticket names another group only.
    Execution execution(QStringLiteral("e1"),
                        ticketFor(plan, state == StepRunState::NotSelected
                                            ? QStringList{QStringLiteral("no-such-group")}
                                            : QStringList{}),
                        plan);
    Journal journal(execution);
    QVERIFY(journal.start(T0));
    qint64 now = T0 + 10 * Minute;
    switch (state) {
    case StepRunState::Pending:
    case StepRunState::NotSelected:
        break;
    case StepRunState::AwaitingApproval:
        QVERIFY(journal.stepState(id, state, {}, T0 + Minute));
        break;
    case StepRunState::Waiting:
        QVERIFY(journal.run(id, 1, T0, T0 + Minute, false));
        QVERIFY(journal.retryAt(id, T0 + Minute + 20 * Second, T0 + Minute));
        now = T0 + Minute;
        break;
    case StepRunState::Running:
        QVERIFY(journal.run(id, 1, T0, T0 + Minute, false));
        QVERIFY(journal.attempt(id, 2, T0 + 2 * Minute));
        QVERIFY(journal.dispatch(id, QStringLiteral("sha"), 2, T0 + 2 * Minute));
        now = T0 + 2 * Minute + 5 * Second; // 2:05 since the first start
        break;
    case StepRunState::Succeeded:
        QVERIFY(journal.run(id, 1, T0, T0 + 2 * Minute, true));
        QVERIFY(journal.stepState(id, state, QStringLiteral("traffic at 0 %"), T0 + 2 * Minute));
        break;
    case StepRunState::Failed:
        QVERIFY(journal.run(id, 1, T0, T0 + Minute, false));
        QVERIFY(journal.stepState(id, state, QStringLiteral("exit code 3"), T0 + Minute));
        break;
    case StepRunState::Skipped:
        QVERIFY(journal.run(id, 1, T0, T0 + Minute, false));
        QVERIFY(journal.stepState(id, StepRunState::Failed, QStringLiteral("exit code 3"), T0 + Minute));
        QVERIFY(journal.operatorAction(QStringLiteral("skip"), id, QStringLiteral("known issue"), T0 + 3 * Minute));
        break;
    case StepRunState::Cancelled:
        QVERIFY(journal.stepState(id, state, {}, T0 + Minute));
        break;
    }
    COMPARE_ENUM(execution.stepRun(id)->state, state);

    ExecutionGraph graph;
    graph.setPalette(darkPalette());
    graph.setClock([now] { return now; });
    graph.setExecution(&execution);
    graph.resize(1600, 900);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));

    const ColorScheme scheme = ColorScheme::Dark;
    const StatusStyle style = StatusColors::style(state, scheme);
    const std::optional<ExecutionGraph::StepView> view = graph.stepView(id);
    QVERIFY(view);
    COMPARE_ENUM(view->state, state);
    QCOMPARE(view->fill, style.fill);
    QCOMPARE(view->text, style.text);
    QVERIFY2(view->stateText.startsWith(style.symbol + QLatin1Char(' ') + ExecutionText::stepState(state)),
             qPrintable(view->stateText));
    QCOMPARE(view->hatched, state == StepRunState::Skipped || state == StepRunState::NotSelected);
    QCOMPARE(view->pulsing, state == StepRunState::AwaitingApproval);
    QVERIFY(view->detailText.startsWith(plan.step(id)->operation));
    QCOMPARE(view->sites, QStringList{QStringLiteral("sha")});
    QCOMPARE(view->name, plan.step(id)->name);
    switch (state) {
    case StepRunState::Running:
        QVERIFY2(view->stateText.endsWith(QStringLiteral("2/3")), qPrintable(view->stateText));
        QCOMPARE(view->timeText, QStringLiteral("2:05"));
        break;
    case StepRunState::Waiting:
        QCOMPARE(view->timeText, QStringLiteral("in 0:20"));
        break;
    case StepRunState::Succeeded:
        QCOMPARE(view->timeText, QStringLiteral("2:00"));
        QCOMPARE(view->message, QStringLiteral("traffic at 0 %"));
        break;
    case StepRunState::Failed:
        QCOMPARE(view->message, QStringLiteral("exit code 3"));
        QVERIFY2(view->stateText.endsWith(QStringLiteral("1/3")), qPrintable(view->stateText));
        break;
    case StepRunState::Skipped:
        QVERIFY(view->message.contains(QStringLiteral("known issue")));
        QCOMPARE(view->timeText, QStringLiteral("3:00"));
        break;
    case StepRunState::AwaitingApproval:
        QVERIFY(!view->message.isEmpty()); // the gate's prompt
        QVERIFY(view->timeText.isEmpty());
        break;
    case StepRunState::Pending:
    case StepRunState::NotSelected:
    case StepRunState::Cancelled:
        QVERIFY(view->timeText.isEmpty());
        break;
    }

    // The box is painted in its state's colour (a real share of it, not a stray pixel).
    const QImage image = graph.grab().toImage().convertToFormat(QImage::Format_RGB32);
    const int pixels = pixelsOf(image, style.fill);
    QVERIFY2(pixels > 1500, qPrintable(QString::number(pixels)));
    if (state != StepRunState::Running) {
        // Nothing else runs in this execution: no running blue anywhere.
        QCOMPARE(pixelsOf(image, StatusColors::style(StepRunState::Running, scheme).fill), 0);
    }
}

void TestExecutionWidgets::graphUpdatesOneStepWithoutRebuilding()
{
    const PlanData plan = templatePlan();
    Execution execution(QStringLiteral("e2"), ticketFor(plan), plan);
    Journal journal(execution);
    QVERIFY(journal.start(T0));
    ExecutionGraph graph;
    graph.setExecution(&execution);
    graph.resize(1600, 900);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));

    const QList<StepId> steps = execution.stepsOf(PlanPhase::Switchover);
    QCOMPARE(graph.stepCount(), steps.size());
    QVERIFY(graph.edgeCount() > 0);
    const StepId first = steps.first();
    // A step far from the first: not its successor, not sharing an edge.
    StepId far = InvalidStepId;
    for (auto it = steps.crbegin(); it != steps.crend(); ++it) {
        if (!execution.successors(first).contains(*it) && !execution.predecessors(first).contains(*it) && *it != first) {
            far = *it;
            break;
        }
    }
    QVERIFY(far != InvalidStepId);

    QHash<StepId, QGraphicsItem *> items;
    for (StepId id : steps)
        items.insert(id, graph.stepItem(id));
    const int rebuilds = graph.rebuildCount();
    const qsizetype itemCount = graph.scene()->items().size();
    QCoreApplication::processEvents();

    QSignalSpy changed(graph.scene(), &QGraphicsScene::changed);
    QVERIFY(journal.run(first, 1, T0, T0 + Minute, true));
    QVERIFY(journal.stepState(first, StepRunState::Succeeded, {}, T0 + Minute));
    graph.updateStep(first);
    graph.updateExecution();
    COMPARE_ENUM(graph.stepView(first)->state, StepRunState::Succeeded);
    QTRY_VERIFY(!changed.isEmpty());

    // Same items, no rebuild, and only the changed step's region was repainted.
    QCOMPARE(graph.rebuildCount(), rebuilds);
    QCOMPARE(graph.scene()->items().size(), itemCount);
    for (StepId id : steps)
        QCOMPARE(graph.stepItem(id), items.value(id));
    bool repaintedFirst = false;
    for (const QVariantList &arguments : std::as_const(changed)) {
        for (const QRectF &rect : arguments.first().value<QList<QRectF>>()) {
            repaintedFirst |= rect.intersects(graph.stepItem(first)->sceneBoundingRect());
            QVERIFY2(!rect.contains(graph.stepItem(far)->sceneBoundingRect().center()),
                     "a step that did not change was repainted");
        }
    }
    QVERIFY(repaintedFirst);
}

void TestExecutionWidgets::graphFollowsThePhaseUnlessToldOtherwise()
{
    const PlanData plan = templatePlan();
    QVERIFY(!plan.stepsOf(PlanPhase::Recovery).isEmpty());
    Execution execution(QStringLiteral("e3"), ticketFor(plan), plan);
    Journal journal(execution);
    QVERIFY(journal.start(T0));
    ExecutionGraph graph;
    graph.setExecution(&execution);
    COMPARE_ENUM(graph.phase(), PlanPhase::Switchover);
    QVERIFY(graph.followsExecution());
    QSignalSpy shown(&graph, &ExecutionGraph::phaseShown);

    // Looking at the recovery phase ahead of time, then back.
    graph.showPhase(PlanPhase::Recovery);
    COMPARE_ENUM(graph.phase(), PlanPhase::Recovery);
    QVERIFY(!graph.followsExecution());
    QCOMPARE(graph.stepCount(), plan.stepsOf(PlanPhase::Recovery).size());
    graph.showPhase(PlanPhase::Switchover);
    QVERIFY(graph.followsExecution());

    // The run moves on: the graph follows.
    QVERIFY(journal.state(ExecutionState::AwaitingRecovery, T0 + 5 * Minute));
    QVERIFY(journal.phase(PlanPhase::Recovery, T0 + 6 * Minute));
    graph.updateExecution();
    COMPARE_ENUM(graph.phase(), PlanPhase::Recovery);
    QCOMPARE(graph.stepCount(), plan.stepsOf(PlanPhase::Recovery).size());
    QCOMPARE(shown.size(), 3);

    // Someone looks back at the switchover: further changes do not pull the view away.
    graph.showPhase(PlanPhase::Switchover);
    QVERIFY(!graph.followsExecution());
    const StepId recoveryStep = execution.stepsOf(PlanPhase::Recovery).first();
    QVERIFY(journal.run(recoveryStep, 1, T0 + 6 * Minute, T0 + 7 * Minute, true));
    graph.updateStep(recoveryStep);
    graph.updateExecution();
    COMPARE_ENUM(graph.phase(), PlanPhase::Switchover);
    QVERIFY(!graph.stepItem(recoveryStep));
    // Selecting a step of the other phase shows that phase.
    graph.selectStep(recoveryStep);
    COMPARE_ENUM(graph.phase(), PlanPhase::Recovery);
    QCOMPARE(graph.selectedStep(), recoveryStep);
}

void TestExecutionWidgets::clickingAStepSelectsIt()
{
    const PlanData plan = templatePlan();
    Execution execution(QStringLiteral("e4"), ticketFor(plan), plan);
    ExecutionGraph graph;
    graph.setExecution(&execution);
    graph.resize(1400, 800);
    graph.show();
    QVERIFY(QTest::qWaitForWindowExposed(&graph));
    QSignalSpy selected(&graph, &ExecutionGraph::stepSelected);
    const StepId target = execution.stepsOf(PlanPhase::Switchover).at(1);
    QGraphicsItem *item = graph.stepItem(target);
    QVERIFY(item);
    const QPoint at = graph.view()->mapFromScene(item->mapToScene(item->shape().boundingRect().center()));
    QTest::mouseClick(graph.view()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(graph.selectedStep(), target);
    QVERIFY(!selected.isEmpty());
    QCOMPARE(selected.last().first().value<StepId>(), target);
    // Read-only: a drag does not move the box.
    const QPointF before = item->pos();
    QTest::mousePress(graph.view()->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseMove(graph.view()->viewport(), at + QPoint(80, 60));
    QTest::mouseRelease(graph.view()->viewport(), Qt::LeftButton, {}, at + QPoint(80, 60));
    QCOMPARE(item->pos(), before);
}

void TestExecutionWidgets::timelineHasABarPerAttempt()
{
    const PlanData plan = templatePlan();
    const StepId group = groupStep(plan);
    const QString selectedGroup = plan.step(group)->productGroup;
    Execution execution(QStringLiteral("e5"), ticketFor(plan, {selectedGroup}), plan);
    Journal journal(execution);
    QVERIFY(journal.start(T0));
    const QList<StepId> steps = execution.stepsOf(PlanPhase::Switchover);
    StepId a = InvalidStepId;
    StepId b = InvalidStepId;
    for (StepId id : steps) {
        if (execution.stepRun(id)->state == StepRunState::NotSelected)
            continue;
        if (a == InvalidStepId)
            a = id;
        else if (b == InvalidStepId)
            b = id;
    }
    QVERIFY(b != InvalidStepId);
    // a: succeeded 0 → 2 min. b: failed 2 → 3, retried and running since 3.5.
    QVERIFY(journal.run(a, 1, T0, T0 + 2 * Minute, true));
    QVERIFY(journal.stepState(a, StepRunState::Succeeded, {}, T0 + 2 * Minute));
    QVERIFY(journal.run(b, 1, T0 + 2 * Minute, T0 + 3 * Minute, false));
    QVERIFY(journal.retryAt(b, T0 + 3 * Minute + 30 * Second, T0 + 3 * Minute));
    QVERIFY(journal.attempt(b, 2, T0 + 3 * Minute + 30 * Second));
    QVERIFY(journal.dispatch(b, QStringLiteral("sha"), 2, T0 + 3 * Minute + 30 * Second));

    qint64 now = T0 + 5 * Minute;
    ExecutionTimeline timeline;
    timeline.setClock([&now] { return now; });
    timeline.setExecution(&execution);
    timeline.resize(1200, 600);
    timeline.show();
    QVERIFY(QTest::qWaitForWindowExposed(&timeline));
    timeline.refresh();

    // A row per switchover step the ticket runs; not-selected steps have none, and the recovery
    // gets its rows when it begins.
    int selectedSteps = 0;
    for (StepId id : steps)
        selectedSteps += execution.stepRun(id)->state == StepRunState::NotSelected ? 0 : 1;
    QVERIFY(selectedSteps < steps.size());
    QCOMPARE(timeline.rowLabels().size(), selectedSteps);
    QVERIFY(timeline.rowSteps().contains(a) && timeline.rowSteps().contains(b));

    auto barsOf = [&](StepId step) {
        QList<ExecutionTimeline::Bar> found;
        for (const ExecutionTimeline::Bar &bar : timeline.bars()) {
            if (bar.step == step)
                found.append(bar);
        }
        return found;
    };
    const ColorScheme scheme = StatusColors::schemeFor(timeline.palette());
    QList<ExecutionTimeline::Bar> barsA = barsOf(a);
    QCOMPARE(barsA.size(), 1);
    QCOMPARE(barsA.first().startMinutes, 0.0);
    QCOMPARE(barsA.first().endMinutes, 2.0);
    QCOMPARE(barsA.first().color, StatusColors::style(StepRunState::Succeeded, scheme).fill);
    QList<ExecutionTimeline::Bar> barsB = barsOf(b);
    QCOMPARE(barsB.size(), 2);
    COMPARE_ENUM(barsB.at(0).state, StepRunState::Failed);
    QCOMPARE(barsB.at(0).startMinutes, 2.0);
    QCOMPARE(barsB.at(0).endMinutes, 3.0);
    COMPARE_ENUM(barsB.at(1).state, StepRunState::Running);
    QCOMPARE(barsB.at(1).startMinutes, 3.5);
    QCOMPARE(barsB.at(1).endMinutes, 5.0);
    QCOMPARE(barsB.at(1).row, int(timeline.rowSteps().indexOf(b)));
    QCOMPARE(timeline.bars().size(), 3); // nothing else ran
    QCOMPARE(timeline.objectiveMinutes(), 30.0);
    QVERIFY(timeline.axisMaximumMinutes() >= 30.0);
    QCOMPARE(timeline.switchoverEndMinutes(), 0.0);

    // The running bar grows with the clock.
    now += Minute;
    timeline.refresh();
    QCOMPARE(barsOf(b).at(1).endMinutes, 6.0);

    // Done: the bar stops, the switchover line appears where it ended.
    QVERIFY(journal.siteDone(b, QStringLiteral("sha"), 2, QStringLiteral("succeeded"), {}, T0 + 7 * Minute));
    QVERIFY(journal.stepState(b, StepRunState::Succeeded, {}, T0 + 7 * Minute));
    QVERIFY(journal.state(ExecutionState::AwaitingRecovery, T0 + 8 * Minute));
    now = T0 + 12 * Minute;
    timeline.refresh();
    QCOMPARE(barsOf(b).at(1).endMinutes, 7.0);
    COMPARE_ENUM(barsOf(b).at(1).state, StepRunState::Succeeded);
    QCOMPARE(timeline.switchoverEndMinutes(), 8.0);
    QCOMPARE(timeline.rowLabels().size(), selectedSteps);
    QVERIFY(journal.phase(PlanPhase::Recovery, T0 + 13 * Minute));
    timeline.refresh();
    QVERIFY(timeline.rowLabels().size() > selectedSteps);
}

void TestExecutionWidgets::timelineRedrawsCoalesced()
{
    const PlanData plan = templatePlan();
    Execution execution(QStringLiteral("e6"), ticketFor(plan), plan);
    Journal journal(execution);
    QVERIFY(journal.start(T0));
    ExecutionTimeline timeline;
    timeline.setExecution(&execution);
    const int before = timeline.refreshCount();
    const StepId first = execution.stepsOf(PlanPhase::Switchover).first();
    QVERIFY(journal.attempt(first, 1, T0));
    // A burst of changes (logs arriving) is one redraw, not one per change.
    for (int i = 0; i < 50; ++i)
        timeline.updateStep(first);
    QCOMPARE(timeline.refreshCount(), before);
    QTRY_COMPARE(timeline.refreshCount(), before + 1);
    QCOMPARE(timeline.bars().size(), 1);
}

// A run in the middle of things, for people to look at: done, running on a retry, waiting for
// approval, failed, backing off, skipped, pending, and a product group the ticket left out.
void TestExecutionWidgets::screenshotOfAMixedRun()
{
    const PlanData plan = templatePlan();
    const QStringList groups = PlanTemplates::defaultProductGroups();
    Execution execution(QStringLiteral("e7"), ticketFor(plan, groups.mid(0, 2)), plan);
    Journal journal(execution);
    QVERIFY(journal.start(T0));
    QList<const PlanStep *> steps = plan.stepsOf(PlanPhase::Switchover);
    std::stable_sort(steps.begin(), steps.end(),
                     [](const PlanStep *a, const PlanStep *b) { return a->position.x() < b->position.x(); });
    const QList<StepRunState> frontier = {StepRunState::Running, StepRunState::AwaitingApproval, StepRunState::Failed,
                                          StepRunState::Waiting, StepRunState::Skipped};
    const int done = int(steps.size()) * 2 / 5;
    int index = 0;
    qint64 t = T0;
    for (const PlanStep *step : std::as_const(steps)) {
        if (execution.stepRun(step->id)->state == StepRunState::NotSelected)
            continue;
        const int i = index++;
        if (i < done) {
            QVERIFY(journal.run(step->id, 1, t, t + 40 * Second, true));
            QVERIFY(journal.stepState(step->id, StepRunState::Succeeded, QStringLiteral("ok"), t + 40 * Second));
            t += 40 * Second;
            continue;
        }
        if (i - done >= frontier.size())
            break;
        switch (frontier.at(i - done)) {
        case StepRunState::Running:
            QVERIFY(journal.run(step->id, 1, t, t + 30 * Second, false));
            QVERIFY(journal.attempt(step->id, 2, t + 50 * Second));
            QVERIFY(journal.dispatch(step->id, QStringLiteral("shb"), 2, t + 50 * Second));
            break;
        case StepRunState::AwaitingApproval:
            QVERIFY(journal.stepState(step->id, StepRunState::AwaitingApproval, {}, t));
            break;
        case StepRunState::Failed:
            QVERIFY(journal.run(step->id, 1, t, t + 70 * Second, false));
            QVERIFY(journal.stepState(step->id, StepRunState::Failed,
                                      QStringLiteral("sha: health check failed (exit 3)"), t + 70 * Second));
            break;
        case StepRunState::Waiting:
            QVERIFY(journal.run(step->id, 1, t, t + 20 * Second, false));
            QVERIFY(journal.retryAt(step->id, t + 90 * Second, t + 20 * Second));
            break;
        case StepRunState::Skipped:
            QVERIFY(journal.operatorAction(QStringLiteral("skip"), step->id, QStringLiteral("done by hand"), t));
            break;
        default:
            break;
        }
    }
    const qint64 now = t + 75 * Second;
    const QString dir = QStringLiteral(HAVEN_SCREENSHOT_DIR);
    QDir().mkpath(dir);
    for (ColorScheme scheme : {ColorScheme::Dark, ColorScheme::Light}) {
        QWidget window;
        window.setPalette(scheme == ColorScheme::Dark ? darkPalette() : QPalette(Qt::white));
        window.setAutoFillBackground(true);
        auto *layout = new QVBoxLayout(&window);
        auto *graph = new ExecutionGraph(&window);
        auto *timeline = new ExecutionTimeline(&window);
        graph->setClock([now] { return now; });
        timeline->setClock([now] { return now; });
        graph->setExecution(&execution);
        timeline->setExecution(&execution);
        layout->addWidget(graph, 3);
        layout->addWidget(timeline, 2);
        window.resize(1920, 1080);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        timeline->refresh();
        QTest::qWait(50);
        const QString name = dir
                             + (scheme == ColorScheme::Dark ? QStringLiteral("/execution-widgets-dark.png")
                                                            : QStringLiteral("/execution-widgets-light.png"));
        QVERIFY(window.grab().save(name));
        QVERIFY(graph->stepView(steps.at(done)->id));
    }
}

QTEST_MAIN(TestExecutionWidgets)
#include "tst_executionwidgets.moc"
