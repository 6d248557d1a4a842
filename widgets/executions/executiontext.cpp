// SPDX-License-Identifier: GPL-3.0-or-later
#include "executiontext.h"

#include <QStringList>

#include <algorithm>

namespace Haven {

QString ExecutionText::state(ExecutionState state)
{
    switch (state) {
    case ExecutionState::Ready:
        return tr("Ready to start");
    case ExecutionState::Running:
        return tr("Running");
    case ExecutionState::Paused:
        return tr("Paused");
    case ExecutionState::AwaitingRecovery:
        return tr("Switchover done, recovery not started");
    case ExecutionState::Succeeded:
        return tr("Succeeded");
    case ExecutionState::Failed:
        return tr("Failed, needs attention");
    case ExecutionState::Cancelled:
        return tr("Cancelled");
    case ExecutionState::Stopped:
        return tr("Emergency stopped");
    }
    return {};
}

QString ExecutionText::stepState(StepRunState state)
{
    switch (state) {
    case StepRunState::Pending:
        return tr("Pending");
    case StepRunState::NotSelected:
        return tr("Not selected");
    case StepRunState::AwaitingApproval:
        return tr("Awaiting approval");
    case StepRunState::Waiting:
        return tr("Waiting to retry");
    case StepRunState::Running:
        return tr("Running");
    case StepRunState::Succeeded:
        return tr("Succeeded");
    case StepRunState::Failed:
        return tr("Failed");
    case StepRunState::Skipped:
        return tr("Skipped");
    case StepRunState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString ExecutionText::actionState(ActionState state)
{
    switch (state) {
    case ActionState::Pending:
        return tr("Pending");
    case ActionState::Running:
        return tr("Running");
    case ActionState::Succeeded:
        return tr("Succeeded");
    case ActionState::Failed:
        return tr("Failed");
    case ActionState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString ExecutionText::operatorAction(const QString &action)
{
    if (action == QLatin1StringView("start"))
        return tr("started");
    if (action == QLatin1StringView("approve"))
        return tr("approved");
    if (action == QLatin1StringView("retry"))
        return tr("retried");
    if (action == QLatin1StringView("skip"))
        return tr("skipped");
    if (action == QLatin1StringView("pause"))
        return tr("paused");
    if (action == QLatin1StringView("resume"))
        return tr("resumed");
    if (action == QLatin1StringView("cancel"))
        return tr("cancelled");
    if (action == QLatin1StringView("stop"))
        return tr("emergency stop");
    if (action == QLatin1StringView("startRecovery"))
        return tr("started recovery");
    return action;
}

QString ExecutionText::clock(qint64 milliseconds)
{
    const qint64 total = std::max<qint64>(0, milliseconds) / 1000;
    const qint64 hours = total / 3600;
    const qint64 minutes = (total / 60) % 60;
    const qint64 seconds = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(hours)
            .arg(minutes, 2, 10, QLatin1Char('0'))
            .arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

QString ExecutionText::ticketSummary(const ExecutionTicket &ticket)
{
    QStringList parts;
    parts.append(tr("%1 → %2").arg(ticket.failedSites.join(QStringLiteral(", ")),
                                   ticket.emergencySites.join(QStringLiteral(", "))));
    parts.append(ticket.productGroups.isEmpty() ? tr("every product group")
                                                : ticket.productGroups.join(QStringLiteral(", ")));
    if (!ticket.description.isEmpty())
        parts.append(ticket.description);
    return parts.join(QStringLiteral(" · "));
}

} // namespace Haven
