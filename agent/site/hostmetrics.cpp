// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostmetrics.h"

#include <QFile>
#include <QList>

#include <algorithm>

#include <sys/statvfs.h>

namespace Haven {

namespace {

QList<QByteArray> fieldsOf(const QByteArray &line)
{
    return line.simplified().split(' ');
}

std::optional<quint64> unsignedNumber(const QByteArray &text)
{
    bool ok = false;
    const quint64 value = text.toULongLong(&ok);
    return ok ? std::optional<quint64>(value) : std::nullopt;
}

double clampedPercent(double value)
{
    return std::clamp(value, 0.0, 100.0);
}

} // namespace

std::optional<HostMetrics::CpuTimes> HostMetrics::parseCpuTimes(const QByteArray &procStat)
{
    // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is
    // already counted in user and nice, so the last two fields are left out of the total.
    const QList<QByteArray> lines = procStat.split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = fieldsOf(line);
        if (fields.value(0) != "cpu")
            continue;
        const qsizetype count = std::min<qsizetype>(fields.size() - 1, 8);
        if (count < 4) // older kernels stop after idle
            return std::nullopt;
        quint64 values[8] = {};
        for (qsizetype i = 0; i < count; ++i) {
            const std::optional<quint64> value = unsignedNumber(fields.at(i + 1));
            if (!value)
                return std::nullopt;
            values[i] = *value;
        }
        const quint64 idle = values[3] + values[4]; // idle + iowait
        CpuTimes times;
        for (const quint64 value : values)
            times.total += value;
        times.busy = times.total - idle;
        return times;
    }
    return std::nullopt;
}

std::optional<double> HostMetrics::cpuPercent(const CpuTimes &before, const CpuTimes &after)
{
    if (after.total <= before.total || after.busy < before.busy)
        return std::nullopt; // no time passed, or the counters restarted
    const double busy = static_cast<double>(after.busy - before.busy);
    const double total = static_cast<double>(after.total - before.total);
    return clampedPercent(100.0 * busy / total);
}

std::optional<HostMetrics::Memory> HostMetrics::parseMemory(const QByteArray &procMeminfo)
{
    std::optional<quint64> total, available, free, buffers, cached;
    const QList<QByteArray> lines = procMeminfo.split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = fieldsOf(line); // "MemTotal: 16318040 kB"
        if (fields.size() < 2)
            continue;
        const QByteArray &key = fields.at(0);
        const std::optional<quint64> value = unsignedNumber(fields.at(1));
        if (key == "MemTotal:")
            total = value;
        else if (key == "MemAvailable:")
            available = value;
        else if (key == "MemFree:")
            free = value;
        else if (key == "Buffers:")
            buffers = value;
        else if (key == "Cached:")
            cached = value;
    }
    if (!total || *total == 0)
        return std::nullopt;
    // Kernels before 3.14 have no MemAvailable; free + buffers + cache is the usual estimate.
    if (!available && free && buffers && cached)
        available = *free + *buffers + *cached;
    if (!available)
        return std::nullopt;
    return Memory{*total, std::min(*available, *total)};
}

std::optional<double> HostMetrics::memoryPercent(const Memory &memory)
{
    if (memory.totalKiB == 0)
        return std::nullopt;
    const double used = static_cast<double>(memory.totalKiB - std::min(memory.availableKiB, memory.totalKiB));
    return clampedPercent(100.0 * used / static_cast<double>(memory.totalKiB));
}

std::optional<HostMetrics::LoadAverage> HostMetrics::parseLoadAverage(const QByteArray &procLoadavg)
{
    const QList<QByteArray> fields = fieldsOf(procLoadavg); // "0.52 0.58 0.59 1/467 12345"
    if (fields.size() < 3)
        return std::nullopt;
    double values[3] = {};
    for (int i = 0; i < 3; ++i) {
        bool ok = false;
        values[i] = fields.at(i).toDouble(&ok);
        if (!ok || values[i] < 0)
            return std::nullopt;
    }
    return LoadAverage{values[0], values[1], values[2]};
}

std::optional<double> HostMetrics::diskPercent(const DiskSpace &disk)
{
    if (disk.freeBlocks > disk.blocks)
        return std::nullopt;
    const quint64 used = disk.blocks - disk.freeBlocks;
    const quint64 usable = used + disk.availableBlocks;
    if (usable == 0)
        return std::nullopt;
    return clampedPercent(100.0 * static_cast<double>(used) / static_cast<double>(usable));
}

std::optional<HostMetrics::DiskSpace> HostMetrics::diskSpace(const QString &path)
{
    struct statvfs info = {};
    if (::statvfs(QFile::encodeName(path).constData(), &info) != 0)
        return std::nullopt;
    return DiskSpace{info.f_blocks, info.f_bfree, info.f_bavail};
}

HostMetrics::HostMetrics(QString diskPath, QString procRoot)
    : m_diskPath(std::move(diskPath))
    , m_procRoot(std::move(procRoot))
{ }

QByteArray HostMetrics::readProcFile(const QString &name) const
{
    QFile file(m_procRoot + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll(); // procfs files report size 0; readAll reads up to the end anyway
}

HostMetrics::Sample HostMetrics::sample()
{
    Sample sample;
    if (const std::optional<CpuTimes> cpu = parseCpuTimes(readProcFile(QStringLiteral("stat")))) {
        if (m_previousCpu)
            sample.cpuPercent = cpuPercent(*m_previousCpu, *cpu);
        m_previousCpu = cpu;
    }
    if (const std::optional<Memory> memory = parseMemory(readProcFile(QStringLiteral("meminfo"))))
        sample.memoryPercent = memoryPercent(*memory);
    sample.load = parseLoadAverage(readProcFile(QStringLiteral("loadavg")));
    if (const std::optional<DiskSpace> disk = diskSpace(m_diskPath))
        sample.diskPercent = diskPercent(*disk);
    return sample;
}

} // namespace Haven
