// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Haven {

// One point of a metric series ("<site>/<component>/<metric>", "<site>/link:<id>/lagSeconds"):
// a raw sample (tier 0: minimum = maximum = mean, count 1) or a downsampled bucket.
struct MetricBucket
{
    QString series;
    int tier = 0;       // MetricTiers: 0 raw, 1 one minute, 2 fifteen minutes
    qint64 startMs = 0; // sample time, or bucket start; ms since epoch, UTC
    double minimum = 0;
    double maximum = 0;
    double mean = 0;
    int count = 0;

    friend bool operator==(const MetricBucket &, const MetricBucket &) = default;
};

// What one value of a series is.
struct MetricSample
{
    QString series;
    double value = 0;
};

// One answer of a site's agent: every sample in it was taken at the same time, so a poll keeps
// one timestamp for all of them (docs/metric-history.md).
struct MetricPoll
{
    QString siteId;
    qint64 timeMs = 0;
    QList<MetricSample> samples;
};

// The tiers of the metric history: raw samples as polled, one-minute and fifteen-minute buckets.
// Each tier exists to serve a trend window: raw the live 15 minutes (and a restart's), one-minute
// the 6 h and 24 h windows, fifteen-minute the 30 days.
namespace MetricTiers {
constexpr int Count = 3;
constexpr int Raw = 0;
constexpr qint64 Minute = 60'000;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
// Bucket width; raw samples come at the poll interval, 5 s by default.
constexpr qint64 widthMs(int tier)
{
    return tier == 0 ? 5'000 : tier == 1 ? Minute : 15 * Minute;
}
// How long the store keeps a tier (the finest tier that still covers a range serves it).
constexpr qint64 retentionMs(int tier)
{
    return tier == 0 ? Hour : tier == 1 ? 25 * Hour : 31 * Day;
}
// The time one stored row (block) of a tier covers.
constexpr qint64 blockMs(int tier)
{
    return tier == 2 ? Day : Hour;
}
// The tier a trend over [fromMs, toMs] reads at nowMs: the finest one that covers fromMs
// and gives at most a few thousand points.
int forRange(qint64 fromMs, qint64 toMs, qint64 nowMs);
} // namespace MetricTiers

} // namespace Haven
