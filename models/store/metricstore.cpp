// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricstore.h"

#include "models/store/localstore.h"

#include <QMap>
#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cmath>

namespace Haven {

namespace {

// A raw entry: uint16 time offset in the hour (0.1 s units), float32 value (little-endian).
constexpr int RawEntryBytes = 6;
constexpr qint64 RawTick = 100;
// A bucket entry: uint16 bucket index in the block, float32 minimum, maximum, mean.
constexpr int BucketEntryBytes = 14;

const QList<QByteArray> migrations = {
    R"(CREATE TABLE metric_blocks (
           series TEXT NOT NULL,
           tier INTEGER NOT NULL,
           block_ms INTEGER NOT NULL,
           data BLOB NOT NULL,
           PRIMARY KEY (series, tier, block_ms)) WITHOUT ROWID;
       CREATE INDEX metric_blocks_age ON metric_blocks(tier, block_ms);)",
};

void putFloat(char *at, float value)
{
    qToLittleEndian(std::bit_cast<quint32>(value), at);
}

float getFloat(const char *at)
{
    return std::bit_cast<float>(qFromLittleEndian<quint32>(at));
}

QByteArray rawEntry(qint64 offsetMs, float value)
{
    QByteArray entry(RawEntryBytes, Qt::Uninitialized);
    qToLittleEndian(quint16(offsetMs / RawTick), entry.data());
    putFloat(entry.data() + 2, value);
    return entry;
}

QByteArray bucketEntry(int index, float minimum, float maximum, float mean)
{
    QByteArray entry(BucketEntryBytes, Qt::Uninitialized);
    qToLittleEndian(quint16(index), entry.data());
    putFloat(entry.data() + 2, minimum);
    putFloat(entry.data() + 6, maximum);
    putFloat(entry.data() + 10, mean);
    return entry;
}

// The points of one block, in the order they were written.
void decodeBlock(const QString &series, int tier, qint64 block, const QByteArray &data, QList<MetricBucket> &out)
{
    const char *at = data.constData();
    if (tier == MetricTiers::Raw) {
        for (qsizetype i = 0; i + RawEntryBytes <= data.size(); i += RawEntryBytes) {
            const float value = getFloat(at + i + 2);
            out.append(MetricBucket{series, tier, block + qFromLittleEndian<quint16>(at + i) * RawTick, value, value,
                                    value, 1});
        }
        return;
    }
    const qint64 width = MetricTiers::widthMs(tier);
    for (qsizetype i = 0; i + BucketEntryBytes <= data.size(); i += BucketEntryBytes) {
        out.append(MetricBucket{series, tier, block + qFromLittleEndian<quint16>(at + i) * width, getFloat(at + i + 2),
                                getFloat(at + i + 6), getFloat(at + i + 10), 1});
    }
}

// Oldest first; a bucket written twice (a restart inside it) is merged into one.
void sortAndMerge(QList<MetricBucket> &points)
{
    std::stable_sort(points.begin(), points.end(),
                     [](const MetricBucket &a, const MetricBucket &b) { return a.startMs < b.startMs; });
    qsizetype kept = 0;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (kept > 0 && points[kept - 1].startMs == points[i].startMs && points[i].tier != MetricTiers::Raw) {
            MetricBucket &into = points[kept - 1];
            into.minimum = std::min(into.minimum, points[i].minimum);
            into.maximum = std::max(into.maximum, points[i].maximum);
            into.mean = (into.mean * into.count + points[i].mean) / (into.count + 1);
            ++into.count;
            continue;
        }
        points[kept++] = points[i];
    }
    points.resize(kept);
}

} // namespace

MetricStore::MetricStore() = default;
MetricStore::~MetricStore() = default;

