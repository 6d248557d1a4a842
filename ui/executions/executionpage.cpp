// SPDX-License-Identifier: GPL-3.0-or-later
// The page itself: layout, the execution shown, the header and RTO clock, the wiring to the
// engine. The command bar and reason row are in executionpagecommands.cpp, the step panel and
// "who did what" in executionpagestep.cpp.
#include "executionpage.h"

#include "executionpagesupport.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiongraph.h"
#include "widgets/executions/executiontext.h"
#include "widgets/executions/executiontimeline.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Haven {

using namespace ExecutionPageSupport;

namespace {

QFont scaled(const QFont &base, double factor, bool bold = false)
{
    QFont font = base;
    const int pixels = QFontInfo(base).pixelSize();
    font.setPixelSize(std::max(8, int(pixels * factor + 0.5)));
    font.setBold(bold);
    return font;
}

} // namespace

ExecutionPage::ExecutionPage(ExecutionEngine &engine, Mode mode, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_mode(mode)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
    , m_graph(new ExecutionGraph(this))
    , m_timeline(new ExecutionTimeline(this))
    , m_clockTimer(new QTimer(this))
    , m_promptTimer(new QTimer(this))
{
    const bool wall = mode == Mode::Wall;
    m_graph->setWallMode(wall);
    m_timeline->setStartedRowsOnly(wall);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(wall ? 16 : 8, wall ? 4 : 8, wall ? 16 : 8, wall ? 12 : 8);
    layout->setSpacing(wall ? 8 : 6);

    if (!wall) {
        // The selector and the emergency stop: the stop is on every execution, always in reach.
        auto *top = new QHBoxLayout;
        m_executions = new QComboBox(this);
        m_executions->setMinimumContentsLength(48);
        m_executions->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        auto *executionsLabel = new QLabel(tr("&Execution:"), this);
        executionsLabel->setBuddy(m_executions);
        top->addWidget(executionsLabel);
        top->addWidget(m_executions);
        top->addStretch();
        m_stopButton = new QPushButton(tr("■ EMERGENCY STOP"), this);
        m_stopButton->setToolTip(tr("Stop every running execution at once: nothing new is dispatched and running "
                                    "actions are cancelled at the sites. Asks once to confirm."));
        m_stopButton->setObjectName(QStringLiteral("emergencyStop"));
        m_stopButton->setStyleSheet(QStringLiteral(
            "QPushButton#emergencyStop { background-color: #c62828; color: white; border: 2px solid #7f0000;"
            " border-radius: 6px; padding: 10px 28px; }"
            "QPushButton#emergencyStop:hover { background-color: #d32f2f; }"
            "QPushButton#emergencyStop:pressed { background-color: #8e1b1b; }"
            "QPushButton#emergencyStop:disabled { background-color: #5d4040; color: #d8d8d8; border-color: #5d4040; "
            "}"));
        m_stopButton->setCursor(Qt::PointingHandCursor);
        top->addWidget(m_stopButton);
        layout->addLayout(top);
        connect(m_executions, &QComboBox::activated, this,
                [this](int index) { showExecution(m_executions->itemData(index).toString()); });
        connect(m_stopButton, &QPushButton::clicked, this, [this] { openPrompt(Prompt::EmergencyStop); });
    }

    layout->addWidget(buildHeader());
    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setMargin(8);
    m_banner->hide();
    layout->addWidget(m_banner);

    if (!wall) {
        layout->addWidget(buildCommands());
        layout->addWidget(buildPrompt());

        // The graph gets the whole width (plans are wide); below it the timeline, and the
        // selected step and who did what as tabs.
        m_actions = new QTreeWidget(this);
        m_actions->setHeaderLabels({tr("Time"), tr("Who"), tr("Action"), tr("Step"), tr("Reason")});
        m_actions->setRootIsDecorated(false);
        m_actions->setUniformRowHeights(true);
        m_actions->setSelectionMode(QAbstractItemView::NoSelection);
        m_actions->header()->setStretchLastSection(true);
        m_tabs = new QTabWidget(this);
        m_tabs->addTab(buildStepPanel(), tr("Step"));
        m_tabs->addTab(m_actions, tr("Who did what"));

        auto *lower = new QSplitter(Qt::Horizontal, this);
        lower->addWidget(m_timeline);
        lower->addWidget(m_tabs);
        lower->setStretchFactor(0, 4);
        lower->setStretchFactor(1, 3);
        lower->setSizes({1000, 750});

        auto *body = new QSplitter(Qt::Vertical, this);
        body->addWidget(m_graph);
        body->addWidget(lower);
        body->setStretchFactor(0, 5);
        body->setStretchFactor(1, 4);
        body->setSizes({500, 400});
        body->setChildrenCollapsible(false);
        layout->addWidget(body, 1);
        connect(m_graph, &ExecutionGraph::stepSelected, this, [this](StepId step) {
            if (step == m_step)
                return;
            m_step = step;
            if (step != InvalidStepId)
                m_tabs->setCurrentIndex(0);
            updateStepPanel();
            updateCommands();
        });
    } else {
        layout->addWidget(m_graph, 3);
        layout->addWidget(m_timeline, 2);
    }

    connect(&m_engine, &ExecutionEngine::executionAdded, this, [this](const QString &id) {
        fillExecutionBox();
        // A new run is what the room wants to see, unless someone is looking at one still going.
        const Execution *shown = current();
        if (!shown || isFinal(shown->state()) || m_mode == Mode::Wall)
            showExecution(m_mode == Mode::Wall ? preferredExecution() : id);
    });
    connect(&m_engine, &ExecutionEngine::executionChanged, this, &ExecutionPage::onExecutionChanged);
    connect(&m_engine, &ExecutionEngine::stepChanged, this, &ExecutionPage::onStepChanged);
    connect(&m_engine, &ExecutionEngine::logAppended, this, &ExecutionPage::onLogAppended);
    connect(&m_engine, &ExecutionEngine::executionSettled, this, [this](const QString &id) {
        onExecutionChanged(id);
        if (m_mode == Mode::Wall && id == m_id)
            showExecution(preferredExecution());
    });
    connect(&m_engine, &ExecutionEngine::journalFailed, this, [this](const QString &id, const QString &message) {
        if (id != m_id)
            return;
        const StatusStyle style = StatusColors::style(StepRunState::Failed, StatusColors::schemeFor(palette()));
        setColors(m_banner, style.fill, style.text);
        m_banner->setText(style.symbol + QLatin1Char(' ') + message);
        m_banner->show();
    });

    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return;
        updateRtoClock();
        // The selected step's clocks move while it runs.
        const Execution *execution = current();
        const StepRun *run = execution ? execution->stepRun(m_step) : nullptr;
        if (run && (run->state == StepRunState::Running || run->state == StepRunState::Waiting))
            updateStepPanel();
    });
    m_clockTimer->start();
    // An armed emergency stop does not stay armed for the next person.
    m_promptTimer->setSingleShot(true);
    m_promptTimer->setInterval(30'000);
    connect(m_promptTimer, &QTimer::timeout, this, [this] {
        if (m_prompt == Prompt::EmergencyStop)
            closePrompt();
    });

    applyFonts();
    fillExecutionBox();
    showExecution(preferredExecution());
}

