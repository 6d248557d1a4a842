// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrichistory.h"

#include <QVarLengthArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Haven {

namespace {

constexpr int MaxRefusedTracked = 65536;
constexpr float Missing = std::numeric_limits<float>::quiet_NaN();

} // namespace

int MetricTiers::forRange(qint64 fromMs, qint64 toMs, qint64 nowMs)
{
    const qint64 span = toMs - fromMs;
    for (int tier = 0; tier < Count - 1; ++tier) {
        if (fromMs >= nowMs - retentionMs(tier) && span / widthMs(tier) <= 2000)
            return tier;
    }
    return Count - 1;
}

QString MetricHistory::seriesKey(const QString &site, const QString &component, const QString &metric)
{
    return site + QLatin1Char('/') + component + QLatin1Char('/') + metric;
}

QString MetricHistory::siteOf(const QString &series)
{
    return series.section(QLatin1Char('/'), 0, 0);
}

qint64 MetricHistory::seriesBytes(const QString &series) const
{
    // The values, the key's characters and its hash node with the table's slack.
    return qint64(m_slots) * qint64(sizeof(float)) + 2 * (series.size() + 1) + 96;
}

MetricHistory::MetricHistory(qint64 budgetBytes, int liveSlots)
    : m_budgetBytes(budgetBytes)
    , m_slots(std::max(liveSlots, 2))
{ }

int MetricHistory::slotFor(Site &site, qint64 timeMs)
{
    if (site.head >= 0 && timeMs == site.times[size_t(site.head)])
        return site.head;
    if (site.head < 0 || timeMs > site.times[size_t(site.head)]) {
        // A newer poll takes the next slot; the values it overwrites belong to the oldest poll.
        const int next = (site.head + 1) % m_slots;
        if (size_t(next) >= site.times.size())
            site.times.push_back(timeMs);
        else
            site.times[size_t(next)] = timeMs;
        site.head = next;
        for (size_t column = 0; column < site.values.size() / size_t(m_slots); ++column)
            site.values[column * size_t(m_slots) + size_t(next)] = Missing;
        return next;
    }
    // A late sample belongs to a poll the ring still holds, or nowhere.
    for (size_t slot = 0; slot < site.times.size(); ++slot) {
        if (site.times[slot] == timeMs)
            return int(slot);
    }
    return -1;
}

int MetricHistory::columnFor(Site &site, const QString &series)
{
    const auto found = site.columns.constFind(series);
    if (found != site.columns.cend())
        return *found;
    const qint64 cost = seriesBytes(series);
    if (m_reservedBytes + cost > m_budgetBytes) {
        if (m_refused.size() < MaxRefusedTracked)
            m_refused.insert(qHash(series));
        return -1;
    }
    m_reservedBytes += cost;
    ++m_seriesCount;
    int column;
    if (!site.freeColumns.empty()) {
        column = site.freeColumns.back();
        site.freeColumns.pop_back();
        std::fill_n(site.values.begin() + qsizetype(column) * m_slots, m_slots, Missing);
    } else {
        column = int(site.values.size() / size_t(m_slots));
        site.values.resize(site.values.size() + size_t(m_slots), Missing);
    }
    site.columns.insert(series, column);
    return column;
}

MetricHistory::Site *MetricHistory::siteFor(const QString &siteId, const QString &firstSeries)
{
    auto found = m_sites.find(siteId);
    if (found != m_sites.end())
        return &*found;
    if (m_reservedBytes + seriesBytes(firstSeries) > m_budgetBytes) {
        if (m_refused.size() < MaxRefusedTracked)
            m_refused.insert(qHash(firstSeries));
        return nullptr;
    }
    return &*m_sites.insert(siteId, Site{});
}

bool MetricHistory::add(const QString &series, qint64 timeMs, double value)
{
    return add(MetricPoll{siteOf(series), timeMs, {MetricSample{series, value}}}) == 1;
}

int MetricHistory::add(const MetricPoll &poll)
{
    if (poll.timeMs < 0 || poll.samples.isEmpty())
        return 0;
    Site *site = siteFor(poll.siteId, poll.samples.constFirst().series);
    if (!site)
        return 0;
    // Columns first: admitting a series grows the values before the slot is chosen.
    QVarLengthArray<int, 64> columns;
    for (const MetricSample &sample : poll.samples)
        columns.append(std::isfinite(sample.value) ? columnFor(*site, sample.series) : -1);
    if (std::all_of(columns.cbegin(), columns.cend(), [](int column) { return column < 0; }))
        return 0;
    const int slot = slotFor(*site, poll.timeMs);
    if (slot < 0)
        return 0;
    int kept = 0;
    for (qsizetype i = 0; i < poll.samples.size(); ++i) {
        if (columns[i] < 0)
            continue;
        site->values[size_t(columns[i]) * size_t(m_slots) + size_t(slot)] = float(poll.samples.at(i).value);
        ++kept;
    }
    return kept;
}