bool MetricStore::open(const QString &path)
{
    m_persistent = false;
    m_lastError.clear();
    if (!path.isEmpty()) {
        if (m_db.open(path) && m_db.migrate(migrations)) {
            m_persistent = true;
            return true;
        }
        m_lastError = m_db.lastError();
        qCWarning(lcStore) << "metric history kept in memory only:" << path << m_lastError;
        m_db.close();
    }
    m_db.openInMemory();
    m_db.migrate(migrations);
    return path.isEmpty();
}

void MetricStore::append(const QString &series, Series &state, int tier, qint64 timeMs, QByteArray entry)
{
    const qint64 span = MetricTiers::blockMs(tier);
    const qint64 block = timeMs - timeMs % span;
    Pending &pending = state.pending[size_t(tier)];
    if (pending.block != block && !pending.bytes.isEmpty()) {
        m_writes.push_back(Write{series, tier, pending.block, std::move(pending.bytes)});
        pending.bytes = QByteArray();
    }
    pending.block = block;
    pending.bytes += entry;
}

void MetricStore::closeBucket(const QString &series, Series &state, int tier)
{
    Bucket &bucket = state.open[size_t(tier)];
    if (bucket.count == 0)
        return;
    const qint64 width = MetricTiers::widthMs(tier);
    const qint64 start = bucket.number * width;
    const qint64 block = start - start % MetricTiers::blockMs(tier);
    append(series, state, tier, start,
           bucketEntry(int((start - block) / width), bucket.minimum, bucket.maximum, float(bucket.sum / bucket.count)));
    bucket = Bucket{};
}

void MetricStore::add(const MetricPoll &poll)
{
    if (poll.timeMs < 0)
        return;
    for (const MetricSample &sample : poll.samples) {
        if (!std::isfinite(sample.value))
            continue;
        Series &state = m_series[sample.series];
        const auto value = float(sample.value);
        append(sample.series, state, MetricTiers::Raw, poll.timeMs,
               rawEntry(poll.timeMs % MetricTiers::blockMs(MetricTiers::Raw), value));
        ++m_pendingSamples;
        for (int tier = 1; tier < MetricTiers::Count; ++tier) {
            Bucket &bucket = state.open[size_t(tier)];
            const qint64 number = poll.timeMs / MetricTiers::widthMs(tier);
            if (number < bucket.number)
                continue; // older than the bucket filling: its own bucket was written already
            if (number > bucket.number)
                closeBucket(sample.series, state, tier);
            if (bucket.count == 0) {
                bucket = Bucket{number, value, value, value, 1};
            } else {
                bucket.minimum = std::min(bucket.minimum, value);
                bucket.maximum = std::max(bucket.maximum, value);
                bucket.sum += value;
                ++bucket.count;
            }
        }
    }
}

bool MetricStore::flush(bool closeBuckets)
{
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        if (closeBuckets) {
            for (int tier = 1; tier < MetricTiers::Count; ++tier)
                closeBucket(it.key(), *it, tier);
        }
        for (int tier = 0; tier < MetricTiers::Count; ++tier) {
            Pending &pending = it->pending[size_t(tier)];
            if (!pending.bytes.isEmpty()) {
                m_writes.push_back(Write{it.key(), tier, pending.block, std::move(pending.bytes)});
                pending.bytes = QByteArray();
            }
        }
    }
    if (m_writes.empty())
        return true;
    const bool ok = m_db.transaction([this] {
        // Appends to the block's blob: a write never reads what is stored.
        SqliteStatement upsert(m_db, "INSERT INTO metric_blocks (series, tier, block_ms, data) VALUES (?, ?, ?, ?) "
                                     "ON CONFLICT (series, tier, block_ms) "
                                     "DO UPDATE SET data = CAST(data || excluded.data AS BLOB)");
        for (const Write &write : m_writes) {
            upsert.reset();
            if (!upsert.bind(1, write.series).bind(2, qint64(write.tier)).bind(3, write.block).bind(4, write.bytes).run())
                return false;
        }
        return true;
    });
    if (!ok) {
        m_lastError = m_db.lastError();
        qCWarning(lcStore) << "metric history not written:" << m_lastError;
    }
    // Kept or not, the samples are not retried: a failing disk must not grow memory.
    m_writes.clear();
    m_pendingSamples = 0;
    return ok;
}

