// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultdeadline.h"

#include <QFile>

#include <algorithm>
#include <ctime>

namespace Haven {

FaultDeadline FaultDeadline::after(int seconds)
{
    return after(seconds, QDateTime::currentDateTimeUtc(), monotonicNowMs(), currentBootId());
}

FaultDeadline FaultDeadline::after(int seconds, const QDateTime &wallNow, qint64 monotonicNow, const QString &bootId)
{
    FaultDeadline deadline;
    deadline.durationMs = qint64(seconds) * 1000;
    deadline.wall = wallNow.addMSecs(deadline.durationMs);
    deadline.monotonicMs = monotonicNow + deadline.durationMs;
    deadline.bootId = bootId;
    return deadline;
}

qint64 FaultDeadline::remainingMs() const
{
    return remainingMs(QDateTime::currentDateTimeUtc(), monotonicNowMs(), currentBootId());
}

qint64 FaultDeadline::remainingMs(const QDateTime &wallNow, qint64 monotonicNow, const QString &currentBootId) const
{
    qint64 left = durationMs;
    if (wall.isValid())
        left = std::min(left, wallNow.msecsTo(wall));
    if (!bootId.isEmpty() && bootId == currentBootId)
        left = std::min(left, monotonicMs - monotonicNow);
    return std::max<qint64>(0, left);
}

QString FaultDeadline::currentBootId()
{
    static const QString id = [] {
        QFile file(QStringLiteral("/proc/sys/kernel/random/boot_id"));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().trimmed()) : QString();
    }();
    return id;
}

qint64 FaultDeadline::monotonicNowMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

} // namespace Haven