int MetricHistory::restore(const QList<MetricPoll> &polls)
{
    if (polls.isEmpty())
        return 0;
    if (polls.constFirst().samples.isEmpty())
        return 0;
    Site *found = siteFor(polls.constFirst().siteId, polls.constFirst().samples.constFirst().series);
    if (!found)
        return 0;
    Site &site = *found;
    // Columns first: admitting a series grows the values in the old layout.
    QList<QList<int>> columns;
    for (const MetricPoll &poll : polls) {
        QList<int> &pollColumns = columns.emplace_back();
        for (const MetricSample &sample : poll.samples)
            pollColumns.append(std::isfinite(sample.value) ? columnFor(site, sample.series) : -1);
    }
    std::vector<qint64> times = site.times;
    for (const MetricPoll &poll : polls)
        times.push_back(poll.timeMs);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    if (times.size() > size_t(m_slots))
        times.erase(times.begin(), times.end() - m_slots);
    const auto slotOf = [&times](qint64 time) {
        const auto at = std::lower_bound(times.begin(), times.end(), time);
        return at != times.end() && *at == time ? int(at - times.begin()) : -1;
    };
    const size_t columnCount = site.values.size() / size_t(m_slots);
    std::vector<float> values(site.values.size(), Missing);
    for (size_t old = 0; old < site.times.size(); ++old) {
        const int slot = slotOf(site.times[old]);
        for (size_t c = 0; slot >= 0 && c < columnCount; ++c)
            values[c * size_t(m_slots) + size_t(slot)] = site.values[c * size_t(m_slots) + old];
    }
    int kept = 0;
    for (qsizetype p = 0; p < polls.size(); ++p) {
        const int slot = slotOf(polls.at(p).timeMs);
        for (qsizetype i = 0; slot >= 0 && i < polls.at(p).samples.size(); ++i) {
            const int column = columns.at(p).at(i);
            if (column < 0)
                continue;
            float &value = values[size_t(column) * size_t(m_slots) + size_t(slot)];
            if (std::isnan(value)) { // what the ring held is newer than what was saved
                value = float(polls.at(p).samples.at(i).value);
                ++kept;
            }
        }
    }
    // Oldest first from slot 0: the ring goes on from the newest.
    site.times = std::move(times);
    site.values = std::move(values);
    site.head = int(site.times.size()) - 1;
    return kept;
}

QList<MetricBucket> MetricHistory::points(const QString &series, qint64 fromMs, qint64 toMs) const
{
    QList<MetricBucket> out;
    const auto site = m_sites.constFind(siteOf(series));
    if (site == m_sites.cend() || site->head < 0 || toMs < fromMs)
        return out;
    const auto column = site->columns.constFind(series);
    if (column == site->columns.cend())
        return out;
    const size_t used = site->times.size();
    const float *values = site->values.data() + size_t(*column) * size_t(m_slots);
    // Oldest first: the slot after the head, once the ring has wrapped.
    for (size_t n = 0; n < used; ++n) {
        const size_t slot = (size_t(site->head) + 1 + n) % used;
        const qint64 time = site->times[slot];
        const float value = values[slot];
        if (time < fromMs || time > toMs || std::isnan(value))
            continue;
        out.append(MetricBucket{series, MetricTiers::Raw, time, value, value, value, 1});
    }
    return out;
}

qint64 MetricHistory::liveSinceMs(const QString &series) const
{
    const auto site = m_sites.constFind(siteOf(series));
    if (site == m_sites.cend() || site->head < 0)
        return -1;
    return site->times[(size_t(site->head) + 1) % site->times.size()];
}

bool MetricHistory::contains(const QString &series) const
{
    const auto site = m_sites.constFind(siteOf(series));
    return site != m_sites.cend() && site->columns.contains(series);
}

void MetricHistory::removeSeries(const QString &series)
{
    const auto site = m_sites.find(siteOf(series));
    if (site == m_sites.end())
        return;
    const auto column = site->columns.constFind(series);
    if (column == site->columns.cend())
        return;
    site->freeColumns.push_back(*column);
    site->columns.erase(column);
    m_reservedBytes -= seriesBytes(series);
    --m_seriesCount;
}

void MetricHistory::removeSite(const QString &siteId)
{
    const auto site = m_sites.constFind(siteId);
    if (site == m_sites.cend())
        return;
    for (auto it = site->columns.cbegin(); it != site->columns.cend(); ++it)
        m_reservedBytes -= seriesBytes(it.key());
    m_seriesCount -= int(site->columns.size());
    m_sites.erase(site);
}

qint64 MetricHistory::memoryBytes() const
{
    qint64 bytes = 0;
    for (auto site = m_sites.cbegin(); site != m_sites.cend(); ++site) {
        bytes += qint64(site->times.capacity() * sizeof(qint64) + site->values.capacity() * sizeof(float));
        bytes += qint64(site->freeColumns.capacity() * sizeof(int)) + 2 * (site.key().size() + 1) + 96;
        for (auto it = site->columns.cbegin(); it != site->columns.cend(); ++it)
            bytes += 2 * (it.key().size() + 1) + 96;
    }
    return bytes;
}

} // namespace Haven