bool MetricStore::prune(qint64 nowMs)
{
    return m_db.transaction([&] {
        SqliteStatement remove(m_db, "DELETE FROM metric_blocks WHERE tier = ? AND block_ms < ?");
        for (int tier = 0; tier < MetricTiers::Count; ++tier) {
            remove.reset();
            const qint64 before = nowMs - MetricTiers::retentionMs(tier) - MetricTiers::blockMs(tier);
            if (!remove.bind(1, qint64(tier)).bind(2, before).run())
                return false;
        }
        return true;
    });
}

QList<MetricBucket> MetricStore::load(const QString &series, int tier, qint64 fromMs, qint64 toMs)
{
    QList<MetricBucket> out;
    SqliteStatement select(m_db, "SELECT block_ms, data FROM metric_blocks WHERE series = ? AND tier = ? "
                                 "AND block_ms > ? AND block_ms <= ? ORDER BY block_ms");
    select.bind(1, series).bind(2, qint64(tier)).bind(3, fromMs - MetricTiers::blockMs(tier)).bind(4, toMs);
    while (select.next())
        decodeBlock(series, tier, select.integer(0), select.blob(1), out);
    sortAndMerge(out);
    // A raw sample is in the range or not; a bucket is when it overlaps it.
    const qint64 width = tier == MetricTiers::Raw ? 1 : MetricTiers::widthMs(tier);
    out.removeIf([&](const MetricBucket &b) { return b.startMs + width <= fromMs || b.startMs > toMs; });
    return out;
}

TrendResult MetricStore::loadTrend(const QStringList &series, qint64 fromMs, qint64 toMs, qint64 nowMs)
{
    TrendResult result;
    const int tier = MetricTiers::forRange(fromMs, toMs, nowMs);
    for (const QString &key : series)
        result.series.insert(key, load(key, tier, fromMs, toMs));
    if (!m_lastError.isEmpty() && !m_persistent)
        result.error = m_lastError;
    return result;
}

QList<MetricPoll> MetricStore::recentPolls(qint64 sinceMs)
{
    const qint64 hour = MetricTiers::blockMs(MetricTiers::Raw);
    // site -> time -> samples: a poll's samples share its time.
    QHash<QString, QMap<qint64, QList<MetricSample>>> sites;
    SqliteStatement select(m_db, "SELECT series, block_ms, data FROM metric_blocks WHERE tier = 0 AND block_ms >= ?");
    select.bind(1, sinceMs - sinceMs % hour);
    QList<MetricBucket> points;
    while (select.next()) {
        points.clear();
        const QString series = select.text(0);
        decodeBlock(series, MetricTiers::Raw, select.integer(1), select.blob(2), points);
        auto &site = sites[series.section(QLatin1Char('/'), 0, 0)];
        for (const MetricBucket &p : std::as_const(points)) {
            if (p.startMs >= sinceMs)
                site[p.startMs].append(MetricSample{series, p.mean});
        }
    }
    QList<MetricPoll> polls;
    for (auto site = sites.cbegin(); site != sites.cend(); ++site) {
        for (auto poll = site->cbegin(); poll != site->cend(); ++poll)
            polls.append(MetricPoll{site.key(), poll.key(), poll.value()});
    }
    return polls;
}

qint64 MetricStore::fileBytes()
{
    SqliteStatement count(m_db, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    return count.next() ? count.integer(0) : 0;
}

qint64 MetricStore::blockCount(int tier)
{
    SqliteStatement count(m_db, "SELECT count(*) FROM metric_blocks WHERE tier = ?");
    count.bind(1, qint64(tier));
    return count.next() ? count.integer(0) : 0;
}

} // namespace Haven
