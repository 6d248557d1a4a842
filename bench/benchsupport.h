// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What every benchmark needs: this process's CPU time, medians, and the "figure_name value unit"
// line the benchmarks print.

#include <QList>
#include <QString>
#include <QTextStream>

#include <algorithm>

#include <sys/resource.h>

namespace Haven::Bench {

// User plus system CPU time of this process so far, in seconds.
inline double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// name is a QString or a string literal.
template<typename Name>
void printFigure(QTextStream &out, const Name &name, double value, const char *unit)
{
    out << name << ' ' << QString::number(value, 'f', value < 10 ? 3 : 1) << ' ' << unit << '\n' << Qt::flush;
}

} // namespace Haven::Bench
