// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Haven {

// The agent's own host as the physical layer shows it: CPU, memory, load and the disk that
// holds the agent's data. The parsers are pure functions over the texts the kernel writes,
// so that they can be tested with recorded samples; sample() reads the live files.
class HostMetrics final
{
public:
    // Jiffies since boot, from the "cpu" line of /proc/stat.
    struct CpuTimes
    {
        quint64 busy = 0;
        quint64 total = 0;
    };

    struct Memory
    {
        quint64 totalKiB = 0;
        quint64 availableKiB = 0;
    };

    struct LoadAverage
    {
        double one = 0;
        double five = 0;
        double fifteen = 0;
    };

    // The fields of struct statvfs that df uses, in blocks of the same size.
    struct DiskSpace
    {
        quint64 blocks = 0;
        quint64 freeBlocks = 0;      // including those reserved for root
        quint64 availableBlocks = 0; // for unprivileged users
    };

    // Each value is absent when it could not be read; the CPU needs two samples.
    struct Sample
    {
        std::optional<double> cpuPercent;
        std::optional<double> memoryPercent;
        std::optional<LoadAverage> load;
        std::optional<double> diskPercent;
    };

    static std::optional<CpuTimes> parseCpuTimes(const QByteArray &procStat);
    static std::optional<double> cpuPercent(const CpuTimes &before, const CpuTimes &after);
    static std::optional<Memory> parseMemory(const QByteArray &procMeminfo);
    static std::optional<double> memoryPercent(const Memory &memory);
    static std::optional<LoadAverage> parseLoadAverage(const QByteArray &procLoadavg);
    // Used share of the space an unprivileged user can have, as df computes it.
    static std::optional<double> diskPercent(const DiskSpace &disk);
    static std::optional<DiskSpace> diskSpace(const QString &path);

    // procRoot is "/proc" except in tests.
    explicit HostMetrics(QString diskPath, QString procRoot = QStringLiteral("/proc"));

    // Reads the host now. The CPU share is measured since the previous call.
    Sample sample();

private:
    QByteArray readProcFile(const QString &name) const;

    QString m_diskPath;
    QString m_procRoot;
    std::optional<CpuTimes> m_previousCpu;
};

} // namespace Haven
