// SPDX-License-Identifier: GPL-3.0-or-later
// ExecutionPage's command bar: the buttons the engine allows now, the export of the report, the
// feedback line, and the reason row that skip, cancel and the emergency stop open under them.
#include "executionpage.h"

#include "executionpagesupport.h"
#include "executionreport.h"
#include "widgets/common/statuscolors.h"
#include "widgets/executions/executiongraph.h"

#include <QAction>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>

namespace Haven {

using namespace ExecutionPageSupport;

namespace {

using Command = ExecutionEngine::Command;

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
    if ((m_prompt == Prompt::Skip && !can(Command::Skip, m_step))
        || (m_prompt == Prompt::Cancel && !can(Command::Cancel))
        || (m_prompt == Prompt::EmergencyStop && !m_engine.hasActiveExecution()))
        closePrompt();
}

QString ExecutionPage::stepLabel(StepId step) const
{
    const Execution *execution = current();
    return execution ? QStringLiteral("“%1”").arg(execution->stepName(step)) : QString();
}

void ExecutionPage::showFeedback(const QString &text, bool problem)
{
    if (!m_feedback)
        return;
    m_feedback->setText(text);
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    QPalette p = m_feedback->palette();
    p.setColor(QPalette::WindowText,
               problem ? (scheme == ColorScheme::Dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x00, 0x20))
                       : palette().color(QPalette::WindowText));
    m_feedback->setPalette(p);
}

QString ExecutionPage::feedbackText() const
{
    return m_feedback ? m_feedback->text() : QString();
}

QPushButton *ExecutionPage::commandButton(Command command) const
{
    return m_commandButtons.value(int(command));
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
    showFeedback(ok ? tr("Cancelled: nothing new is dispatched and running actions are being cancelled.") : problem,
                 !ok);
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
    const QString why = reason.trimmed().isEmpty() ? tr("Emergency stop from the switchover dashboard")
                                                   : reason.trimmed();
    const int stopped = m_engine.emergencyStop(Operator::current(), why);
    showFeedback(stopped > 0
                     ? tr("Emergency stop: %n execution(s) stopped, running actions cancelled.", nullptr, stopped)
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
