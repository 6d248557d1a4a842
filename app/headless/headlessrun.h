// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/executions/execution.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

class QTextStream;
class QTimer;

namespace Haven {

class ConsoleSession;

// `haven --headless run` and `haven --headless resume`: runs a plan from a file without a window
// (automation, and the kill-and-resume test), or resumes what a killed console left. Prints one
// line per step change. The same engine, journal and audit log as the console's.
class HeadlessRun final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Done = 0, UsageError = 2, NotDone = 4, NotStarted = 5 };

    struct Options
    {
        bool resumeOnly = false; // resume: continue what the journal holds, start nothing new
        QString planFile;        // run: a plan in the plan format (docs/plan-format.md), effective
        QString confirm;         // run: must equal the plan's name
        QStringList failedSites;
        QStringList emergencySites;
        QStringList productGroups; // empty: all
        QString description;
        bool recovery = false;       // start the recovery phase once the switchover is done
        bool approve = false;        // approve every approval gate (recorded as this user's approval)
        int readyTimeoutMs = 30'000; // how long the ticket's sites may take to answer first
    };

    HeadlessRun(ConsoleSession &session, QTextStream &out, QObject *parent = nullptr);

    // Call before the session follows its agents; finished(exitCode) follows from the event loop.
    void run(const Options &options);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void sessionReady();
    void startNew();
    void follow(const QString &id);
    void stepChanged(const QString &id, StepId step);
    void settled(const QString &id, ExecutionState state);
    void finish(int code, const QString &message = {});

    ConsoleSession &m_session;
    QTextStream &m_out;
    Options m_options;
    QStringList m_following;
    QHash<QString, StepRunState> m_printed; // "<execution>/<step>" → what was printed last
    QSet<QString> m_announced;              // executions whose settled state was printed
    QTimer *m_readyTimer;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace Haven
