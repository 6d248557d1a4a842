// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The execution report (预案执行报告): the ticket, the measured RTO against the objective, a
// timeline, each step's outcome and logs, and who did what. HTML for the browser and mail,
// PDF for the record. Built from the Execution alone (the journal), so it can be written after
// the agents are gone.

#include "models/executions/execution.h"

#include <QCoreApplication>
#include <QString>

namespace Haven {

class ExecutionReport final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::ExecutionReport)
public:
    // A self-contained HTML document (inline styles, no external resources). nowMs: for a run
    // that has not finished, what "so far" means.
    static QString html(const Execution &execution, qint64 nowMs);
    // Write atomically (QSaveFile); false and *error (what happened, what to do) when they cannot.
    // Nothing is left behind at path when they fail.
    static bool writeHtml(const Execution &execution, const QString &path, QString *error, qint64 nowMs);
    static bool writePdf(const Execution &execution, const QString &path, QString *error, qint64 nowMs);

    // Words and colours of states come from ExecutionText and StatusColors (widgets/), as on
    // the switchover dashboard.
    static QString durationText(qint64 ms); // "3 min 12 s", "1 h 05 min", "0.8 s"
    // The measured RTO against the objective, one sentence: "… 4 min 10 s, objective 5 min: met."
    static QString rtoText(const Execution &execution, qint64 nowMs);

private:
    enum class Target { Browser, Print };
    static QString document(const Execution &execution, qint64 nowMs, Target target);
};

} // namespace Haven