ExecutionPage::~ExecutionPage() = default;

QWidget *ExecutionPage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto *info = new QVBoxLayout;
    info->setSpacing(2);
    m_planName = new QLabel(header);
    m_planName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ticket = new QLabel(header);
    m_ticket->setWordWrap(true);
    auto *stateRow = new QHBoxLayout;
    m_state = new QLabel(header);
    m_state->setMargin(4);
    m_stateMessage = new QLabel(header);
    m_stateMessage->setWordWrap(true);
    stateRow->addWidget(m_state);
    stateRow->addWidget(m_stateMessage, 1);
    m_lastAction = new QLabel(header);
    info->addWidget(m_planName);
    info->addWidget(m_ticket);
    info->addLayout(stateRow);
    info->addWidget(m_lastAction);
    row->addLayout(info, 1);

    auto *rto = new QVBoxLayout;
    rto->setSpacing(0);
    m_rtoClock = new QLabel(header);
    m_rtoClock->setAlignment(Qt::AlignCenter);
    m_rtoClock->setMargin(4);
    m_rtoCaption = new QLabel(header);
    m_rtoCaption->setAlignment(Qt::AlignCenter);
    rto->addWidget(m_rtoClock);
    rto->addWidget(m_rtoCaption);
    row->addLayout(rto);
    return header;
}

