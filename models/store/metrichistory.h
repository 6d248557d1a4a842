// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/topology/topologycache.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <array>
#include <vector>

namespace Haven {

// Recent metric samples for trend charts, downsampled into three tiers so that 30 days fit a
// fixed memory budget (docs/local-store.md, "Metric history"):
//   tier 0: 10 s buckets for the last hour, tier 1: 1 min for 24 h, tier 2: 15 min for 30 days.
// Every sample goes into all three tiers; a bucket keeps min, max, mean and count.
// Budget policy: a series is admitted only if, full, it would still fit; once the budget is
// taken, new series are refused (counted in refusedSeries()) and admitted ones are never evicted.
class MetricHistory final
{
public:
    static constexpr int TierCount = 3;
    static constexpr qint64 DefaultBudgetBytes = 64 * 1024 * 1024;

    static qint64 bucketWidthMs(int tier);
    static qint64 retentionMs(int tier);
    // Buckets a tier keeps: its retention plus the bucket still filling.
    static int bucketCapacity(int tier);
    // What one series costs at most, full (what admission reserves).
    static qint64 maxSeriesBytes(const QString &series);
    static QString seriesKey(const QString &site, const QString &component, const QString &metric);

    explicit MetricHistory(qint64 budgetBytes = DefaultBudgetBytes);

    // false when the sample was not kept: the series was refused, the time is negative, or it
    // is older than everything the series still keeps.
    bool add(const QString &series, qint64 timeMs, double value);

    // Buckets of the finest tier that holds every sample the series has in [fromMs, toMs],
    // oldest first, the bucket still filling included.
    QList<MetricBucket> points(const QString &series, qint64 fromMs, qint64 toMs) const;
    // The tier points() would use; -1 for an unknown series.
    int tierFor(const QString &series, qint64 fromMs, qint64 toMs) const;

    // Closed buckets (a later sample of the series has started a newer bucket) ending after sinceMs.
    QList<MetricBucket> closedBuckets(qint64 sinceMs) const;
    // Closed buckets of tiers >= minTier not returned by an earlier call nor restored: what to
    // persist next. minTier 1 leaves the 10 s buckets in memory (a restart starts them afresh).
    QList<MetricBucket> takeClosedBuckets(int minTier = 0);
    // Puts persisted buckets back (call before add(), e.g. with TopologyCache::loadMetricBuckets).
    // Buckets outside their tier's window or of refused series are dropped; returns how many were kept.
    int restore(const QList<MetricBucket> &buckets);

    void removeSeries(const QString &series);
    // Removes every series of a site ("<site>/...").
    void removeSite(const QString &siteId);

    bool contains(const QString &series) const { return m_series.contains(series); }
    qint64 memoryBytes() const;
    qint64 budgetBytes() const { return m_budgetBytes; }
    int seriesCount() const { return int(m_series.size()); }
    // Distinct series refused for lack of budget (counted up to 65536 distinct ones).
    int refusedSeries() const { return int(m_refused.size()); }

private:
    struct Slot
    {
        float minimum = 0;
        float maximum = 0;
        float mean = 0;
        float count = 0;
    };
    struct Tier
    {
        qint64 first = -1;       // bucket number of the ring's slot 0 (bucket number = time / width)
        qint64 head = -1;        // newest bucket number; the bucket still filling
        qint64 saved = -1;       // newest bucket number persisted or restored
        std::vector<Slot> slots; // grows up to bucketCapacity(), then wraps
    };
    struct Series
    {
        std::array<Tier, TierCount> tiers;
        qint64 firstSampleMs = -1;
    };

    Series *admit(const QString &series);
    static Slot *slotFor(Tier &tier, int index, qint64 bucket);
    static const Slot *slotAt(const Tier &tier, int index, qint64 bucket);
    static qint64 oldestKept(const Tier &tier, int index);
    static void appendBuckets(QList<MetricBucket> &out, const QString &series, const Tier &tier, int index,
                              qint64 fromBucket, qint64 toBucket);
    static qint64 seriesOverhead(const QString &series);

    QHash<QString, Series> m_series;
    QSet<size_t> m_refused;
    qint64 m_budgetBytes;
    qint64 m_reservedBytes = 0;
};

} // namespace Haven
