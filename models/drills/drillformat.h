// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The drill file format (docs/drill-format.md): {"format":"haven-drill","version":1,...}.
// Reading checks every field and names the first one that is wrong ("actions[2].target.site:
// required"), so an imported file either is a drill the console can run or says why not.

#include "drill.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace Haven {

class DrillFormat final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::DrillFormat)
public:
    static constexpr int Version = 1;
    static constexpr int MaxFaultSeconds = FaultLimits::DefaultMaxDurationSeconds; // what agents accept at most
    static QString formatName() { return QStringLiteral("haven-drill"); }

    static QJsonObject toJson(const Drill &drill);
    static QByteArray toBytes(const Drill &drill); // indented, trailing newline
    static std::optional<Drill> fromJson(const QJsonObject &json, QString *error);
    // Malformed JSON says where (line:column is not known to QJsonDocument: the offset is).
    static std::optional<Drill> fromBytes(const QByteArray &bytes, QString *error);

    // The rules a drill must meet beyond its shape (unique action ids, a target that fits the
    // fault kind, ...): the first problem, or empty. fromJson() applies it too.
    static QString validate(const Drill &drill);

    static QJsonObject targetToJson(const DrillTarget &target);
    static std::optional<DrillTarget> targetFromJson(const QJsonObject &json, const QString &path, QString *error);
};

} // namespace Haven