void ExecutionPage::applyFonts()
{
    const QFont base = font();
    const bool wall = m_mode == Mode::Wall;
    m_planName->setFont(scaled(base, wall ? 1.25 : 1.5, true));
    m_ticket->setFont(scaled(base, wall ? 0.8 : 1.0));
    m_state->setFont(scaled(base, wall ? 1.0 : 1.2, true));
    m_stateMessage->setFont(scaled(base, wall ? 0.8 : 1.0));
    m_lastAction->setFont(scaled(base, wall ? 0.7 : 0.95));
    m_rtoClock->setFont(scaled(base, wall ? 2.4 : 3.0, true));
    m_rtoCaption->setFont(scaled(base, wall ? 0.7 : 0.95));
    m_banner->setFont(scaled(base, 1.0, true));
    // The graph draws its boxes in its own units; its title follows the page.
    m_graph->setFont(scaled(base, wall ? 0.7 : 1.0, true));
    m_timeline->setFont(scaled(base, wall ? 0.55 : 0.95));
    if (m_stopButton)
        m_stopButton->setFont(scaled(base, 1.35, true));
    if (m_stepTitle) {
        m_stepTitle->setFont(scaled(base, 1.25, true));
        m_stepState->setFont(scaled(base, 1.1, true));
        QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        mono.setPixelSize(std::max(8, QFontInfo(base).pixelSize() * 9 / 10));
        m_log->setFont(mono);
    }
    for (QLabel *title : findChildren<QLabel *>(QStringLiteral("sectionTitle")))
        title->setFont(scaled(base, 1.0, true));
}

void ExecutionPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        applyFonts();
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) {
        // Labels coloured by state hold palettes of their own: give them the new theme's colours.
        updateHeader();
        updateRtoClock();
        updateStepPanel();
    }
}

const Execution *ExecutionPage::current() const
{
    return m_id.isEmpty() ? nullptr : m_engine.execution(m_id);
}

QString ExecutionPage::preferredExecution() const
{
    const QStringList ids = m_engine.executionIds(); // oldest first
    for (auto it = ids.crbegin(); it != ids.crend(); ++it) {
        const Execution *execution = m_engine.execution(*it);
        if (execution && !isFinal(execution->state()))
            return *it;
    }
    return ids.isEmpty() ? QString() : ids.last();
}

