// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every benchmark needs: this process's CPU time, medians, and the "figure_name value unit"
// line the benchmarks print.

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <sys/resource.h>
#include <time.h>

namespace Haven::Bench {

// User plus system CPU time of this process so far, in seconds.
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// CPU time of the calling thread so far, in ms: unlike wall time, it does not grow while the
// thread waits for a core that other processes hold.
inline double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// The longest gap between the ticks of a 1 ms timer on this thread since the last reset(): how
// long the thread's event loop was kept from running (a stall the operator would see).
class LongestGap final
{
public:
    LongestGap()
    {
        m_tick.setInterval(1);
        QObject::connect(&m_tick, &QTimer::timeout, [this] {
            m_longest = std::max(m_longest, m_sinceTick.nsecsElapsed() / 1e6);
            m_sinceTick.restart();
        });
        m_tick.start();
        m_sinceTick.start();
    }
    void reset()
    {
        m_longest = 0;
        m_sinceTick.restart();
    }
    double longest() const { return m_longest; }

private:
    QTimer m_tick;
    QElapsedTimer m_sinceTick;
    double m_longest = 0;
};

// name is a QString or a string literal.
template<typename Name>
void printFigure(QTextStream &out, const Name &name, double value, const char *unit)
{
    out << name << ' ' << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << '\n' << Qt::flush;
}

} // namespace Haven::Bench
