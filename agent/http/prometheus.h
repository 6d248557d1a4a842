// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Haven {

// A label value as the Prometheus text exposition format wants it: \, " and newline escaped.
inline QString prometheusLabel(QString value)
{
    return value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

} // namespace Haven
