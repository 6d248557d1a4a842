// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The plan file format (docs/plan-format.md): versioned JSON that diffs well in git — stable key
// order, one step per object, steps sorted by id, edges sorted, 2-space indent, no volatile data
// (no state, no timestamps, no version history).

#include "plan.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Haven {

class PlanFormat final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::PlanFormat)
public:
    static constexpr int Version = 1;
    static QString formatName() { return QStringLiteral("haven-plan"); }

    struct ImportResult
    {
        std::optional<PlanData> plan;  // set unless the file could not be read at all
        QString error;                 // for people: what happened and what to do; empty when ok
        QStringList unknownOperations; // operation codes no site's catalog offers, sorted
        int line = 0;                  // 1-based position of a JSON syntax error, else 0
        int column = 0;

        bool ok() const { return plan.has_value() && error.isEmpty(); }
    };

    // {"format":"haven-plan","version":1,"plan":{...},"steps":[...],"edges":[...]}
    static QJsonObject toJson(const PlanData &plan);
    // The file bytes: keys in a fixed order, 2-space indent, trailing newline.
    static QByteArray toBytes(const PlanData &plan);
    static QByteArray toBytes(const QJsonObject &formatJson); // same layout for a stored snapshot

    // Reads a file. Malformed JSON (with line and column), another format, a newer version or a
    // broken structure leave plan unset. Operations missing from a non-empty catalog are listed
    // in unknownOperations and error, with plan set, so the caller may still open it as a draft.
    // An empty catalog (never fetched) skips that check. The imported plan is always a draft.
    static ImportResult fromBytes(const QByteArray &bytes, const QList<OperationSpec> &catalog = {});
    static std::optional<PlanData> fromJson(const QJsonObject &json, QString *error);

    static QJsonObject stepToJson(const PlanStep &step);
    static std::optional<PlanStep> stepFromJson(const QJsonObject &json, QString *error);
};

} // namespace Haven
