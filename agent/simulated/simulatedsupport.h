// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the simulated site's two halves (simulatedsite.cpp: the model,
// simulatedoperations.cpp: the operations): numbers in log lines, parameter schemas, errors.

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cmath>

namespace Haven::SimulatedSupport {

constexpr double Epsilon = 1e-9;

inline double round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}

inline QString number(double value)
{
    return QString::number(round1(value));
}

inline QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

inline QJsonObject property(const QString &type, const QString &description)
{
    return {{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
}

inline QJsonObject bounded(QJsonObject property, double minimum, double maximum)
{
    property.insert(QStringLiteral("minimum"), minimum);
    property.insert(QStringLiteral("maximum"), maximum);
    return property;
}

inline QJsonObject schema(const QJsonObject &properties, const QStringList &required = {})
{
    return {{QStringLiteral("type"), QStringLiteral("object")},
            {QStringLiteral("properties"), properties},
            {QStringLiteral("required"), QJsonArray::fromStringList(required)}};
}

inline bool fail(QString *error, const QString &problem)
{
    if (error)
        *error = problem;
    return false;
}

} // namespace Haven::SimulatedSupport
