// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Haven {

// When a fault must end, on two clocks: the wall time survives a reboot, the monotonic clock
// (valid within one boot, named by the kernel's boot id) survives clock steps. The fault ends
// at the earlier of the two, and the time left is never more than the fault's duration, so
// neither a restart nor a clock step can extend a fault.
struct FaultDeadline
{
    QDateTime wall;
    qint64 monotonicMs = 0; // CLOCK_MONOTONIC at the deadline
    QString bootId;
    qint64 durationMs = 0;

    static FaultDeadline after(int seconds);
    static FaultDeadline after(int seconds, const QDateTime &wallNow, qint64 monotonicNow, const QString &bootId);

    qint64 remainingMs() const;
    qint64 remainingMs(const QDateTime &wallNow, qint64 monotonicNow, const QString &currentBootId) const;

    static QString currentBootId(); // /proc/sys/kernel/random/boot_id, empty when unreadable
    static qint64 monotonicNowMs();
};

} // namespace Haven