QString ExecutionPage::executionBoxText(const Execution &execution) const
{
    const qint64 when = execution.startedMs() != 0 ? execution.startedMs() : execution.createdMs();
    return tr("%1 · %2 · %3")
        .arg(execution.ticket().planName.isEmpty() ? execution.plan().metadata.name : execution.ticket().planName,
             ExecutionText::state(execution.state()),
             QDateTime::fromMSecsSinceEpoch(when).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

void ExecutionPage::fillExecutionBox()
{
    if (!m_executions)
        return;
    const QSignalBlocker blocker(m_executions);
    m_executions->clear();
    m_boxStates.clear();
    const QStringList ids = m_engine.executionIds();
    for (auto it = ids.crbegin(); it != ids.crend(); ++it) { // newest first
        const Execution *execution = m_engine.execution(*it);
        if (!execution)
            continue;
        m_executions->addItem(executionBoxText(*execution), *it);
        m_boxStates.insert(*it, execution->state());
    }
    if (m_executions->count() == 0)
        m_executions->addItem(tr("No execution yet: start one from a ticket (Execution ▸ New ticket)"));
    const int index = m_executions->findData(m_id);
    m_executions->setCurrentIndex(std::max(0, index));
}

void ExecutionPage::showExecution(const QString &id)
{
    if (!id.isEmpty() && !m_engine.execution(id))
        return;
    const bool changed = id != m_id;
    m_id = id;
    if (m_executions) {
        const int index = m_executions->findData(id);
        if (index < 0 && !id.isEmpty())
            fillExecutionBox();
        const QSignalBlocker blocker(m_executions);
        m_executions->setCurrentIndex(std::max(0, m_executions->findData(id)));
    }
    const Execution *execution = current();
    if (changed) {
        m_banner->hide();
        closePrompt();
        m_graph->setExecution(execution);
        m_timeline->setExecution(execution);
        m_step = InvalidStepId;
        m_actionsShown = 0;
        // Open on what needs a person: a gate waiting for approval, else a failed step.
        if (execution && m_mode == Mode::Console) {
            for (StepRunState wanted : {StepRunState::AwaitingApproval, StepRunState::Failed}) {
                for (const StepRun &run : execution->steps()) {
                    if (run.state == wanted && m_step == InvalidStepId)
                        m_step = run.id;
                }
            }
        }
        m_graph->selectStep(m_step); // a step id of the previous execution must not stay selected
    }
    appendOperatorActions(changed);
    updateHeader();
    updateRtoClock();
    updateCommands();
    updateStepPanel();
    if (changed)
        Q_EMIT executionShown(id);
}

void ExecutionPage::selectStep(StepId step)
{
    m_graph->selectStep(step); // the graph's signal updates the panel
    if (m_mode == Mode::Wall || m_graph->selectedStep() != m_step) {
        m_step = m_graph->selectedStep();
        updateStepPanel();
        updateCommands();
    }
}

void ExecutionPage::onExecutionChanged(const QString &id)
{
    const Execution *execution = m_engine.execution(id);
    if (m_executions && execution && m_boxStates.value(id) != execution->state()) {
        const int index = m_executions->findData(id);
        if (index >= 0) {
            m_executions->setItemText(index, executionBoxText(*execution));
            m_boxStates.insert(id, execution->state());
        }
    }
    if (id != m_id)
        return;
    m_graph->updateExecution();
    m_timeline->updateExecution();
    appendOperatorActions(false);
    updateHeader();
    updateRtoClock();
    updateCommands();
}

void ExecutionPage::onStepChanged(const QString &id, StepId step)
{
    if (id != m_id)
        return;
    m_graph->updateStep(step);
    m_timeline->updateStep(step);
    const Execution *execution = current();
    const StepRun *run = execution ? execution->stepRun(step) : nullptr;
    if (m_mode == Mode::Console && run && step != m_step
        && (run->state == StepRunState::AwaitingApproval || run->state == StepRunState::Failed)) {
        // A gate or a failure needs someone: show it, unless they are reading another open step.
        const StepRun *selected = execution->stepRun(m_step);
        if (!selected || isDone(selected->state)) {
            selectStep(step);
            return;
        }
    }
    if (step == m_step) {
        updateStepPanel();
        updateCommands();
    }
}

void ExecutionPage::updateHeader()
{
    const Execution *execution = current();
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    if (!execution) {
        m_planName->setText(tr("Switchover dashboard"));
        m_ticket->setText(tr("No execution to show. Start one from an execution ticket: Execution ▸ New ticket, "
                             "or Run in the plan center."));
        m_state->clear();
        setColors(m_state, {}, palette().color(QPalette::WindowText));
        m_stateMessage->clear();
        m_lastAction->clear();
        return;
    }
    const ExecutionTicket &ticket = execution->ticket();
    m_planName->setText(ticket.planName.isEmpty() ? execution->plan().metadata.name : ticket.planName);
    m_ticket->setText(tr("Failed: %1 → emergency: %2 · %3%4")
                          .arg(ticket.failedSites.join(QStringLiteral(", ")),
                               ticket.emergencySites.join(QStringLiteral(", ")),
                               ticket.productGroups.isEmpty() ? tr("every product group")
                                                              : ticket.productGroups.join(QStringLiteral(", ")),
                               ticket.description.isEmpty() ? QString() : QStringLiteral(" · ") + ticket.description));
    const StatusStyle style = StatusColors::style(execution->state(), scheme);
    m_state->setText(QStringLiteral(" %1 %2 ").arg(style.symbol, ExecutionText::state(execution->state())));
    setColors(m_state, style.fill, style.text);
    m_stateMessage->setText(execution->stateMessage());
    const QList<OperatorAction> &actions = execution->operatorActions();
    if (actions.isEmpty()) {
        m_lastAction->setText(tr("Ticket by %1").arg(ticket.createdBy));
    } else {
        const OperatorAction &last = actions.last();
        QString text = tr("Last: %1 %2 %3")
                           .arg(timeOfDay(last.timeMs), last.user, ExecutionText::operatorAction(last.action));
        if (last.step != InvalidStepId)
            text += QStringLiteral(" “%1”").arg(execution->stepName(last.step));
        if (!last.reason.isEmpty())
            text += QStringLiteral(" — ") + last.reason;
        m_lastAction->setText(text);
    }
}

void ExecutionPage::updateRtoClock()
{
    const Execution *execution = current();
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const qint64 objective = execution ? qint64(execution->plan().metadata.rtoSeconds) * 1000 : 0;
    if (!execution || execution->startedMs() == 0) {
        m_rtoLevel = RtoLevel::None;
        m_rtoClock->setText(QStringLiteral("–:––"));
        m_rtoCaption->setText(objective > 0 ? tr("RTO objective %1 · not started").arg(ExecutionText::clock(objective))
                                            : tr("RTO · not started"));
        setColors(m_rtoClock, {}, palette().color(QPalette::WindowText));
        return;
    }
    const qint64 elapsed = execution->rtoElapsedMs(m_now());
    const bool measured = execution->switchoverFinishedMs() != 0;
    m_rtoClock->setText(QStringLiteral(" %1 ").arg(ExecutionText::clock(elapsed)));
    if (objective <= 0) {
        m_rtoLevel = RtoLevel::Normal;
        m_rtoCaption->setText(measured ? tr("measured RTO · no objective set") : tr("RTO so far · no objective set"));
    } else {
        m_rtoLevel = elapsed > objective            ? RtoLevel::Over
                     : elapsed * 5 >= objective * 4 ? RtoLevel::Near
                                                    : RtoLevel::Normal;
        const int percent = int(elapsed * 100 / objective);
        m_rtoCaption->setText(
            measured ? tr("measured RTO · objective %1 (%2 %)").arg(ExecutionText::clock(objective)).arg(percent)
                     : tr("RTO · objective %1 (%2 %)").arg(ExecutionText::clock(objective)).arg(percent));
    }
    switch (m_rtoLevel) {
    case RtoLevel::Over: {
        const StatusStyle style = StatusColors::style(StepRunState::Failed, scheme);
        setColors(m_rtoClock, style.fill, style.text);
        break;
    }
    case RtoLevel::Near: {
        const StatusStyle style = StatusColors::style(StepRunState::AwaitingApproval, scheme);
        setColors(m_rtoClock, style.fill, style.text);
        break;
    }
    case RtoLevel::Normal:
    case RtoLevel::None:
        setColors(m_rtoClock, {}, palette().color(QPalette::WindowText));
        break;
    }
}

QString ExecutionPage::stateText() const
{
    return m_state->text().trimmed();
}

QString ExecutionPage::rtoText() const
{
    return m_rtoClock->text().trimmed();
}

void ExecutionPage::setClock(std::function<qint64()> now)
{
    m_now = now;
    m_graph->setClock(now);
    m_timeline->setClock(now);
    updateRtoClock();
}

} // namespace Haven
