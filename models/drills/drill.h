// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A drill design (演练方案): the faults to inject and where, the DR plan it rehearses, the
// conditions that halt it, its objectives and the outcome it expects. Plain values; the file
// format is DrillFormat (docs/drill-format.md), evaluation against the live picture is in
// haltcheck.h and blastradius.h.

#include "protocol/protocol.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Haven {

// What a fault action's target names: the whole site, or the parts of it that match.
enum class TargetScope { Site, ProductGroup, Layer, Component, Host };
QString toString(TargetScope scope);
std::optional<TargetScope> targetScopeFromString(QStringView text);
QString allowedTargetScopes();

struct DrillTarget
{
    TargetScope scope = TargetScope::Site;
    QString site;
    QString value; // the product group, layer name, component id or host; empty for a site

    friend bool operator==(const DrillTarget &, const DrillTarget &) = default;
};

struct FaultAction
{
    QString id; // unique in the drill; part of the idempotency key
    FaultKind kind = FaultKind::Cpu;
    DrillTarget target;
    QJsonObject parameters;
    int startOffsetSeconds = 0; // after the drill starts (parallel) or after the previous action ended (sequence)
    int durationSeconds = 60;   // the agent reverts the fault by itself after this

    friend bool operator==(const FaultAction &, const FaultAction &) = default;
};

enum class Sequencing { Parallel, Sequence };
QString toString(Sequencing sequencing);
std::optional<Sequencing> sequencingFromString(QStringView text);

enum class HaltKind {
    ComponentStatus, // a component is critical or down, and not among the expected failures
    LayerStatus,     // a component of a layer (at a site, or anywhere) is critical or down, beyond the expected
    TrafficShare,    // a product group's total served share (percent) is below bound
    Qps,             // a product group's total qps is below bound
    ReplicationLag,  // a replication link's lag (seconds) is above bound
    Signal,          // a named boolean source (an inspection rule, ...) says false
    Elapsed          // the drill has run longer than bound seconds
};
QString toString(HaltKind kind);
std::optional<HaltKind> haltKindFromString(QStringView text);
QString allowedHaltKinds();

struct HaltCondition
{
    HaltKind kind = HaltKind::Elapsed;
    QString site;    // empty: every site
    QString subject; // component id, layer, product group, link id or source name
    double bound = 0;

    friend bool operator==(const HaltCondition &, const HaltCondition &) = default;
};

struct DrillObjectives
{
    int rtoSeconds = 0; // 0: no objective
    int rpoSeconds = 0;

    friend bool operator==(const DrillObjectives &, const DrillObjectives &) = default;
};

// What the drill expects: these targets fail (they do not halt it), these stay healthy.
struct ExpectedOutcome
{
    QList<DrillTarget> mustFail;
    QList<DrillTarget> mustStayHealthy;

    friend bool operator==(const ExpectedOutcome &, const ExpectedOutcome &) = default;
};

// The DR plan the drill rehearses and the ticket it starts once the first fault lands.
struct RehearsedPlan
{
    QString planId; // empty: no plan is rehearsed
    QStringList failedSites;
    QStringList emergencySites;
    QStringList productGroups; // empty: every group of the plan

    bool isSet() const { return !planId.isEmpty(); }
    friend bool operator==(const RehearsedPlan &, const RehearsedPlan &) = default;
};

struct Drill
{
    QString id;
    QString name;
    QString description;
    QString architecture; // the template it came from: same-city-active-active, ...
    Sequencing sequencing = Sequencing::Parallel;
    QList<FaultAction> actions;
    RehearsedPlan plan;
    QList<HaltCondition> haltConditions;
    DrillObjectives objectives;
    ExpectedOutcome expected;

    // Every site a fault action or the rehearsed ticket touches, in first-seen order.
    QStringList sites() const;
    // The product groups whose RTO is measured: the ticket's, else those the targets name.
    QStringList productGroups() const;
    // Seconds from the start until the last fault ends on its own.
    int plannedSeconds() const;
    // When action index starts, in seconds after the drill starts.
    int startSecondOf(int index) const;

    friend bool operator==(const Drill &, const Drill &) = default;
};

} // namespace Haven
