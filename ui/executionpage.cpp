// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionpage.h"

#include "executiongraph.h"
#include "executionreport.h"
#include "executiontext.h"
#include "executiontimeline.h"
#include "plandocument.h"
#include "statuscolors.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Haven {

namespace {

using Command = ExecutionEngine::Command;

QString timeOfDay(qint64 ms)
{
    return ms <= 0 ? QStringLiteral("—") : QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

QFont scaled(const QFont &base, double factor, bool bold = false)
{
    QFont font = base;
    const int pixels = QFontInfo(base).pixelSize();
    font.setPixelSize(std::max(8, int(pixels * factor + 0.5)));
    font.setBold(bold);
    return font;
}

void setColors(QWidget *widget, const QColor &background, const QColor &text)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, text);
    widget->setPalette(palette);
    widget->setAutoFillBackground(background.isValid() && background.alpha() > 0);
}

// The reason row closes itself on Escape.
class ReasonField final : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;
    std::function<void()> onEscape;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->key() == Qt::Key_Escape && onEscape) {
            onEscape();
            return;
        }
        QLineEdit::keyPressEvent(event);
    }
};

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
            "QPushButton#emergencyStop:disabled { background-color: #5d4040; color: #d8d8d8; border-color: #5d4040; }"));
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

QWidget *ExecutionPage::buildCommands()
{
    m_commands = new QWidget(this);
    auto *row = new QHBoxLayout(m_commands);
    row->setContentsMargins(0, 0, 0, 0);
    auto add = [this, row](Command command, const QString &text, const QString &tip) {
        auto *button = new QPushButton(text, m_commands);
        button->setToolTip(tip);
        row->addWidget(button);
        m_commandButtons.insert(int(command), button);
        return button;
    };
    QPushButton *start = add(Command::Start, tr("▶ Start"), tr("Start the execution"));
    QPushButton *approve = add(Command::Approve, tr("✔ Approve step"), tr("Let the selected step, a manual gate, run"));
    QPushButton *pause = add(Command::Pause, tr("❚❚ Pause"),
                             tr("Dispatch nothing new; actions already running at the sites go on"));
    m_commandButtons.insert(int(Command::Resume), pause);
    QPushButton *retry = add(Command::Retry, tr("↻ Retry step"), tr("Run the selected failed step again"));
    QPushButton *skip = add(Command::Skip, tr("↷ Skip step…"), tr("Go on without the selected step (asks why)"));
    QPushButton *recovery = add(Command::StartRecovery, tr("Start recovery"),
                                tr("Run the plan's recovery phase from the same ticket"));
    QPushButton *cancel = add(Command::Cancel, tr("Cancel execution…"),
                              tr("Stop dispatching and cancel running actions of this execution (asks why)"));
    m_exportButton = new QToolButton(m_commands);
    m_exportButton->setText(tr("Export report"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    m_exportButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_exportButton);
    auto exportAs = [this](const QString &suffix, const QString &filter) {
        const Execution *execution = current();
        if (!execution)
            return;
        const QString name = QStringLiteral("%1-%2.%3")
                                 .arg(execution->ticket().planName.isEmpty() ? QStringLiteral("execution")
                                                                             : execution->ticket().planName,
                                      QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")), suffix);
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(this, tr("Export the execution report"),
                                                          QDir(dir).filePath(name), filter);
        if (!path.isEmpty())
            exportReport(path);
    };
    QAction *html = menu->addAction(tr("HTML…"));
    connect(html, &QAction::triggered, this, [exportAs] { exportAs(QStringLiteral("html"), tr("HTML (*.html)")); });
    QAction *pdf = menu->addAction(tr("PDF…"));
    connect(pdf, &QAction::triggered, this, [exportAs] { exportAs(QStringLiteral("pdf"), tr("PDF (*.pdf)")); });
    m_exportButton->setMenu(menu);
    row->addWidget(m_exportButton);
    m_feedback = new QLabel(m_commands);
    m_feedback->setWordWrap(true);
    row->addWidget(m_feedback, 1);

    connect(start, &QPushButton::clicked, this, [this] {
        QString error;
        if (m_engine.start(m_id, Operator::current(), &error))
            showFeedback(tr("Started."), false);
        else
            showFeedback(error, true);
    });
    connect(approve, &QPushButton::clicked, this, [this] { approveSelected(); });
    connect(pause, &QPushButton::clicked, this, [this] { pauseOrResume(); });
    connect(retry, &QPushButton::clicked, this, [this] { retrySelected(); });
    connect(skip, &QPushButton::clicked, this, [this] { openPrompt(Prompt::Skip); });
    connect(recovery, &QPushButton::clicked, this, [this] { startRecovery(); });
    connect(cancel, &QPushButton::clicked, this, [this] { openPrompt(Prompt::Cancel); });
    return m_commands;
}

QWidget *ExecutionPage::buildPrompt()
{
    m_promptRow = new QFrame(this);
    m_promptRow->setFrameShape(QFrame::StyledPanel);
    auto *row = new QHBoxLayout(m_promptRow);
    row->setContentsMargins(10, 6, 10, 6);
    m_promptLabel = new QLabel(m_promptRow);
    m_promptLabel->setWordWrap(true);
    auto *reason = new ReasonField(m_promptRow);
    reason->onEscape = [this] { closePrompt(); };
    m_reason = reason;
    m_reason->setClearButtonEnabled(true);
    m_promptConfirm = new QPushButton(m_promptRow);
    m_promptBack = new QPushButton(tr("Back"), m_promptRow);
    row->addWidget(m_promptLabel, 2);
    row->addWidget(m_reason, 2);
    row->addWidget(m_promptConfirm);
    row->addWidget(m_promptBack);
    m_promptRow->hide();
    connect(m_promptBack, &QPushButton::clicked, this, &ExecutionPage::closePrompt);
    connect(m_promptConfirm, &QPushButton::clicked, this, &ExecutionPage::confirmPrompt);
    connect(m_reason, &QLineEdit::returnPressed, this, [this] {
        if (m_promptConfirm->isEnabled())
            confirmPrompt();
    });
    connect(m_reason, &QLineEdit::textChanged, this, [this](const QString &text) {
        // Skip and cancel go to the audit log with their reason; the emergency stop never waits for one.
        m_promptConfirm->setEnabled(m_prompt == Prompt::EmergencyStop || !text.trimmed().isEmpty());
    });
    return m_promptRow;
}

QWidget *ExecutionPage::buildStepPanel()
{
    auto *panel = new QWidget(this);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);
    m_stepTitle = new QLabel(panel);
    m_stepTitle->setWordWrap(true);
    m_stepState = new QLabel(panel);
    m_stepState->setMargin(4);
    m_stepDetails = new QLabel(panel);
    m_stepDetails->setWordWrap(true);
    m_stepDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sites = new QTreeWidget(panel);
    m_sites->setHeaderLabels({tr("Site"), tr("Attempt"), tr("State"), tr("Time"), tr("Message")});
    m_sites->setRootIsDecorated(false);
    m_sites->setSelectionMode(QAbstractItemView::NoSelection);
    m_sites->header()->setStretchLastSection(true);
    m_sites->setMaximumHeight(120);
    m_log = new QPlainTextEdit(panel);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(20'000);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setPlaceholderText(tr("The step's log appears here as the sites send it."));
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_stepState);
    layout->addWidget(m_stepDetails);
    layout->addWidget(m_sites);
    auto *logTitle = new QLabel(tr("Log"), panel);
    logTitle->setObjectName(QStringLiteral("sectionTitle"));
    layout->addWidget(logTitle);
    layout->addWidget(m_log, 1);
    return panel;
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

void ExecutionPage::onLogAppended(const QString &id, StepId step, const QString &site, const QString &text)
{
    if (id != m_id || step != m_step || !m_log)
        return;
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    QTextCursor cursor(m_log->document());
    cursor.movePosition(QTextCursor::End);
    if (site != m_lastLogSite) {
        if (!m_log->document()->isEmpty() && !m_log->toPlainText().endsWith(QLatin1Char('\n')))
            cursor.insertText(QStringLiteral("\n"));
        cursor.insertText(tr("── %1 ──").arg(site) + QLatin1Char('\n'));
        m_lastLogSite = site;
    }
    cursor.insertText(text);
    if (atEnd)
        bar->setValue(bar->maximum());
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
        QString text = tr("Last: %1 %2 %3").arg(timeOfDay(last.timeMs), last.user, ExecutionText::operatorAction(last.action));
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
        m_rtoLevel = elapsed > objective ? RtoLevel::Over : elapsed * 5 >= objective * 4 ? RtoLevel::Near : RtoLevel::Normal;
        const int percent = int(elapsed * 100 / objective);
        m_rtoCaption->setText(measured ? tr("measured RTO · objective %1 (%2 %)").arg(ExecutionText::clock(objective)).arg(percent)
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

void ExecutionPage::updateCommands()
{
    if (m_mode == Mode::Wall)
        return;
    const bool any = current() != nullptr;
    auto can = [this](Command command, StepId step = InvalidStepId) { return m_engine.canDo(m_id, command, step); };
    m_commandButtons.value(int(Command::Start))->setVisible(any && can(Command::Start));
    m_commandButtons.value(int(Command::Approve))->setEnabled(can(Command::Approve, m_step));
    QPushButton *pause = m_commandButtons.value(int(Command::Pause));
    const bool resume = can(Command::Resume);
    pause->setText(resume ? tr("▶ Resume") : tr("❚❚ Pause"));
    pause->setEnabled(resume || can(Command::Pause));
    m_commandButtons.value(int(Command::Retry))->setEnabled(can(Command::Retry, m_step));
    m_commandButtons.value(int(Command::Skip))->setEnabled(can(Command::Skip, m_step));
    QPushButton *recovery = m_commandButtons.value(int(Command::StartRecovery));
    const bool recoveryNow = can(Command::StartRecovery);
    recovery->setEnabled(recoveryNow);
    recovery->setDefault(recoveryNow);
    m_commandButtons.value(int(Command::Cancel))->setEnabled(can(Command::Cancel));
    m_exportButton->setEnabled(any);
    m_stopButton->setEnabled(m_engine.hasActiveExecution());
    // A prompt for a command that no longer applies closes by itself.
    if ((m_prompt == Prompt::Skip && !can(Command::Skip, m_step)) || (m_prompt == Prompt::Cancel && !can(Command::Cancel))
        || (m_prompt == Prompt::EmergencyStop && !m_engine.hasActiveExecution()))
        closePrompt();
}

QString ExecutionPage::stepLabel(StepId step) const
{
    const Execution *execution = current();
    return execution ? QStringLiteral("“%1”").arg(execution->stepName(step)) : QString();
}

void ExecutionPage::updateStepPanel()
{
    if (!m_stepTitle)
        return;
    const Execution *execution = current();
    const PlanStep *step = execution ? execution->plan().step(m_step) : nullptr;
    const StepRun *run = execution ? execution->stepRun(m_step) : nullptr;
    static const QString noStep = QStringLiteral("\x01");
    if (!step || !run) {
        m_stepTitle->setText(tr("No step selected"));
        m_stepState->clear();
        setColors(m_stepState, {}, palette().color(QPalette::WindowText));
        m_stepDetails->setText(tr("Click a step in the graph to see its sites, attempts and log."));
        m_sites->clear();
        m_log->clear();
        m_log->setProperty("shows", noStep);
        m_lastLogSite.clear();
        return;
    }
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const StatusStyle style = StatusColors::style(run->state, scheme);
    m_stepTitle->setText(step->name.isEmpty() ? step->operation : step->name);
    QString state = QStringLiteral(" %1 %2").arg(style.symbol, ExecutionText::stepState(run->state));
    if (run->attempt > 0)
        state += QLatin1Char(' ') + tr("· attempt %1 of %2").arg(run->attempt).arg(std::max(step->retry.attempts, run->attempt));
    if (run->firstStartMs > 0) {
        const qint64 end = run->finishedMs != 0 ? run->finishedMs
                           : execution->finishedMs() != 0 ? execution->finishedMs()
                                                           : m_now();
        state += QStringLiteral(" · ") + ExecutionText::clock(end - run->firstStartMs);
    }
    m_stepState->setText(state + QLatin1Char(' '));
    setColors(m_stepState, style.fill, style.text);

    QStringList details;
    details.append(tr("Operation %1 · %2 · timeout %3")
                       .arg(step->operation, PlanText::target(step->target), PlanText::duration(step->timeoutSeconds)));
    if (!step->productGroup.isEmpty())
        details.append(tr("Product group %1").arg(step->productGroup));
    if (step->requiresApproval)
        details.append(run->approvedBy.isEmpty() ? tr("Manual gate: %1").arg(step->approvalPrompt.isEmpty() ? tr("needs an operator's approval") : step->approvalPrompt)
                                                 : tr("Approved by %1").arg(run->approvedBy));
    if (run->state == StepRunState::Skipped)
        details.append(tr("Skipped: %1").arg(run->skipReason));
    if (run->state == StepRunState::Waiting && run->retryAtMs > 0)
        details.append(tr("Next attempt at %1").arg(timeOfDay(run->retryAtMs)));
    if (!run->message.isEmpty())
        details.append(run->message);
    m_stepDetails->setText(details.join(QLatin1Char('\n')));

    m_sites->clear();
    const QColor dim = palette().color(QPalette::PlaceholderText);
    auto addSite = [this, scheme, &dim, execution](const SiteRun &site, bool earlier) {
        auto *item = new QTreeWidgetItem(m_sites);
        item->setText(0, site.site);
        item->setText(1, QString::number(site.attempt));
        const QString stateText = site.state ? ExecutionText::actionState(*site.state)
                                             : site.dispatchedMs > 0 ? tr("Sent") : QString();
        item->setText(2, stateText);
        const qint64 end = site.finishedMs != 0 ? site.finishedMs
                           : execution->finishedMs() != 0 ? execution->finishedMs()
                                                           : m_now();
        item->setText(3, site.dispatchedMs > 0 ? ExecutionText::clock(end - site.dispatchedMs) : QString());
        item->setText(4, site.message);
        item->setToolTip(4, site.message);
        if (earlier) {
            for (int column = 0; column < 5; ++column)
                item->setForeground(column, dim);
        } else if (site.state) {
            StepRunState look = StepRunState::Running;
            switch (*site.state) {
            case ActionState::Pending: look = StepRunState::Pending; break;
            case ActionState::Running: look = StepRunState::Running; break;
            case ActionState::Succeeded: look = StepRunState::Succeeded; break;
            case ActionState::Failed: look = StepRunState::Failed; break;
            case ActionState::Cancelled: look = StepRunState::Cancelled; break;
            }
            const StatusStyle siteStyle = StatusColors::style(look, scheme);
            item->setBackground(2, siteStyle.fill);
            item->setForeground(2, siteStyle.text);
            item->setText(2, siteStyle.symbol + QLatin1Char(' ') + stateText);
        }
    };
    for (const SiteRun &site : run->sites)
        addSite(site, false);
    for (auto it = run->history.crbegin(); it != run->history.crend(); ++it)
        addSite(*it, true);
    for (int column = 0; column < 4; ++column)
        m_sites->resizeColumnToContents(column);

    // The log is filled when the step (or its attempt) changes, then appended as it arrives.
    const QString shows = QStringLiteral("%1/%2/%3").arg(m_id).arg(m_step).arg(run->attempt);
    if (m_log->property("shows").toString() != shows) {
        m_log->setProperty("shows", shows);
        m_log->clear();
        m_lastLogSite.clear();
        QString text;
        for (const SiteRun &site : run->sites) {
            if (!text.isEmpty() && !text.endsWith(QLatin1Char('\n')))
                text += QLatin1Char('\n');
            text += tr("── %1 ──").arg(site.site) + QLatin1Char('\n') + site.log;
            m_lastLogSite = site.site;
        }
        m_log->setPlainText(text);
        m_log->verticalScrollBar()->setValue(m_log->verticalScrollBar()->maximum());
    }
}

void ExecutionPage::appendOperatorActions(bool reset)
{
    if (!m_actions)
        return;
    if (reset) {
        m_actions->clear();
        m_actionsShown = 0;
    }
    const Execution *execution = current();
    if (!execution)
        return;
    const QList<OperatorAction> &actions = execution->operatorActions();
    for (qsizetype i = m_actionsShown; i < actions.size(); ++i) {
        const OperatorAction &action = actions.at(i);
        auto *item = new QTreeWidgetItem;
        item->setText(0, timeOfDay(action.timeMs));
        item->setText(1, action.host.isEmpty() ? action.user : action.user + QLatin1Char('@') + action.host);
        item->setText(2, ExecutionText::operatorAction(action.action));
        item->setText(3, action.step == InvalidStepId ? QString() : execution->stepName(action.step));
        item->setText(4, action.reason);
        item->setToolTip(4, action.reason);
        m_actions->insertTopLevelItem(0, item); // newest on top
    }
    if (actions.size() != m_actionsShown) {
        for (int column = 0; column < 4; ++column)
            m_actions->resizeColumnToContents(column);
    }
    m_actionsShown = int(actions.size());
    m_tabs->setTabText(1, actions.isEmpty() ? tr("Who did what") : tr("Who did what (%1)").arg(actions.size()));
}

void ExecutionPage::showFeedback(const QString &text, bool problem)
{
    if (!m_feedback)
        return;
    m_feedback->setText(text);
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    QPalette p = m_feedback->palette();
    p.setColor(QPalette::WindowText, problem ? (scheme == ColorScheme::Dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20))
                                             : palette().color(QPalette::WindowText));
    m_feedback->setPalette(p);
}

QString ExecutionPage::feedbackText() const
{
    return m_feedback ? m_feedback->text() : QString();
}

QString ExecutionPage::stateText() const
{
    return m_state->text().trimmed();
}

QString ExecutionPage::rtoText() const
{
    return m_rtoClock->text().trimmed();
}

QString ExecutionPage::logText() const
{
    return m_log ? m_log->toPlainText() : QString();
}

QPushButton *ExecutionPage::commandButton(Command command) const
{
    return m_commandButtons.value(int(command));
}

void ExecutionPage::setClock(std::function<qint64()> now)
{
    m_now = now;
    m_graph->setClock(now);
    m_timeline->setClock(now);
    updateRtoClock();
}

// --- commands ---------------------------------------------------------------------------------

bool ExecutionPage::approveSelected(QString *error)
{
    QString problem;
    const bool ok = m_engine.approve(m_id, m_step, Operator::current(), {}, &problem);
    showFeedback(ok ? tr("Approved %1.").arg(stepLabel(m_step)) : problem, !ok);
    if (error)
        *error = problem;
    return ok;
}

bool ExecutionPage::pauseOrResume(QString *error)
{
    QString problem;
    const bool resume = m_engine.canDo(m_id, Command::Resume);
    const bool ok = resume ? m_engine.resume(m_id, Operator::current(), {}, &problem)
                           : m_engine.pause(m_id, Operator::current(), {}, &problem);
    showFeedback(ok ? (resume ? tr("Resumed.") : tr("Paused: nothing new is dispatched; running actions go on."))
                    : problem,
                 !ok);
    if (error)
        *error = problem;
    return ok;
}

bool ExecutionPage::retrySelected(QString *error)
{
    QString problem;
    const bool ok = m_engine.retryStep(m_id, m_step, Operator::current(), {}, &problem);
    showFeedback(ok ? tr("Retrying %1.").arg(stepLabel(m_step)) : problem, !ok);
    if (error)
        *error = problem;
    return ok;
}

bool ExecutionPage::skipSelected(const QString &reason, QString *error)
{
    QString problem;
    const StepId step = m_step;
    const bool ok = m_engine.skipStep(m_id, step, Operator::current(), reason.trimmed(), &problem);
    showFeedback(ok ? tr("Skipped %1.").arg(stepLabel(step)) : problem, !ok);
    if (error)
        *error = problem;
    return ok;
}

bool ExecutionPage::cancelExecution(const QString &reason, QString *error)
{
    QString problem;
    const bool ok = m_engine.cancel(m_id, Operator::current(), reason.trimmed(), &problem);
    showFeedback(ok ? tr("Cancelled: nothing new is dispatched and running actions are being cancelled.") : problem, !ok);
    if (error)
        *error = problem;
    return ok;
}

bool ExecutionPage::startRecovery(QString *error)
{
    QString problem;
    const bool ok = m_engine.startRecovery(m_id, Operator::current(), {}, &problem);
    showFeedback(ok ? tr("Recovery started.") : problem, !ok);
    if (ok)
        m_graph->showPhase(PlanPhase::Recovery);
    if (error)
        *error = problem;
    return ok;
}

int ExecutionPage::emergencyStop(const QString &reason)
{
    const QString why = reason.trimmed().isEmpty() ? tr("Emergency stop from the switchover dashboard") : reason.trimmed();
    const int stopped = m_engine.emergencyStop(Operator::current(), why);
    showFeedback(stopped > 0 ? tr("Emergency stop: %n execution(s) stopped, running actions cancelled.", nullptr, stopped)
                             : tr("Nothing was running."),
                 false);
    updateCommands();
    return stopped;
}

bool ExecutionPage::exportReport(const QString &path, QString *error)
{
    const Execution *execution = current();
    QString problem;
    bool ok = false;
    if (!execution)
        problem = tr("Choose an execution first.");
    else if (path.endsWith(QLatin1StringView(".pdf"), Qt::CaseInsensitive))
        ok = ExecutionReport::writePdf(*execution, path, &problem, m_now());
    else
        ok = ExecutionReport::writeHtml(*execution, path, &problem, m_now());
    showFeedback(ok ? tr("Report written to %1").arg(QDir::toNativeSeparators(path)) : problem, !ok);
    if (error)
        *error = problem;
    return ok;
}

// --- the reason row ---------------------------------------------------------------------------

void ExecutionPage::openPrompt(Prompt prompt)
{
    if (!m_promptRow || prompt == Prompt::None) {
        closePrompt();
        return;
    }
    m_prompt = prompt;
    m_reason->clear();
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    StatusStyle look = StatusColors::style(StepRunState::AwaitingApproval, scheme);
    switch (prompt) {
    case Prompt::Skip:
        m_promptLabel->setText(tr("Skip %1 and go on without it? Say why:").arg(stepLabel(m_step)));
        m_reason->setPlaceholderText(tr("Reason (required, goes to the audit log)"));
        m_promptConfirm->setText(tr("↷ Skip step"));
        break;
    case Prompt::Cancel:
        m_promptLabel->setText(tr("Cancel this execution? Nothing new is dispatched and running actions are cancelled. "
                                  "Say why:"));
        m_reason->setPlaceholderText(tr("Reason (required, goes to the audit log)"));
        m_promptConfirm->setText(tr("Cancel execution"));
        break;
    case Prompt::EmergencyStop:
        look = StatusColors::style(StepRunState::Failed, scheme);
        m_promptLabel->setText(tr("STOP EVERY RUNNING EXECUTION NOW? Running actions are cancelled at the sites."));
        m_reason->setPlaceholderText(tr("Reason (optional)"));
        m_promptConfirm->setText(tr("■ STOP NOW"));
        m_promptTimer->start();
        break;
    case Prompt::None:
        break;
    }
    setColors(m_promptRow, look.fill, look.text);
    QFont bold = m_promptLabel->font();
    bold.setBold(true);
    m_promptLabel->setFont(bold);
    m_promptConfirm->setFont(bold);
    m_promptConfirm->setEnabled(prompt == Prompt::EmergencyStop);
    m_promptRow->show();
    if (prompt == Prompt::EmergencyStop)
        m_promptConfirm->setFocus(); // one more key (Enter) or click stops
    else
        m_reason->setFocus();
}

bool ExecutionPage::confirmPrompt()
{
    const Prompt prompt = m_prompt;
    const QString reason = m_reason ? m_reason->text() : QString();
    bool ok = false;
    switch (prompt) {
    case Prompt::Skip:
        ok = skipSelected(reason);
        break;
    case Prompt::Cancel:
        ok = cancelExecution(reason);
        break;
    case Prompt::EmergencyStop:
        ok = emergencyStop(reason) >= 0;
        break;
    case Prompt::None:
        return false;
    }
    if (ok)
        closePrompt();
    return ok;
}

void ExecutionPage::closePrompt()
{
    m_prompt = Prompt::None;
    m_promptTimer->stop();
    if (m_promptRow)
        m_promptRow->hide();
}

} // namespace Haven
