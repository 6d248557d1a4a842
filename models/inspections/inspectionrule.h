// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/inspections.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Haven {

struct Component;

enum class InspectionTargetKind { Site, ProductGroup, Layer, Component, Host };

QString toString(InspectionTargetKind kind);
std::optional<InspectionTargetKind> inspectionTargetKindFromString(QStringView text);

// What a rule looks at: a site (empty id: every site), a product group, a layer, a component or
// a host. The console resolves it to the sites whose agents run the check.
struct InspectionTarget
{
    InspectionTargetKind kind = InspectionTargetKind::Site;
    QString id;

    // "layer:database", "site:*": echoed by the agent in every result.
    QString text() const;
    // The sites (of siteIds, in that order) where this target is; components: each site's topology.
    QStringList sites(const QStringList &siteIds, const QHash<QString, QList<Component>> &components) const;

    QJsonObject toJson() const;
    static std::optional<InspectionTarget> fromJson(const QJsonObject &json, QString *error, const QString &path);
    friend bool operator==(const InspectionTarget &, const InspectionTarget &) = default;
};

// A rule of the inspection center: what to check (the check body as the agent runs it, see
// protocol/inspections.h) and what it means to people: severity, governance hint (治理建议), the
// risk scenario it feeds. Secrets are named only (${secret:NAME} in the check); agents resolve them.
struct InspectionRule
{
    QString id; // an inspection id (isInspectionId)
    QString name;
    QString description;
    InspectionCheck check; // kind and body; id, name, target, severity and timeout come from the rule
    InspectionTarget target;
    int timeoutSeconds = 30;
    InspectionSeverity severity = InspectionSeverity::Critical;
    QString governanceHint;
    QString riskScenarioId;
    QStringList secrets;
    bool builtIn = false; // from the starter library; kept out of exported files unless asked

    // The check the agent runs for this rule against target (the rule's own when empty).
    InspectionCheck checkFor(const QString &checkId, const InspectionTarget &target) const;
    // The ${secret:NAME} names the check refers to.
    QStringList referencedSecrets() const;

    QJsonObject toJson() const;
    // Checks every field; *error names the first bad one ("rules[3].timeoutSeconds: expected 1 to 3600").
    static std::optional<InspectionRule> fromJson(const QJsonObject &json, QString *error, const QString &path = {});
};

} // namespace Haven
