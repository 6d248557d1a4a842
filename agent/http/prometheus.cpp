// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheus.h"

#include <QLocale>

#include <cmath>

namespace Haven {

namespace {

// HELP text escapes only \ and newline (the format's rule; quotes stay as they are).
QString helpText(QString help)
{
    return help.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

QString sampleValue(double value)
{
    if (std::isnan(value))
        return QStringLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QString prometheusLabel(QString value)
{
    return value.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

void PrometheusText::family(const QString &name, const QString &help, Type type)
{
    const bool total = name.endsWith(QLatin1StringView("_total"));
    if (total != (type == Type::Counter) || help.isEmpty())
        m_wellNamed = false;
    m_name = name;
    m_text += QStringLiteral("# HELP ") + name + QLatin1Char(' ') + helpText(help) + QStringLiteral("\n# TYPE ") + name
              + (type == Type::Counter ? QStringLiteral(" counter\n") : QStringLiteral(" gauge\n"));
}

void PrometheusText::sample(const Labels &labels, double value)
{
    m_text += m_name;
    if (!labels.isEmpty()) {
        m_text += QLatin1Char('{');
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                m_text += QLatin1Char(',');
            m_text += labels.at(i).first + QStringLiteral("=\"") + prometheusLabel(labels.at(i).second)
                      + QLatin1Char('"');
        }
        m_text += QLatin1Char('}');
    }
    m_text += QLatin1Char(' ') + sampleValue(value) + QLatin1Char('\n');
}

void PrometheusText::gauge(const QString &name, const QString &help, double value)
{
    family(name, help);
    sample(value);
}

} // namespace Haven
