// SPDX-License-Identifier: GPL-3.0-or-later
// The switchover dashboard (容灾切换大盘) against the engine and the three demo sites as real
// haven-agent processes: a switchover and recovery approved through the page's buttons, retry and
// skip with the reason row, cancel, the emergency stop (one click and a confirmation), the RTO
// clock's colours, and the wall showing the run while it is active. Screenshots go to the build
// directory's screenshots/.
#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "executiontest.h"
#include "models/plans/plantemplates.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "ui/executions/executionpage.h"
#include "ui/shell/features.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"
#include "ui/wall/wallfeature.h"
#include "waituntil.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiongraph.h"
#include "widgets/executions/executiontext.h"
#include "widgets/executions/executiontimeline.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Haven;
using namespace Haven::Test;

#define COMPARE_ENUM(actual, expected) QCOMPARE(Haven::toString(actual), Haven::toString(expected))

namespace {

// Every step's state and message, for a failure message.
QByteArray describe(const Execution &execution)
{
    QStringList lines{toString(execution.state()) + QStringLiteral(": ") + execution.stateMessage()};
    for (const StepRun &run : execution.steps())
        lines.append(QStringLiteral("  %1 %2: %3").arg(execution.stepName(run.id), toString(run.state), run.message));
    return lines.join(QLatin1Char('\n')).toUtf8();
}

int countSteps(const Execution &execution, StepRunState state)
{
    int count = 0;
    for (const StepRun &run : execution.steps())
        count += run.state == state ? 1 : 0;
    return count;
}

} // namespace

class TestExecutionPage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void switchoverAndRecoveryThroughThePage();
    void retryAndSkipWithTheReasonRow();
    void cancelNeedsAReason();
    void rtoClockAndEmergencyStop();
    void wallShowsTheRunWhileItIsActive();
    void screenshots();

private:
    ExecutionEngine &engine() { return m_session->executions(); }
    const Execution &execution(const QString &id) { return *engine().execution(id); }
    QString run(const PlanData &plan);
    // Approves every gate that waits, through the page: select it, click Approve.
    void approveWaitingGates(ExecutionPage &page, const QString &id, int limit = 100);
    static PlanData templatePlan();
    static PlanData waitPlan(const QString &name, int seconds);
    QString save(QWidget &widget, const QString &name) const;

    QTemporaryDir m_dir;
    std::unique_ptr<DemoSites> m_sites;
    std::unique_ptr<ConsoleSession> m_session;
};

void TestExecutionPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_sites = std::make_unique<DemoSites>(m_dir);
    QVERIFY(m_sites->start(20));
    m_session = std::make_unique<ConsoleSession>(sessionOptions(m_dir, QStringLiteral("console")));
    ExecutionEngine::Settings settings;
    settings.pollIntervalMs = 100;
    engine().setSettings(settings);
    m_session->startWith(m_sites->environment(), m_sites->tokens());
    QVERIFY(waitUntil(
        [this] {
        for (const QString &id : DemoSites::Ids) {
            const SiteState *site = m_session->topology().site(id);
            if (!site || site->reachability != Reachability::Online || site->operations.isEmpty())
                return false;
        }
        return true;
        },
        20'000));
}

void TestExecutionPage::cleanup()
{
    // Nothing a test started goes on into the next one.
    for (const QString &id : engine().executionIds()) {
        if (!isFinal(execution(id).state()))
            engine().cancel(id, {QStringLiteral("tester"), QStringLiteral("test")}, QStringLiteral("test cleanup"));
    }
    QVERIFY(waitUntil([this] { return !engine().hasActiveExecution(); }, 10'000));
    Theme::apply(*qApp, ColorScheme::Light);
}

void TestExecutionPage::cleanupTestCase()
{
    m_session.reset();
    m_sites.reset();
}

PlanData TestExecutionPage::templatePlan()
{
    PlanData plan = PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive);
    plan.metadata.state = PlanState::Effective;
    plan.metadata.name = QStringLiteral("Same-city switchover");
    plan.metadata.rtoSeconds = 30 * 60;
    return plan;
}

PlanData TestExecutionPage::waitPlan(const QString &name, int seconds)
{
    return effectivePlan(name, PlanKind::Emergency,
                         {planStep(1, QStringLiteral("Wait long"), QStringLiteral("wait.seconds"),
                                   waitParameters(seconds), StepTargetKind::EmergencySite),
                          planStep(2, QStringLiteral("After"), QStringLiteral("wait.seconds"), waitParameters(1),
                                   StepTargetKind::EmergencySite)},
                         {{1, 2}});
}

// The ticket every page test runs: Shanghai A failed, Shanghai B takes over.
static ExecutionTicket drillTicket(const PlanData &plan)
{
    ExecutionTicket ticket;
    ticket.planId = plan.metadata.id;
    ticket.planName = plan.metadata.name;
    ticket.failedSites = {QStringLiteral("sha")};
    ticket.emergencySites = {QStringLiteral("shb")};
    ticket.description = QStringLiteral("SHA lost power (drill 2024-Q3)");
    ticket.createdBy = QStringLiteral("alice@war-room-1");
    return ticket;
}

QString TestExecutionPage::run(const PlanData &plan)
{
    const ExecutionTicket ticket = drillTicket(plan);
    QString error;
    const QString id = engine().create(plan, ticket, &error);
    if (id.isEmpty() || !engine().start(id, Operator::current(), &error)) {
        qWarning() << "could not start:" << error;
        return {};
    }
    return id;
}

void TestExecutionPage::approveWaitingGates(ExecutionPage &page, const QString &id, int limit)
{
    int approved = 0;
    for (const StepRun &run : execution(id).steps()) {
        if (run.state != StepRunState::AwaitingApproval || approved >= limit)
            continue;
        page.selectStep(run.id);
        QPushButton *approve = page.commandButton(ExecutionEngine::Command::Approve);
        QVERIFY(approve->isEnabled());
        QTest::mouseClick(approve, Qt::LeftButton);
        ++approved;
    }
}

QString TestExecutionPage::save(QWidget &widget, const QString &name) const
{
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    const QString path = QStringLiteral(HAVEN_SCREENSHOT_DIR "/") + name;
    if (!widget.grab().save(path))
        return {};
    qInfo("saved %s", qPrintable(path));
    return path;
}

void TestExecutionPage::switchoverAndRecoveryThroughThePage()
{
    Theme::apply(*qApp, ColorScheme::Dark);
    const std::unique_ptr<MainWindow> console = createConsoleWindow(*m_session);
    MainWindow &window = *console;
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *executionPage = qobject_cast<ExecutionPage *>(window.page(QStringLiteral("execution")));
    QVERIFY(executionPage);
    ExecutionPage &page = *executionPage;

    const PlanData plan = templatePlan();
    const QString id = run(plan);
    QVERIFY(!id.isEmpty());
    QVERIFY(window.navigator().navigate(QStringLiteral("execution"), id));
    QVERIFY(page.isVisible());
    QCOMPARE(page.executionId(), id);
    QCOMPARE(page.executionBox()->currentData().toString(), id);
    QVERIFY(page.executionBox()->currentText().contains(plan.metadata.name));
    QCOMPARE(page.graph()->stepCount(), plan.stepsOf(PlanPhase::Switchover).size());
    QVERIFY(page.emergencyStopButton()->isVisible());
    QVERIFY(page.emergencyStopButton()->isEnabled());

    // The first gate: the page selects it by itself and Approve applies to it.
    QVERIFY(waitUntil(
        [&] {
        const StepRun *selected = execution(id).stepRun(page.selectedStep());
        return selected && selected->state == StepRunState::AwaitingApproval;
        },
        30'000));
    QVERIFY(page.commandButton(ExecutionEngine::Command::Approve)->isEnabled());
    QVERIFY(!page.commandButton(ExecutionEngine::Command::Retry)->isEnabled());
    QVERIFY(!page.commandButton(ExecutionEngine::Command::StartRecovery)->isEnabled());
    const std::optional<ExecutionGraph::StepView> gate = page.graph()->stepView(page.selectedStep());
    QVERIFY(gate && gate->pulsing);

    // The graph follows the palette: a light page has no dark wall background left.
    Theme::apply(*qApp, ColorScheme::Light);
    QTRY_VERIFY(StatusColors::schemeFor(page.graph()->palette()) == ColorScheme::Light);
    const QImage light = page.graph()->grab().toImage();
    QVERIFY(QColor(light.pixel(4, light.height() - 4)).lightness() > 128);
    // The RTO clock (a label with a palette of its own) turns dark on the light theme at once.
    QLabel *clock = nullptr;
    for (QLabel *label : page.findChildren<QLabel *>()) {
        if (label->text().trimmed() == page.rtoText())
            clock = label;
    }
    QVERIFY(clock);
    QVERIFY(clock->palette().color(QPalette::WindowText).lightness() < 128);

    // The rest of the switchover.
    QVERIFY(waitUntil(
        [&] {
        approveWaitingGates(page, id);
        return execution(id).state() == ExecutionState::AwaitingRecovery
               || execution(id).state() == ExecutionState::Failed;
        },
        90'000));
    COMPARE_ENUM(execution(id).state(), ExecutionState::AwaitingRecovery);
    for (StepId step : execution(id).stepsOf(PlanPhase::Switchover))
        COMPARE_ENUM(page.graph()->stepView(step)->state, StepRunState::Succeeded);
    QVERIFY(page.stateText().contains(ExecutionText::state(ExecutionState::AwaitingRecovery)));
    // The RTO is measured now: the clock stops at the end of the switchover.
    const qint64 rto = execution(id).switchoverFinishedMs() - execution(id).startedMs();
    QCOMPARE(page.rtoText(), ExecutionText::clock(rto));
    QCOMPARE(page.rtoLevel(), ExecutionPage::RtoLevel::Normal);
    QTRY_VERIFY(page.timeline()->switchoverEndMinutes() > 0);

    // Who did what: the start and every approval, with the user.
    QTreeWidget *actions = page.operatorActionList();
    int approvals = 0;
    for (int i = 0; i < actions->topLevelItemCount(); ++i) {
        QVERIFY(actions->topLevelItem(i)->text(1).startsWith(Operator::current().user));
        approvals += actions->topLevelItem(i)->text(2) == ExecutionText::operatorAction(QStringLiteral("approve")) ? 1
                                                                                                                   : 0;
    }
    QCOMPARE(approvals, 3);
    QCOMPARE(actions->topLevelItemCount(), int(execution(id).operatorActions().size()));

    // The first step's log, as the site wrote it.
    const StepId first = execution(id).stepsOf(PlanPhase::Switchover).constFirst();
    page.selectStep(first);
    const QString siteLog = execution(id).stepRun(first)->sites.constFirst().log.trimmed();
    QVERIFY(!siteLog.isEmpty());
    QVERIFY(page.logText().contains(siteLog));
    QCOMPARE(page.siteList()->topLevelItemCount(), int(execution(id).stepRun(first)->sites.size()));

    // Recovery, from the same ticket.
    QPushButton *recovery = page.commandButton(ExecutionEngine::Command::StartRecovery);
    QVERIFY(recovery->isEnabled());
    QTest::mouseClick(recovery, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(page.graph()->phase() == PlanPhase::Recovery, true, 10'000);
    QVERIFY(waitUntil(
        [&] {
        approveWaitingGates(page, id);
        return isFinal(execution(id).state()) || execution(id).state() == ExecutionState::Failed;
        },
        90'000));
    COMPARE_ENUM(execution(id).state(), ExecutionState::Succeeded);
    QVERIFY(page.stateText().contains(ExecutionText::state(ExecutionState::Succeeded)));
    // A bar for every step that ran, in both phases.
    page.timeline()->refresh();
    QSet<StepId> barred;
    for (const ExecutionTimeline::Bar &bar : page.timeline()->bars())
        barred.insert(bar.step);
    QCOMPARE(barred.size(), plan.steps.size());
    QVERIFY(!page.emergencyStopButton()->isEnabled()); // nothing left to stop
    QVERIFY(!page.commandButton(ExecutionEngine::Command::Cancel)->isEnabled());

    // The report, from the page.
    const QString report = m_dir.filePath(QStringLiteral("report.html"));
    QString error;
    QVERIFY2(page.exportReport(report, &error), qPrintable(error));
    QVERIFY(QFileInfo(report).size() > 1000);
    QVERIFY(page.feedbackText().contains(QStringLiteral("report.html")));
}

void TestExecutionPage::retryAndSkipWithTheReasonRow()
{
    ExecutionPage page(engine());
    page.resize(1600, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // Stopping the application makes the health check fail for real, at the agent.
    PlanStep stop = planStep(1, QStringLiteral("Stop payments"), QStringLiteral("app.stop"),
                             groupParameters(QStringLiteral("payments")), StepTargetKind::FailedSite);
    PlanStep check = planStep(2, QStringLiteral("Check payments"), QStringLiteral("health.check"),
                              groupParameters(QStringLiteral("payments")), StepTargetKind::FailedSite);
    check.retry = {2, 0, 2.0};
    PlanStep start = planStep(3, QStringLiteral("Start payments"), QStringLiteral("app.start"),
                              groupParameters(QStringLiteral("payments")), StepTargetKind::FailedSite);
    const QString id = run(
        effectivePlan(QStringLiteral("Retry and skip"), PlanKind::Emergency, {stop, check, start}, {{1, 2}, {2, 3}}));
    QVERIFY(!id.isEmpty());
    // A new run replaces a finished one on the page by itself.
    QTRY_COMPARE(page.executionId(), id);
    QVERIFY(waitUntil([&] { return execution(id).state() == ExecutionState::Failed; }, 30'000));
    // The failed step is selected for the operator, Retry and Skip apply to it.
    QTRY_COMPARE(page.selectedStep(), 2);
    QPushButton *retry = page.commandButton(ExecutionEngine::Command::Retry);
    QPushButton *skip = page.commandButton(ExecutionEngine::Command::Skip);
    QTRY_VERIFY(retry->isEnabled());
    QVERIFY(skip->isEnabled());
    QCOMPARE(page.graph()->stepView(2)->fill, StatusColors::style(StepRunState::Failed, ColorScheme::Light).fill);
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(waitUntil(
        [&] { return execution(id).stepRun(2)->attempt == 3 && execution(id).state() == ExecutionState::Failed; },
        30'000));
    // Three attempts in the site list: the current one and two earlier ones.
    QTRY_COMPARE(page.siteList()->topLevelItemCount(), 3);
    QTRY_COMPARE(page.timeline()->bars().size(), 4); // step 1 once, step 2 three times

    // Skip asks why, in the page: the confirm button waits for a reason.
    QTRY_VERIFY(skip->isEnabled());
    QTest::mouseClick(skip, Qt::LeftButton);
    QVERIFY(page.openPromptKind() == ExecutionPage::Prompt::Skip);
    QVERIFY(page.reasonField()->isVisible());
    QVERIFY(page.reasonField()->hasFocus());
    QVERIFY(!page.promptConfirmButton()->isEnabled());
    QTest::keyClicks(page.reasonField(), QStringLiteral("known: app stopped on purpose"));
    QVERIFY(page.promptConfirmButton()->isEnabled());
    QTest::mouseClick(page.promptConfirmButton(), Qt::LeftButton);
    QVERIFY(page.openPromptKind() == ExecutionPage::Prompt::None);
    QVERIFY(!page.reasonField()->isVisible());
    QVERIFY(waitUntil([&] { return execution(id).state() == ExecutionState::Succeeded; }, 30'000));
    COMPARE_ENUM(execution(id).stepRun(2)->state, StepRunState::Skipped);
    QCOMPARE(execution(id).stepRun(2)->skipReason, QStringLiteral("known: app stopped on purpose"));
    QTRY_VERIFY(page.graph()->stepView(2)->hatched);
    QVERIFY(page.graph()->stepView(2)->message.contains(QStringLiteral("known: app stopped on purpose")));
    QTreeWidgetItem *last = page.operatorActionList()->topLevelItem(0);
    QCOMPARE(last->text(2), ExecutionText::operatorAction(QStringLiteral("skip")));
    QCOMPARE(last->text(3), QStringLiteral("Check payments"));
    QCOMPARE(last->text(4), QStringLiteral("known: app stopped on purpose"));
}

void TestExecutionPage::cancelNeedsAReason()
{
    ExecutionPage page(engine());
    page.resize(1600, 1000);
    page.show();
    const QString id = run(waitPlan(QStringLiteral("Cancel me"), 2000));
    QVERIFY(!id.isEmpty());
    page.showExecution(id);
    QVERIFY(waitUntil([&] { return execution(id).stepRun(1)->state == StepRunState::Running; }, 20'000));
    QPushButton *cancel = page.commandButton(ExecutionEngine::Command::Cancel);
    QTRY_VERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(page.openPromptKind() == ExecutionPage::Prompt::Cancel);
    // Enter without a reason does nothing; Escape closes the row and nothing happened.
    QTest::keyClick(page.reasonField(), Qt::Key_Return);
    COMPARE_ENUM(execution(id).state(), ExecutionState::Running);
    QTest::keyClick(page.reasonField(), Qt::Key_Escape);
    QVERIFY(page.openPromptKind() == ExecutionPage::Prompt::None);
    COMPARE_ENUM(execution(id).state(), ExecutionState::Running);
    // With a reason, Enter cancels.
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTest::keyClicks(page.reasonField(), QStringLiteral("wrong ticket"));
    QTest::keyClick(page.reasonField(), Qt::Key_Return);
    QVERIFY(waitUntil([&] { return execution(id).state() == ExecutionState::Cancelled; }, 20'000));
    QTRY_VERIFY(page.stateText().contains(ExecutionText::state(ExecutionState::Cancelled)));
    QTRY_VERIFY(!cancel->isEnabled());
    QCOMPARE(page.operatorActionList()->topLevelItem(0)->text(4), QStringLiteral("wrong ticket"));
}

void TestExecutionPage::rtoClockAndEmergencyStop()
{
    ExecutionPage page(engine());
    page.resize(1600, 1000);
    page.show();
    PlanData first = waitPlan(QStringLiteral("Long A"), 2000);
    first.metadata.rtoSeconds = 600;
    const QString a = run(first);
    const QString b = run(waitPlan(QStringLiteral("Long B"), 2000));
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    page.showExecution(a);
    QVERIFY(waitUntil([&] { return execution(a).stepRun(1)->state == StepRunState::Running; }, 20'000));

    // The clock against the objective (10 min): plain, amber from 80 %, red past it.
    const qint64 started = execution(a).startedMs();
    qint64 now = started + 100'000;
    page.setClock([&now] { return now; });
    QCOMPARE(page.rtoText(), QStringLiteral("1:40"));
    QCOMPARE(page.rtoLevel(), ExecutionPage::RtoLevel::Normal);
    now = started + 490'000;
    page.setClock([&now] { return now; });
    QCOMPARE(page.rtoLevel(), ExecutionPage::RtoLevel::Near);
    now = started + 700'000;
    page.setClock([&now] { return now; });
    QCOMPARE(page.rtoText(), QStringLiteral("11:40"));
    QCOMPARE(page.rtoLevel(), ExecutionPage::RtoLevel::Over);
    page.setClock([] { return QDateTime::currentMSecsSinceEpoch(); });

    // One click, one confirmation: every running execution stops.
    QPushButton *stop = page.emergencyStopButton();
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(page.openPromptKind() == ExecutionPage::Prompt::EmergencyStop);
    QVERIFY(page.promptConfirmButton()->isEnabled()); // no reason needed to stop
    QVERIFY(page.promptConfirmButton()->hasFocus());  // Enter would do as well
    QCOMPARE(execution(a).state() == ExecutionState::Running && execution(b).state() == ExecutionState::Running, true);
    QTest::mouseClick(page.promptConfirmButton(), Qt::LeftButton);
    COMPARE_ENUM(execution(a).state(), ExecutionState::Stopped);
    COMPARE_ENUM(execution(b).state(), ExecutionState::Stopped);
    QVERIFY(!engine().hasActiveExecution());
    QVERIFY(!stop->isEnabled());
    QVERIFY(page.openPromptKind() == ExecutionPage::Prompt::None);
    QTRY_VERIFY(page.stateText().contains(ExecutionText::state(ExecutionState::Stopped)));
    const QList<OperatorAction> &actions = execution(a).operatorActions();
    QCOMPARE(actions.last().action, QStringLiteral("stop"));
    QCOMPARE(actions.last().user, Operator::current().user);
    // The selector lists both, newest first, with their state.
    QCOMPARE(page.executionBox()->itemData(0).toString(), engine().executionIds().last());
    QTRY_VERIFY(page.executionBox()->itemText(0).contains(ExecutionText::state(ExecutionState::Stopped)));
}

void TestExecutionPage::wallShowsTheRunWhileItIsActive()
{
    WallWindow::Options options;
    options.rotateSeconds = 1;
    const std::unique_ptr<WallWindow> wallWindow = createWallWindow(*m_session, options);
    WallWindow &wall = *wallWindow;
    wall.resize(1920, 1080);
    wall.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QCOMPARE(wall.currentView(), QStringLiteral("dashboard"));
    // Nothing runs: the switchover dashboard is not in the rotation.
    for (int i = 0; i < 4; ++i) {
        wall.rotate();
        QVERIFY(wall.currentView() != QLatin1StringView("execution"));
    }

    const QString id = run(waitPlan(QStringLiteral("On the wall"), 2000));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(wall.currentView(), QStringLiteral("execution"));
    auto *page = qobject_cast<ExecutionPage *>(wall.executionView());
    QVERIFY(page);
    QCOMPARE(page->executionId(), id);
    // Read-only: no command anywhere on the wall, no selector, no emergency stop.
    for (QPushButton *button : page->findChildren<QPushButton *>())
        QVERIFY2(!button->isVisible(), qPrintable(button->text()));
    QVERIFY(!page->executionBox());
    QVERIFY(page->graph()->wallMode());

    // The rotation period passes twice: the run stays on the wall.
    QTest::qWait(2200);
    QCOMPARE(wall.currentView(), QStringLiteral("execution"));
    QVERIFY(QFontInfo(page->font()).pixelSize() >= Theme::wallPixelSize(1080));

    // Over: the wall rotates again.
    QVERIFY(engine().cancel(id, Operator::current(), QStringLiteral("end of the drill")));
    QTRY_VERIFY_WITH_TIMEOUT(wall.currentView() != QLatin1StringView("execution"), 5'000);
}

// The page (dark and light) and the wall in the middle of a real switchover: steps done, running,
// one product group's gate still waiting. The agents run at twice real time here (the others at
// 20×), so steps take seconds as they would at a site and the timeline has something to show.
void TestExecutionPage::screenshots()
{
    QTemporaryDir dir;
    DemoSites sites(dir);
    QVERIFY(sites.start(2));
    ConsoleSession session(sessionOptions(dir, QStringLiteral("console")));
    ExecutionEngine &engine = session.executions();
    ExecutionEngine::Settings settings;
    settings.pollIntervalMs = 200;
    engine.setSettings(settings);
    session.startWith(sites.environment(), sites.tokens());
    QVERIFY(waitUntil(
        [&] {
        for (const QString &site : DemoSites::Ids) {
            const SiteState *state = session.topology().site(site);
            if (!state || state->reachability != Reachability::Online || state->operations.isEmpty())
                return false;
        }
        return true;
        },
        30'000));

    PlanData plan = templatePlan();
    plan.metadata.rtoSeconds = 150; // what 30 min would be at a real site, at this pace
    const ExecutionTicket ticket = drillTicket(plan);
    QString error;
    const QString id = engine.create(plan, ticket, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));

    Theme::apply(*qApp, ColorScheme::Dark);
    const std::unique_ptr<MainWindow> console = createConsoleWindow(session);
    MainWindow &window = *console;
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.navigator().navigate(QStringLiteral("execution"), id));
    const std::unique_ptr<WallWindow> wallWindow = createWallWindow(session);
    WallWindow &wall = *wallWindow;
    wall.resize(1920, 1080);
    wall.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QVERIFY2(engine.start(id, Operator::current(), &error), qPrintable(error));
    const Execution &run = *engine.execution(id);

    // Two product groups approved, the third gate left waiting.
    QVERIFY2(waitUntil([&] { return countSteps(run, StepRunState::AwaitingApproval) >= 3; }, 60'000),
             describe(run).constData());
    int approved = 0;
    for (const StepRun &step : run.steps()) {
        if (step.state == StepRunState::AwaitingApproval && approved < 2)
            approved += engine.approve(id, step.id, {QStringLiteral("alice"), QStringLiteral("war-room-1")},
                                       QStringLiteral("go"))
                            ? 1
                            : 0;
    }
    QCOMPARE(approved, 2);
    QVERIFY2(waitUntil([&] { return countSteps(run, StepRunState::Succeeded) >= 8; }, 120'000),
             describe(run).constData());
    ExecutionPage &page = *qobject_cast<ExecutionPage *>(window.page(QStringLiteral("execution")));
    for (const StepRun &step : run.steps()) {
        if (step.state == StepRunState::Running) {
            page.selectStep(step.id);
            break;
        }
    }
    QTest::qWait(1100); // a timeline refresh and a pulse of the gate
    const QString wallShot = save(wall, QStringLiteral("wall-execution-1920x1080.png"));
    const QString darkShot = save(window, QStringLiteral("execution-page-1920x1080-dark.png"));
    Theme::apply(*qApp, ColorScheme::Light);
    QTest::qWait(300);
    const QString lightShot = save(window, QStringLiteral("execution-page-1920x1080-light.png"));
    QVERIFY(!wallShot.isEmpty() && !darkShot.isEmpty() && !lightShot.isEmpty());

    // What a person sees: the waiting gate in amber, the done steps in green, in each picture.
    const struct
    {
        QString path;
        ColorScheme scheme;
    } shots[] = {{wallShot, ColorScheme::Dark}, {darkShot, ColorScheme::Dark}, {lightShot, ColorScheme::Light}};
    for (const auto &shot : shots) {
        const QImage image = QImage(shot.path).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(image.size(), QSize(1920, 1080));
        int amber = 0;
        int green = 0;
        const QRgb gate = StatusColors::style(StepRunState::AwaitingApproval, shot.scheme).fill.rgb() & 0xFFFFFF;
        const QRgb done = StatusColors::style(StepRunState::Succeeded, shot.scheme).fill.rgb() & 0xFFFFFF;
        for (int y = 0; y < image.height(); ++y) {
            const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                amber += (line[x] & 0xFFFFFF) == gate ? 1 : 0;
                green += (line[x] & 0xFFFFFF) == done ? 1 : 0;
            }
        }
        QVERIFY2(amber > 1000, qPrintable(QStringLiteral("%1: %2 amber pixels").arg(shot.path).arg(amber)));
        QVERIFY2(green > 8000, qPrintable(QStringLiteral("%1: %2 green pixels").arg(shot.path).arg(green)));
    }
    QVERIFY(engine.cancel(id, Operator::current(), QStringLiteral("screenshots taken")));
    QVERIFY(waitUntil([&] { return isFinal(run.state()); }, 20'000));
}

QTEST_MAIN(TestExecutionPage)
#include "tst_executionpage.moc"
