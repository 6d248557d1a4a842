// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrule.h"
#include "inspectiontaskspec.h"

#include <QByteArray>
#include <QSet>

#include <optional>

namespace Haven {

// What one rule file holds: {"format":"haven-inspections","version":1,"rules":[...],"tasks":[...]}
// (docs/inspection-format.md), so that teams keep their rules in git.
struct InspectionFile
{
    QList<InspectionRule> rules;
    QList<InspectionTaskSpec> tasks;
};

// Reads and writes rule files. Reading checks everything before anything is returned, so an
// import takes a whole file or nothing; the error names the field ("rules[3].timeoutSeconds:
// expected 1 to 3600, got 7200").
class InspectionFormat final
{
public:
    static constexpr int Version = 1;
    static QString formatName() { return QStringLiteral("haven-inspections"); }

    // knownRuleIds: rules already in the store that the file's tasks may name.
    static std::optional<InspectionFile> read(const QByteArray &data, QString *error,
                                              const QSet<QString> &knownRuleIds = {});
    static QByteArray write(const InspectionFile &file);
};

} // namespace Haven
