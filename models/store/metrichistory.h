// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/metricbucket.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <vector>

namespace Haven {

class TrendSource;

// The live window of every metric series in memory: per site a ring of its last polls, one
// timestamp per poll shared by all the site's series, and per series a float32 value per poll
// (NaN where the poll did not carry it). What is older lives in the metric store on disk or in
// Prometheus and is read through trendSource() (docs/metric-history.md).
// Budget: a series costs liveSlots() * 4 bytes plus its key; once the budget is taken, new
// series are refused (refusedSeries()) and admitted ones are never evicted.
class MetricHistory final
{
public:
    static constexpr int DefaultLiveSlots = 200; // 16 min 40 s at the default 5 s poll
    static constexpr qint64 DefaultBudgetBytes = 96 * 1024 * 1024;

    static QString seriesKey(const QString &site, const QString &component, const QString &metric);
    static QString siteOf(const QString &series);
    // What one series costs, its key included (what admission reserves).
    qint64 seriesBytes(const QString &series) const;

    explicit MetricHistory(qint64 budgetBytes = DefaultBudgetBytes, int liveSlots = DefaultLiveSlots);

    // Keeps a sample. Samples of one site that share a time share a poll slot. False when the
    // series was refused, the value is not finite, or the time is older than the site's newest
    // poll and is not one of its polls.
    bool add(const QString &series, qint64 timeMs, double value);
    // Keeps a whole poll; returns how many samples were kept.
    int add(const MetricPoll &poll);

    // Puts older polls of one site back (the start-up restore), around what the ring already holds;
    // the newest liveSlots() polls of both stay. Returns how many samples were kept.
    int restore(const QList<MetricPoll> &polls);

    // The raw samples of the series in [fromMs, toMs], oldest first (tier 0, count 1).
    QList<MetricBucket> points(const QString &series, qint64 fromMs, qint64 toMs) const;
    // The oldest poll time the ring still holds for the series' site; -1 when it holds none.
    qint64 liveSinceMs(const QString &series) const;

    void removeSeries(const QString &series);
    // Removes every series of a site ("<site>/...").
    void removeSite(const QString &siteId);

    bool contains(const QString &series) const;
    int liveSlots() const { return m_slots; }
    qint64 memoryBytes() const;
    qint64 budgetBytes() const { return m_budgetBytes; }
    int seriesCount() const { return m_seriesCount; }
    // Distinct series refused for lack of budget (counted up to 65536 distinct ones).
    int refusedSeries() const { return int(m_refused.size()); }

    // Where plots read what is older than the live window (not owned; may be null).
    void setTrendSource(TrendSource *source) { m_trendSource = source; }
    TrendSource *trendSource() const { return m_trendSource; }

private:
    struct Site
    {
        std::vector<qint64> times;   // ring of poll times; size() grows up to the slot count
        int head = -1;               // slot of the newest poll
        QHash<QString, int> columns; // series key -> column
        std::vector<int> freeColumns;
        std::vector<float> values; // column-major: column c's ring at [c * slots, (c + 1) * slots)
    };

    Site *siteFor(const QString &siteId, const QString &firstSeries);
    int slotFor(Site &site, qint64 timeMs);
    int columnFor(Site &site, const QString &series);

    QHash<QString, Site> m_sites;
    QSet<size_t> m_refused;
    qint64 m_budgetBytes;
    qint64 m_reservedBytes = 0;
    int m_slots;
    int m_seriesCount = 0;
    TrendSource *m_trendSource = nullptr;
};

} // namespace Haven
