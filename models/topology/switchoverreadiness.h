// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// "Can we switch over now, and to where?" — rules in docs/switchover-readiness.md.

#include "fleettopology.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace Haven {

// Ordered from best to worst, so std::max gives the worse one.
enum class Readiness { Ready, Caution, Blocked };
QString toString(Readiness readiness); // "ready" | "caution" | "blocked"

struct ReadinessThresholds
{
    double maxLagSeconds = 30;     // replication lag above it: Caution (RPO at risk)
    double blockLagSeconds = 300;  // lag above it, or a broken link: Blocked
    double capacityWatermark = 80; // storage/database capacity above it: Caution
    double capacityCeiling = 95;   // capacity above it: Blocked
    double cpuCeiling = 85;        // projected business-layer cpu above it: Caution
    double cpuLimit = 100;         // projected cpu above it: Blocked (the site cannot absorb the load)
    qint64 staleAfterSeconds = 60; // data older than this is stale

    QJsonObject toJson() const;
    // Missing keys keep their defaults; wrong types or impossible values are errors.
    static std::optional<ReadinessThresholds> fromJson(const QJsonObject &json, QString *error);
    bool save(const QString &path, QString *error) const;
    static std::optional<ReadinessThresholds> load(const QString &path, QString *error);

    friend bool operator==(const ReadinessThresholds &, const ReadinessThresholds &) = default;
};

struct ReadinessReason
{
    enum class Kind {
        FailedSiteStale, // information only: the failed site's figures are its last known ones
        Unreachable,     // the emergency site's agent does not answer
        Slow,            // ... answers slowly or is still connecting
        StaleData,       // ... its data is old or from the cache
        NoReplication,   // a primary database of the group at the failed site has no standby there
        ReplicationBroken,
        ReplicationLag,
        Capacity,     // storage/database capacity against the watermark
        CpuHeadroom,  // projected business-layer cpu after taking the failed site's share
        NoComponents, // the emergency site runs nothing of the group
        CriticalAlerts,
        ComponentsDown,
    };

    Kind kind = Kind::Unreachable;
    Readiness severity = Readiness::Caution; // Ready = information only
    QString text;                            // one translated sentence
    QString subject;                         // the component or link id the reason is about (may be empty)
    double value = 0;                        // the measured figure (lag s, capacity %, projected cpu %, count, age s)
    double limit = 0;                        // the threshold it was held against

    friend bool operator==(const ReadinessReason &, const ReadinessReason &) = default;
};

struct ReadinessVerdict
{
    QString productGroup;
    QString failedSite;
    QString failedSiteName;
    QString emergencySite;
    QString emergencySiteName;
    double failedShare = 0;    // traffic percent of the group the failed site serves
    double emergencyShare = 0; // ... the emergency site serves now
    double projectedCpu = -1;  // business-layer cpu at the emergency site after the switchover (-1 unknown)
    Readiness verdict = Readiness::Ready;
    QList<ReadinessReason> reasons; // worst first

    // The worst reason's sentence, empty when there is none.
    QString topReason() const;
    friend bool operator==(const ReadinessVerdict &, const ReadinessVerdict &) = default;
};

// Every (product group, failed site, emergency site) candidate, sorted by group, failed site,
// then best emergency site first.
QList<ReadinessVerdict> evaluateReadiness(const FleetTopology &topology, const ReadinessThresholds &thresholds,
                                          const QDateTime &now = QDateTime::currentDateTimeUtc());

// The best emergency site per (group, failed site): the first verdict of each pair in
// evaluateReadiness() order. The answer to "can we switch over now, and to where?".
QList<ReadinessVerdict> bestTargets(const QList<ReadinessVerdict> &verdicts);
// The best emergency site for one group and failed site; nullopt when the site serves none of it.
std::optional<ReadinessVerdict> bestTarget(const QList<ReadinessVerdict> &verdicts, const QString &productGroup,
                                           const QString &failedSite);

// Re-evaluates when the topology changes, at most once per interval, and on a slow clock so
// that data ages are noticed without changes. verdictsChanged() fires only when they differ.
class ReadinessTracker final : public QObject
{
    Q_OBJECT
public:
    explicit ReadinessTracker(const FleetTopology &topology, QObject *parent = nullptr);
    ~ReadinessTracker() override;

    const ReadinessThresholds &thresholds() const { return m_thresholds; }
    void setThresholds(const ReadinessThresholds &thresholds);

    const QList<ReadinessVerdict> &verdicts() const { return m_verdicts; }

    // Coalescing interval (default 500 ms) and clock re-check interval (default 10 s).
    void setInterval(int milliseconds);
    void setClockInterval(int milliseconds);

    // Evaluates at once (also cancels a pending evaluation).
    void evaluateNow();

Q_SIGNALS:
    void verdictsChanged();

private:
    void schedule();

    const FleetTopology &m_topology;
    ReadinessThresholds m_thresholds;
    QList<ReadinessVerdict> m_verdicts;
    QTimer *m_coalesce = nullptr;
    QTimer *m_clock = nullptr;
};

} // namespace Haven
