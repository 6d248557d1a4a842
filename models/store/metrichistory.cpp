// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrichistory.h"

#include <algorithm>

namespace Haven {

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

constexpr std::array<qint64, MetricHistory::TierCount> widths = {10 * Second, Minute, 15 * Minute};
constexpr std::array<qint64, MetricHistory::TierCount> retentions = {Hour, Day, 30 * Day};

constexpr int MaxRefusedTracked = 65536;

} // namespace

qint64 MetricHistory::bucketWidthMs(int tier)
{
    return widths.at(size_t(tier));
}

qint64 MetricHistory::retentionMs(int tier)
{
    return retentions.at(size_t(tier));
}

int MetricHistory::bucketCapacity(int tier)
{
    // +1: a full retention window stays covered while the newest bucket is still filling.
    return int(retentionMs(tier) / bucketWidthMs(tier)) + 1;
}

qint64 MetricHistory::seriesOverhead(const QString &series)
{
    // The hash node (key and value) with the table's slack, and the key's characters.
    return 2 * qint64(sizeof(QString) + sizeof(Series)) + 2 * (series.size() + 1) + 32;
}

qint64 MetricHistory::maxSeriesBytes(const QString &series)
{
    qint64 bytes = seriesOverhead(series);
    for (int tier = 0; tier < TierCount; ++tier)
        bytes += qint64(bucketCapacity(tier)) * qint64(sizeof(Slot));
    return bytes;
}

QString MetricHistory::seriesKey(const QString &site, const QString &component, const QString &metric)
{
    return site + QLatin1Char('/') + component + QLatin1Char('/') + metric;
}

MetricHistory::MetricHistory(qint64 budgetBytes)
    : m_budgetBytes(budgetBytes)
{ }

MetricHistory::Series *MetricHistory::admit(const QString &series)
{
    const auto found = m_series.find(series);
    if (found != m_series.end())
        return &found.value();
    const qint64 cost = maxSeriesBytes(series);
    if (m_reservedBytes + cost > m_budgetBytes) {
        if (m_refused.size() < MaxRefusedTracked)
            m_refused.insert(qHash(series));
        return nullptr;
    }
    m_reservedBytes += cost;
    return &m_series.insert(series, Series{}).value();
}

MetricHistory::Slot *MetricHistory::slotFor(Tier &tier, int index, qint64 bucket)
{
    const qint64 capacity = bucketCapacity(index);
    if (tier.first < 0) {
        tier.first = tier.head = bucket;
    } else if (bucket > tier.head) {
        // Slots between the old and the new head belong to buckets that got no sample.
        const qint64 size = qint64(tier.slots.size());
        if (bucket - tier.head >= capacity) {
            std::fill(tier.slots.begin(), tier.slots.end(), Slot{});
        } else {
            for (qint64 n = tier.head + 1; n <= bucket; ++n) {
                const qint64 i = (n - tier.first) % capacity;
                if (i < size)
                    tier.slots[size_t(i)] = Slot{};
            }
        }
        tier.head = bucket;
    } else if (bucket < tier.first || bucket <= tier.head - capacity) {
        return nullptr;
    }
    const size_t needed = size_t(std::min(capacity, tier.head - tier.first + 1));
    if (tier.slots.size() < needed) {
        if (tier.slots.capacity() < needed)
            tier.slots.reserve(std::min(size_t(capacity), std::max({needed, tier.slots.capacity() * 2, size_t(16)})));
        tier.slots.resize(needed);
    }
    return &tier.slots[size_t((bucket - tier.first) % capacity)];
}

const MetricHistory::Slot *MetricHistory::slotAt(const Tier &tier, int index, qint64 bucket)
{
    if (tier.first < 0 || bucket < oldestKept(tier, index) || bucket > tier.head)
        return nullptr;
    const size_t i = size_t((bucket - tier.first) % bucketCapacity(index));
    return i < tier.slots.size() ? &tier.slots[i] : nullptr;
}

qint64 MetricHistory::oldestKept(const Tier &tier, int index)
{
    return std::max(tier.first, tier.head - bucketCapacity(index) + 1);
}

void MetricHistory::appendBuckets(QList<MetricBucket> &out, const QString &series, const Tier &tier, int index,
                                  qint64 fromBucket, qint64 toBucket)
{
    if (tier.first < 0)
        return;
    const qint64 width = bucketWidthMs(index);
    const qint64 last = std::min(toBucket, tier.head);
    for (qint64 n = std::max(fromBucket, oldestKept(tier, index)); n <= last; ++n) {
        const Slot *slot = slotAt(tier, index, n);
        if (slot && slot->count > 0) {
            out.append(
                MetricBucket{series, index, n * width, slot->minimum, slot->maximum, slot->mean, int(slot->count)});
        }
    }
}

