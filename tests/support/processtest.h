// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Checks on processes a test's hooks or scripts started.

#include <QFile>
#include <QString>

#include <signal.h>

namespace Haven::Test {

// A zombie still answers kill(pid, 0); it counts as dead.
inline bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName < 0 || text.mid(afterName + 2, 1) != "Z";
}

// The pid a script wrote to path (0 when there is none).
inline qint64 readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toLongLong();
}

} // namespace Haven::Test
