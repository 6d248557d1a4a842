// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The switchover dashboard (容灾切换大盘): one plan execution live — the plan, the ticket, the
// state in words and the RTO clock against the objective; the running graph and the timeline;
// the selected step's sites, attempts and log as it arrives; who did what; the operator commands
// the engine allows now, and an emergency stop that is always in reach.
//
// Commands that need a reason (skip, cancel, emergency stop) ask for it in a row under the
// buttons, not in a dialog: the room keeps seeing the run while someone types. In wall mode the
// page only shows (no commands, no selection, no log), in the wall's dark theme and type.

#include "app/executions/executionengine.h"
#include "models/executions/execution.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTimer;
class QToolButton;
class QTreeWidget;

namespace Haven {

class ExecutionGraph;
class ExecutionTimeline;

class ExecutionPage final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Console, Wall };
    enum class RtoLevel { None, Normal, Near, Over }; // Near: 80 % of the objective used
    enum class Prompt { None, Skip, Cancel, EmergencyStop };

    explicit ExecutionPage(ExecutionEngine &engine, Mode mode = Mode::Console, QWidget *parent = nullptr);
    ~ExecutionPage() override;

    Mode mode() const { return m_mode; }

    // The execution shown; showExecution() also selects it in the selector.
    QString executionId() const { return m_id; }
    void showExecution(const QString &id);
    // The newest execution that is not final, else the newest one (the wall's choice).
    QString preferredExecution() const;

    StepId selectedStep() const { return m_step; }
    void selectStep(StepId step);

    // The commands, as the buttons give them once they have what they need. Each says what
    // happened in the page's feedback line; false (and *error) when the engine refused.
    bool approveSelected(QString *error = nullptr);
    bool pauseOrResume(QString *error = nullptr);
    bool retrySelected(QString *error = nullptr);
    bool skipSelected(const QString &reason, QString *error = nullptr);
    bool cancelExecution(const QString &reason, QString *error = nullptr);
    bool startRecovery(QString *error = nullptr);
    int emergencyStop(const QString &reason);
    // Writes the execution report; PDF when the path ends in .pdf, HTML otherwise.
    bool exportReport(const QString &path, QString *error = nullptr);

    // Opens the reason row for a command (what the Skip, Cancel and EMERGENCY STOP buttons do);
    // confirmPrompt() is its confirm button.
    void openPrompt(Prompt prompt);
    Prompt openPromptKind() const { return m_prompt; }
    bool confirmPrompt();
    void closePrompt();

    // What the page shows (tests and the wall).
    ExecutionGraph *graph() const { return m_graph; }
    ExecutionTimeline *timeline() const { return m_timeline; }
    QComboBox *executionBox() const { return m_executions; }
    QLineEdit *reasonField() const { return m_reason; }
    QPushButton *commandButton(ExecutionEngine::Command command) const;
    QPushButton *emergencyStopButton() const { return m_stopButton; }
    QPushButton *promptConfirmButton() const { return m_promptConfirm; }
    QString stateText() const;
    QString rtoText() const;
    RtoLevel rtoLevel() const { return m_rtoLevel; }
    QString feedbackText() const;
    QString logText() const;
    QTreeWidget *operatorActionList() const { return m_actions; }
    QTreeWidget *siteList() const { return m_sites; }

    // Where "now" comes from for the clocks (tests); the wall clock by default.
    void setClock(std::function<qint64()> now);

Q_SIGNALS:
    void executionShown(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildCommands();
    QWidget *buildPrompt();
    QWidget *buildStepPanel();
    void applyFonts();
    const Execution *current() const;
    void fillExecutionBox();
    QString executionBoxText(const Execution &execution) const;
    void updateHeader();
    void updateRtoClock();
    void updateCommands();
    void updateStepPanel();
    void appendOperatorActions(bool reset);
    void onExecutionChanged(const QString &id);
    void onStepChanged(const QString &id, StepId step);
    void onLogAppended(const QString &id, StepId step, const QString &site, const QString &text);
    void showFeedback(const QString &text, bool problem);
    QString stepLabel(StepId step) const;

    ExecutionEngine &m_engine;
    Mode m_mode;
    QString m_id;
    StepId m_step = InvalidStepId;
    Prompt m_prompt = Prompt::None;
    RtoLevel m_rtoLevel = RtoLevel::None;
    std::function<qint64()> m_now;
    QHash<QString, ExecutionState> m_boxStates; // what the selector's texts show
    int m_actionsShown = 0;
    QString m_lastLogSite;

    QComboBox *m_executions = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_planName = nullptr;
    QLabel *m_ticket = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_stateMessage = nullptr;
    QLabel *m_lastAction = nullptr;
    QLabel *m_rtoClock = nullptr;
    QLabel *m_rtoCaption = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_feedback = nullptr;
    QWidget *m_commands = nullptr;
    QHash<int, QPushButton *> m_commandButtons;
    QToolButton *m_exportButton = nullptr;
    QFrame *m_promptRow = nullptr;
    QLabel *m_promptLabel = nullptr;
    QLineEdit *m_reason = nullptr;
    QPushButton *m_promptConfirm = nullptr;
    QPushButton *m_promptBack = nullptr;
    ExecutionGraph *m_graph = nullptr;
    ExecutionTimeline *m_timeline = nullptr;
    QLabel *m_stepTitle = nullptr;
    QLabel *m_stepState = nullptr;
    QLabel *m_stepDetails = nullptr;
    QTreeWidget *m_sites = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QTreeWidget *m_actions = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTimer *m_clockTimer = nullptr;
    QTimer *m_promptTimer = nullptr;
};

} // namespace Haven
