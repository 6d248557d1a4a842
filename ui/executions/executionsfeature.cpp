// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionsfeature.h"

#include "executionpage.h"
#include "ticketdialog.h"

#include "app/executions/executionengine.h"
#include "app/session/consolesession.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"

#include <QAction>

namespace Haven {

namespace {
const QString MenuId = QStringLiteral("execution");
} // namespace

ExecutionsFeature::ExecutionsFeature(ConsoleSession &session, Shell &shell, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_shell(shell)
    , m_page(new ExecutionPage(session.executions(), ExecutionPage::Mode::Console))
{
    shell.addPage(QStringLiteral("execution"), tr("Switchover"), m_page);
    shell.addDestination(QStringLiteral("execution"), [this](const QString &id) { showExecution(id); });
    shell.addDestination(QStringLiteral("ticket"), [this](const QString &planId) { openTicket(planId); });

    const QString menuTitle = tr("&Execution");
    auto *newTicket = new QAction(tr("New ticket…"), this);
    newTicket->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    newTicket->setStatusTip(tr("Fill in an execution ticket to run an effective plan."));
    connect(newTicket, &QAction::triggered, this, [this] { openTicket(); });
    shell.addAction(MenuId, menuTitle, newTicket);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    shell.addAction(MenuId, menuTitle, separator);
    auto *secondApprover = new QAction(tr("Require a second approver"), this);
    secondApprover->setCheckable(true);
    secondApprover->setChecked(session.executions().settings().requireSecondApproval);
    secondApprover->setStatusTip(tr("Production: a ticket can only start once a second person approved it. "
                                    "Changes are recorded in the audit log."));
    connect(secondApprover, &QAction::toggled, this,
            [this](bool required) { m_session.setRequireSecondApproval(required, Operator::current()); });
    shell.addAction(MenuId, menuTitle, secondApprover);
}

ExecutionsFeature::~ExecutionsFeature() = default;

TicketDialog *ExecutionsFeature::openTicket(const QString &planId)
{
    auto *dialog = new TicketDialog(m_session.plans(), m_session.environment(), m_session.topology(),
                                    m_session.executions(), m_shell.dialogParent());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!planId.isEmpty())
        dialog->selectPlan(planId);
    Navigator &navigator = m_shell.navigator();
    connect(dialog, &TicketDialog::executionStarted, this,
            [&navigator](const QString &id) { navigator.navigate(QStringLiteral("execution"), id); });
    dialog->open();
    return dialog;
}

QWidget *ExecutionsFeature::createWallView(ExecutionEngine &engine, QWidget *parent)
{
    return new ExecutionPage(engine, ExecutionPage::Mode::Wall, parent);
}

void ExecutionsFeature::showExecution(const QString &id)
{
    if (!m_page)
        return;
    m_page->showExecution(id);
    m_shell.navigator().showPage(QStringLiteral("execution"));
}

} // namespace Haven
