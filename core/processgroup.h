// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hooks and inspection scripts may start children of their own. Each one runs as the leader
// of a new session, so that a timeout or a cancel can stop everything it started at once.

#include <QProcess>
#include <QTimer>

#include <chrono>

#include <signal.h>
#include <unistd.h>

namespace Haven::ProcessGroup {

inline constexpr std::chrono::milliseconds DefaultGrace{2000};

// Call before QProcess::start(): the child becomes the leader of its own process group.
inline void prepare(QProcess &process)
{
    process.setChildProcessModifier([] { ::setsid(); });
}

// False when no process of the group is left (or there is no group).
inline bool sendSignal(qint64 leaderPid, int signalNumber)
{
    return leaderPid > 0 && ::kill(-static_cast<pid_t>(leaderPid), signalNumber) == 0;
}

// SIGTERM to the whole group now, SIGKILL after the grace period. The second signal does not
// depend on the QProcess or its owner still existing: children may outlive both.
inline void terminate(qint64 leaderPid, std::chrono::milliseconds grace = DefaultGrace)
{
    if (leaderPid <= 0)
        return;
    // A group that is already empty gets no SIGKILL later: its id could belong to a new one by then.
    if (!sendSignal(leaderPid, SIGTERM))
        return;
    QTimer::singleShot(grace, [leaderPid] { sendSignal(leaderPid, SIGKILL); });
}

} // namespace Haven::ProcessGroup
