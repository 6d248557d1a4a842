// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What people read for the execution model's enums and times on the switchover dashboard
// (容灾切换大盘), translated. Execution's toString() gives the stable machine names instead.

#include "models/executions/execution.h"

#include <QCoreApplication>
#include <QString>

namespace Haven {

class ExecutionText final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::ExecutionText)
public:
    static QString state(ExecutionState state);   // "Running", "Switchover done, recovery not started", ...
    static QString stepState(StepRunState state); // "Awaiting approval", "Waiting to retry", ...
    static QString actionState(ActionState state);
    // An operator action's machine name (start, approve, skip, ...) as a verb people read.
    static QString operatorAction(const QString &action);
    // A duration as a clock: "0:42", "12:05", "1:02:09". Negative counts as zero.
    static QString clock(qint64 milliseconds);
    // The ticket in one line: "sha → shb · payments, trading · description".
    static QString ticketSummary(const ExecutionTicket &ticket);
};

} // namespace Haven
