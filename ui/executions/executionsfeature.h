// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace Haven {

class ConsoleSession;
class ExecutionEngine;
class ExecutionPage;
class Shell;
class TicketDialog;

// Wires plan executions into the console: the Switchover page (destination "execution" with an
// execution id), the execution ticket (destination "ticket" with a plan id, or none) and the
// Execution menu (New ticket…, Require a second approver).
class ExecutionsFeature final : public QObject
{
    Q_OBJECT
public:
    ExecutionsFeature(ConsoleSession &session, Shell &shell, QObject *parent = nullptr);
    ~ExecutionsFeature() override;

    // Opens the ticket, for planId when given; it deletes itself when closed. After a
    // successful start the execution is shown.
    TicketDialog *openTicket(const QString &planId = {});
    void showExecution(const QString &id);

    // The switchover dashboard for the wall: read-only, it follows the active execution.
    static QWidget *createWallView(ExecutionEngine &engine, QWidget *parent = nullptr);

private:
    ConsoleSession &m_session;
    Shell &m_shell;
    QPointer<ExecutionPage> m_page; // the shell owns it
};

} // namespace Haven
