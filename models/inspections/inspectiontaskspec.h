// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrule.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Haven {

// A task of the inspection center: rules over targets with a schedule, a time window and a
// concurrency limit, as the console keeps it. The console turns it into one InspectionTask per
// affected site (forSite()); the agents run it on schedule by themselves.
struct InspectionTaskSpec
{
    QString id; // an inspection id (isInspectionId)
    QString name;
    qint64 revision = 1; // grows with every saved change; agents keep the revision they run
    QStringList ruleIds;
    QList<InspectionTarget> targets; // empty: each rule on its own target
    InspectionSchedule schedule;
    std::optional<InspectionWindow> window;
    int concurrency = 4;
    int softFailures = 3;
    int recoveries = 1;
    double flapThreshold = 0.3;
    bool enabled = true;
    QStringList notify; // chat webhook ids that get one digest per report

    // The check ids and targets each rule runs as at siteId; a rule over several targets there
    // gets one check per target ("disk-space.2").
    struct Placement
    {
        QString checkId;
        QString ruleId;
        InspectionTarget target;
    };
    QList<Placement> placements(const QHash<QString, InspectionRule> &rules, const QString &siteId,
                                const QStringList &siteIds, const QHash<QString, QList<Component>> &components) const;
    // The sites where at least one rule of this task runs.
    QStringList sites(const QHash<QString, InspectionRule> &rules, const QStringList &siteIds,
                      const QHash<QString, QList<Component>> &components) const;
    // What the agent at siteId runs (no checks: nothing to run there).
    InspectionTask forSite(const QHash<QString, InspectionRule> &rules, const QString &siteId,
                           const QStringList &siteIds, const QHash<QString, QList<Component>> &components) const;

    // The schedule, window and state settings as the agent gets them, without checks.
    InspectionTask settings() const;

    QJsonObject toJson() const;
    static std::optional<InspectionTaskSpec> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

} // namespace Haven
