// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sqlitedatabase.h"
#include "models/store/trendsource.h"

#include <QHash>

#include <array>
#include <vector>

namespace Haven {

// The metric history on disk, in its own SQLite file (docs/metric-history.md): one row per
// series, tier and block (an hour; a day for the 15-minute tier) holding a packed blob that
// writes only ever append to. It downsamples raw samples into the one- and fifteen-minute
// tiers as they come and prunes each tier past its retention.
// Not thread-safe: MetricArchive runs it on its worker thread, with its own connection.
class MetricStore final
{
public:
    MetricStore();
    ~MetricStore();

    // Opens (creating) the file; an empty path, or a file that cannot be used, opens an
    // in-memory database (then false, with lastError() saying why).
    bool open(const QString &path);
    bool isPersistent() const { return m_persistent; }
    QString lastError() const { return m_lastError; }

    // Takes a poll in; nothing is written before flush().
    void add(const MetricPoll &poll);
    // Writes the pending raw samples and the closed buckets in one transaction; with
    // closeBuckets (shut-down), the buckets still filling too.
    bool flush(bool closeBuckets = false);
    // Deletes each tier's blocks that ended before its retention.
    bool prune(qint64 nowMs);

    // One series over [fromMs, toMs] from one tier, oldest first.
    QList<MetricBucket> load(const QString &series, int tier, qint64 fromMs, qint64 toMs);
    // Several series at the tier MetricTiers::forRange picks.
    TrendResult loadTrend(const QStringList &series, qint64 fromMs, qint64 toMs, qint64 nowMs);
    // The raw samples since sinceMs, as polls (per site, oldest first): the live window at start-up.
    QList<MetricPoll> recentPolls(qint64 sinceMs);

    qint64 pendingSamples() const { return m_pendingSamples; }
    qint64 fileBytes();
    // Rows per tier (for the budget figures).
    qint64 blockCount(int tier);

private:
    struct Bucket
    {
        qint64 number = -1; // start / width
        float minimum = 0;
        float maximum = 0;
        double sum = 0;
        int count = 0;
    };
    struct Pending
    {
        qint64 block = -1; // block start, ms
        QByteArray bytes;
    };
    struct Series
    {
        std::array<Pending, 3> pending; // per tier
        std::array<Bucket, 3> open;     // tiers 1 and 2 (index 0 unused)
    };
    struct Write
    {
        QString series;
        int tier;
        qint64 block;
        QByteArray bytes;
    };

    void append(const QString &series, Series &state, int tier, qint64 timeMs, QByteArray entry);
    void closeBucket(const QString &series, Series &state, int tier);

    SqliteDatabase m_db;
    bool m_persistent = false;
    QString m_lastError;
    QHash<QString, Series> m_series;
    std::vector<Write> m_writes; // blocks a later sample has closed, not yet written
    qint64 m_pendingSamples = 0;
};

} // namespace Haven