bool MetricHistory::add(const QString &series, qint64 timeMs, double value)
{
    if (timeMs < 0)
        return false;
    Series *s = admit(series);
    if (!s)
        return false;
    const auto sample = float(value);
    bool kept = false;
    for (int index = 0; index < TierCount; ++index) {
        Slot *slot = slotFor(s->tiers[size_t(index)], index, timeMs / bucketWidthMs(index));
        if (!slot)
            continue;
        kept = true;
        if (slot->count == 0) {
            *slot = Slot{sample, sample, sample, 1};
        } else {
            slot->minimum = std::min(slot->minimum, sample);
            slot->maximum = std::max(slot->maximum, sample);
            slot->count += 1;
            slot->mean += (sample - slot->mean) / slot->count;
        }
    }
    if (kept && (s->firstSampleMs < 0 || timeMs < s->firstSampleMs))
        s->firstSampleMs = timeMs;
    return kept;
}

int MetricHistory::tierFor(const QString &series, qint64 fromMs, qint64 toMs) const
{
    Q_UNUSED(toMs)
    const auto found = m_series.constFind(series);
    if (found == m_series.cend() || found->firstSampleMs < 0)
        return -1;
    // Nothing before the first sample is lost, so a finer tier holding everything since then will do.
    const qint64 needed = std::max(fromMs, found->firstSampleMs);
    for (int index = 0; index < TierCount; ++index) {
        const Tier &tier = found->tiers[size_t(index)];
        if (tier.first >= 0 && oldestKept(tier, index) * bucketWidthMs(index) <= needed)
            return index;
    }
    return TierCount - 1;
}

QList<MetricBucket> MetricHistory::points(const QString &series, qint64 fromMs, qint64 toMs) const
{
    QList<MetricBucket> out;
    const int index = tierFor(series, fromMs, toMs);
    if (index < 0 || toMs < fromMs)
        return out;
    const qint64 width = bucketWidthMs(index);
    appendBuckets(out, series, m_series.value(series).tiers[size_t(index)], index, std::max<qint64>(fromMs, 0) / width,
                  std::max<qint64>(toMs, 0) / width);
    return out;
}

QList<MetricBucket> MetricHistory::closedBuckets(qint64 sinceMs) const
{
    QList<MetricBucket> out;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        for (int index = 0; index < TierCount; ++index) {
            const Tier &tier = it->tiers[size_t(index)];
            // A bucket ends after sinceMs when its number is at least sinceMs / width.
            appendBuckets(out, it.key(), tier, index, std::max<qint64>(sinceMs, 0) / bucketWidthMs(index),
                          tier.head - 1);
        }
    }
    return out;
}

QList<MetricBucket> MetricHistory::takeClosedBuckets(int minTier)
{
    QList<MetricBucket> out;
    for (auto it = m_series.begin(); it != m_series.end(); ++it) {
        for (int index = std::max(minTier, 0); index < TierCount; ++index) {
            Tier &tier = it->tiers[size_t(index)];
            if (tier.first < 0)
                continue;
            appendBuckets(out, it.key(), tier, index, tier.saved + 1, tier.head - 1);
            tier.saved = std::max(tier.saved, tier.head - 1);
        }
    }
    return out;
}

int MetricHistory::restore(const QList<MetricBucket> &buckets)
{
    QList<MetricBucket> sorted = buckets;
    std::sort(sorted.begin(), sorted.end(), [](const MetricBucket &a, const MetricBucket &b) {
        return std::tie(a.series, a.tier, a.startMs) < std::tie(b.series, b.tier, b.startMs);
    });
    int kept = 0;
    for (const MetricBucket &b : std::as_const(sorted)) {
        if (b.tier < 0 || b.tier >= TierCount || b.startMs < 0 || b.count <= 0 || b.startMs % bucketWidthMs(b.tier) != 0)
            continue;
        Series *s = admit(b.series);
        if (!s)
            continue;
        Tier &tier = s->tiers[size_t(b.tier)];
        const qint64 bucket = b.startMs / bucketWidthMs(b.tier);
        Slot *slot = slotFor(tier, b.tier, bucket);
        if (!slot)
            continue;
        *slot = Slot{float(b.minimum), float(b.maximum), float(b.mean), float(b.count)};
        tier.saved = std::max(tier.saved, bucket);
        if (s->firstSampleMs < 0 || b.startMs < s->firstSampleMs)
            s->firstSampleMs = b.startMs;
        ++kept;
    }
    return kept;
}

void MetricHistory::removeSeries(const QString &series)
{
    if (m_series.remove(series))
        m_reservedBytes -= maxSeriesBytes(series);
}

void MetricHistory::removeSite(const QString &siteId)
{
    const QString prefix = siteId + QLatin1Char('/');
    for (auto it = m_series.begin(); it != m_series.end();) {
        if (it.key().startsWith(prefix)) {
            m_reservedBytes -= maxSeriesBytes(it.key());
            it = m_series.erase(it);
        } else {
            ++it;
        }
    }
}

qint64 MetricHistory::memoryBytes() const
{
    qint64 bytes = 0;
    for (auto it = m_series.cbegin(); it != m_series.cend(); ++it) {
        bytes += seriesOverhead(it.key());
        for (const Tier &tier : it->tiers)
            bytes += qint64(tier.slots.capacity() * sizeof(Slot));
    }
    return bytes;
}

} // namespace Haven
