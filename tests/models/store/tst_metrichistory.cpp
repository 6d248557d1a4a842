// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/store/localstore.h"
#include "models/store/metrichistory.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;
// 2026-01-01T00:00:00Z: aligned to every tier's bucket width.
constexpr qint64 T0 = 1'767'225'600'000;

std::optional<MetricBucket> findBucket(const QList<MetricBucket> &buckets, int tier, qint64 startMs)
{
    for (const MetricBucket &b : buckets) {
        if (b.tier == tier && b.startMs == startMs)
            return b;
    }
    return std::nullopt;
}

} // namespace

class TestMetricHistory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void tiers();
    void downsampling_data();
    void downsampling();
    void gapsAndWrapAround();
    void refusesLateAndNegativeSamples();
    void tierChoice_data();
    void tierChoice();
    void budgetRefusesNewSeries();
    void memoryStaysWithinBudgetFor30Days();
    void persistenceRoundTrip();
};

void TestMetricHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMetricHistory::tiers()
{
    QCOMPARE(MetricHistory::bucketWidthMs(0), 10 * Second);
    QCOMPARE(MetricHistory::bucketWidthMs(1), Minute);
    QCOMPARE(MetricHistory::bucketWidthMs(2), 15 * Minute);
    QCOMPARE(MetricHistory::bucketCapacity(0), 361);
    QCOMPARE(MetricHistory::bucketCapacity(1), 1441);
    QCOMPARE(MetricHistory::bucketCapacity(2), 2881);
    QCOMPARE(MetricHistory::seriesKey(QStringLiteral("sha"), QStringLiteral("db-1"), QStringLiteral("cpu")),
             QStringLiteral("sha/db-1/cpu"));
    // 4683 buckets of 16 bytes and a little bookkeeping.
    QVERIFY(MetricHistory::maxSeriesBytes(QStringLiteral("sha/db-1/cpu")) < 76 * 1024);
}

void TestMetricHistory::downsampling_data()
{
    QTest::addColumn<QList<double>>("values"); // one a second from T0
    QTest::addColumn<int>("tier");
    QTest::addColumn<qint64>("offsetMs"); // the bucket's start after T0
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("mean");
    QTest::addColumn<int>("count");

    QList<double> ramp;
    for (int i = 0; i < 60; ++i)
        ramp.append(i);
    QList<double> alternating;
    for (int i = 0; i < 120; ++i)
        alternating.append(i % 2 ? 5.0 : -5.0);
    const QList<double> constant(30, 7.25);

    QTest::addRow("ramp, first 10 s") << ramp << 0 << qint64(0) << 0.0 << 9.0 << 4.5 << 10;
    QTest::addRow("ramp, last 10 s") << ramp << 0 << 50 * Second << 50.0 << 59.0 << 54.5 << 10;
    QTest::addRow("ramp, the minute") << ramp << 1 << qint64(0) << 0.0 << 59.0 << 29.5 << 60;
    QTest::addRow("ramp, the quarter hour") << ramp << 2 << qint64(0) << 0.0 << 59.0 << 29.5 << 60;
    QTest::addRow("alternating, second minute") << alternating << 1 << Minute << -5.0 << 5.0 << 0.0 << 60;
    QTest::addRow("alternating, quarter hour") << alternating << 2 << qint64(0) << -5.0 << 5.0 << 0.0 << 120;
    QTest::addRow("constant") << constant << 0 << 20 * Second << 7.25 << 7.25 << 7.25 << 10;
}

void TestMetricHistory::downsampling()
{
    QFETCH(QList<double>, values);
    QFETCH(int, tier);
    QFETCH(qint64, offsetMs);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(double, mean);
    QFETCH(int, count);

    MetricHistory history;
    const QString series = QStringLiteral("sha/db-1/cpu");
    for (qsizetype i = 0; i < values.size(); ++i)
        QVERIFY(history.add(series, T0 + i * Second, values.at(i)));
    // Nothing is closed while every tier's bucket can still receive samples.
    QVERIFY(findBucket(history.closedBuckets(0), 2, T0) == std::nullopt);
    // A sample in the next quarter hour closes the buckets of every tier.
    QVERIFY(history.add(series, T0 + 15 * Minute, 1000));
    const std::optional<MetricBucket> bucket = findBucket(history.closedBuckets(0), tier, T0 + offsetMs);
    QVERIFY(bucket);
    QCOMPARE(bucket->series, series);
    QCOMPARE(bucket->minimum, minimum);
    QCOMPARE(bucket->maximum, maximum);
    QVERIFY2(qAbs(bucket->mean - mean) < 1e-4, qPrintable(QString::number(bucket->mean)));
    QCOMPARE(bucket->count, count);
}

void TestMetricHistory::gapsAndWrapAround()
{
    MetricHistory history;
    const QString series = QStringLiteral("sha/web/qps");
    QVERIFY(history.add(series, T0, 1));
    QVERIFY(history.add(series, T0 + 35 * Second, 2));
    QList<MetricBucket> tier0 = history.points(series, T0, T0 + Minute);
    QCOMPARE(tier0.size(), 2); // no empty buckets for the 20 s without samples
    QCOMPARE(tier0.at(0).startMs, T0);
    QCOMPARE(tier0.at(1).startMs, T0 + 30 * Second);
    QCOMPARE(tier0.at(1).tier, 0);
    // A young series is shown at full resolution whatever the range: nothing older exists.
    QCOMPARE(history.tierFor(series, T0 - 30 * Day, T0 + Minute), 0);

    // Two hours later the 10 s buckets of T0 have been reused; the minute buckets remain.
    QVERIFY(history.add(series, T0 + 2 * Hour, 3));
    QCOMPARE(history.tierFor(series, T0 + 2 * Hour - 10 * Minute, T0 + 2 * Hour), 0);
    tier0 = history.points(series, T0 + 2 * Hour - 10 * Minute, T0 + 2 * Hour);
    QCOMPARE(tier0.size(), 1);
    QCOMPARE(tier0.at(0).mean, 3.0);
    const QList<MetricBucket> all = history.points(series, T0, T0 + 2 * Hour);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).tier, 1);
    QCOMPARE(all.at(0).count, 2);
    QCOMPARE(all.at(0).mean, 1.5);

    // Past the ring of 361 slots twice over: the old samples must not reappear.
    for (int i = 0; i < 800; ++i)
        QVERIFY(history.add(series, T0 + 3 * Hour + i * 10 * Second, i));
    tier0 = history.points(series, T0 + 3 * Hour + 700 * 10 * Second, T0 + 3 * Hour + 800 * 10 * Second);
    QCOMPARE(tier0.size(), 100);
    QCOMPARE(tier0.first().mean, 700.0);
    QCOMPARE(tier0.last().mean, 799.0);
}

void TestMetricHistory::refusesLateAndNegativeSamples()
{
    MetricHistory history;
    const QString series = QStringLiteral("sha/web/qps");
    QVERIFY(!history.add(series, -5, 1));
    QVERIFY(history.add(series, T0, 1));
    QVERIFY(history.add(series, T0 + 31 * Day, 1));
    QVERIFY(!history.add(series, T0 - Day, 2)); // before the series' first sample
    // Late, but still inside tier 2's window: kept there, and only there.
    QVERIFY(history.add(series, T0 + 20 * Day, 2));
    QCOMPARE(history.tierFor(series, T0 + 20 * Day, T0 + 20 * Day + Minute), 2);
    const QList<MetricBucket> late = history.points(series, T0 + 20 * Day, T0 + 20 * Day + Minute);
    QCOMPARE(late.size(), 1);
    QCOMPARE(late.first().mean, 2.0);
    // T0 is older than the 30 days tier 2 keeps behind T0 + 31 d.
    QVERIFY(history.points(series, T0, T0 + Minute).isEmpty());
}

void TestMetricHistory::tierChoice_data()
{
    QTest::addColumn<qint64>("rangeMs");
    QTest::addColumn<qint64>("endsAgoMs");
    QTest::addColumn<int>("tier");
    QTest::addColumn<int>("buckets");

    QTest::addRow("15 min") << 15 * Minute << qint64(0) << 0 << 91;
    QTest::addRow("1 h") << Hour << qint64(0) << 0 << 361;
    QTest::addRow("6 h") << 6 * Hour << qint64(0) << 1 << 361;
    QTest::addRow("24 h") << Day << qint64(0) << 1 << 1441;
    QTest::addRow("30 d") << 30 * Day << qint64(0) << 2 << 2881;
    QTest::addRow("15 min, 3 days ago") << 15 * Minute << 3 * Day << 2 << 2;
}

void TestMetricHistory::tierChoice()
{
    QFETCH(qint64, rangeMs);
    QFETCH(qint64, endsAgoMs);
    QFETCH(int, tier);
    QFETCH(int, buckets);

    // 31 days, a sample every 10 s (every bucket of every tier gets samples).
    MetricHistory history;
    const QString series = QStringLiteral("sha/db-1/latencyMs");
    const qint64 now = T0 + 31 * Day;
    for (qint64 t = T0; t <= now; t += 10 * Second)
        history.add(series, t, double((t / Second) % 100));
    const qint64 to = now - endsAgoMs;
    QCOMPARE(history.tierFor(series, to - rangeMs, to), tier);
    const QList<MetricBucket> points = history.points(series, to - rangeMs, to);
    QCOMPARE(points.size(), buckets);
    for (const MetricBucket &b : points)
        QCOMPARE(b.tier, tier);
    QVERIFY(points.first().startMs <= to - rangeMs);
    QVERIFY(points.last().startMs <= to);
}

void TestMetricHistory::budgetRefusesNewSeries()
{
    const QString a = QStringLiteral("sha/a/cpu");
    const QString b = QStringLiteral("sha/b/cpu");
    const QString c = QStringLiteral("bj/c/cpu");
    MetricHistory history(MetricHistory::maxSeriesBytes(a) + MetricHistory::maxSeriesBytes(b));
    QVERIFY(history.add(a, T0, 1));
    QVERIFY(history.add(b, T0, 1));
    QVERIFY(!history.add(c, T0, 1));
    QVERIFY(!history.add(c, T0 + Second, 1));
    QCOMPARE(history.seriesCount(), 2);
    QCOMPARE(history.refusedSeries(), 1);
    QVERIFY(!history.contains(c));
    QVERIFY(history.points(c, T0, T0 + Hour).isEmpty());
    QCOMPARE(history.tierFor(c, T0, T0 + Hour), -1);
    // Admitted series keep their history: nothing is evicted to make room.
    QVERIFY(history.add(a, T0 + Second, 2));
    QCOMPARE(history.points(a, T0, T0 + Minute).first().count, 2);

    history.removeSite(QStringLiteral("sha"));
    QCOMPARE(history.seriesCount(), 0);
    QVERIFY(history.add(c, T0, 1));
    QVERIFY(history.add(a, T0, 1));
    history.removeSeries(c);
    QVERIFY(history.add(b, T0, 1));
    QCOMPARE(history.seriesCount(), 2);
}

void TestMetricHistory::memoryStaysWithinBudgetFor30Days()
{
    constexpr int Admitted = 4;
    constexpr int Offered = 6;
    QStringList series;
    for (int i = 0; i < Offered; ++i)
        series.append(
            MetricHistory::seriesKey(QStringLiteral("sha"), QStringLiteral("db-%1").arg(i), QStringLiteral("cpu")));
    qint64 budget = 0;
    for (int i = 0; i < Admitted; ++i)
        budget += MetricHistory::maxSeriesBytes(series.at(i));
    budget += 1000; // not enough for one more series
    MetricHistory history(budget);

    QElapsedTimer timer;
    timer.start();
    qint64 largest = 0;
    for (qint64 day = 0; day < 30; ++day) {
        for (qint64 t = T0 + day * Day; t < T0 + (day + 1) * Day; t += Second) {
            const double value = double(t % 997);
            for (const QString &key : std::as_const(series))
                history.add(key, t, value);
        }
        largest = std::max(largest, history.memoryBytes());
        QVERIFY2(history.memoryBytes() <= budget,
                 qPrintable(QStringLiteral("day %1: %2 > %3").arg(day).arg(history.memoryBytes()).arg(budget)));
    }
    qInfo("30 days x 1 Hz x %d series: %lld ms; memory %lld bytes of a %lld byte budget (%lld bytes a series)", Offered,
          timer.elapsed(), history.memoryBytes(), budget, history.memoryBytes() / Admitted);
    QCOMPARE(history.seriesCount(), Admitted);
    QCOMPARE(history.refusedSeries(), Offered - Admitted);
    // Every ring is full by now: the budget is used, not merely respected.
    QVERIFY(largest > budget * 9 / 10);
    const qint64 end = T0 + 30 * Day - Second;
    const QList<MetricBucket> month = history.points(series.first(), end - 30 * Day, end);
    QCOMPARE(month.size(), 2880); // the oldest quarter hour of the window is before T0
    QCOMPARE(month.at(10).count, 900);
    QCOMPARE(history.points(series.first(), end - Hour, end).size(), 361); // 360 and a part
    QVERIFY(history.points(series.last(), T0, end).isEmpty());
}

void TestMetricHistory::persistenceRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("haven.db"));
    const QStringList keys = {QStringLiteral("sha/db-1/cpu"), QStringLiteral("sha/db-1/qps"),
                              QStringLiteral("bj/web-2/latencyMs")};
    MetricHistory live;
    for (qint64 t = T0; t < T0 + 2 * Hour; t += Second) {
        for (qsizetype k = 0; k < keys.size(); ++k)
            live.add(keys.at(k), t, double((t / Second) % 60) * double(k + 1));
    }
    // The first sample of a new quarter hour closes every bucket before it.
    for (const QString &key : keys)
        live.add(key, T0 + 2 * Hour, 0);
    const QList<MetricBucket> closed = live.takeClosedBuckets();
    // Kept windows: tier 0 the last hour (360 closed), tier 1 two hours (120), tier 2 eight quarter hours.
    QCOMPARE(closed.size(), keys.size() * (360 + 120 + 8));
    QVERIFY(live.takeClosedBuckets().isEmpty());
    {
        LocalStore store;
        QCOMPARE(store.open(path).mode, LocalStore::Mode::Persistent);
        QVERIFY(store.topologyCache().appendMetricBuckets(closed));
    }

    LocalStore store;
    store.open(path);
    MetricHistory restored;
    QCOMPARE(restored.restore(store.topologyCache().loadMetricBuckets(T0 - Day)), closed.size());
    QCOMPARE(restored.seriesCount(), keys.size());
    for (const QString &key : keys) {
        for (const qint64 range : {30 * Minute, 2 * Hour}) {
            const qint64 to = T0 + 2 * Hour - 1;
            QCOMPARE(restored.tierFor(key, to - range, to), live.tierFor(key, to - range, to));
            QCOMPARE(restored.points(key, to - range, to), live.points(key, to - range, to));
        }
    }
    // Restored buckets count as saved: only what closes afterwards is persisted again.
    for (const QString &key : keys)
        QVERIFY(restored.add(key, T0 + 2 * Hour + 15 * Minute, 1));
    const QList<MetricBucket> next = restored.takeClosedBuckets();
    QCOMPARE(next.size(), 0); // the buckets of T0 + 2 h had no sample here
    for (const QString &key : keys)
        QVERIFY(restored.add(key, T0 + 2 * Hour + 30 * Minute, 1));
    MetricHistory coarse;
    coarse.restore(closed);
    for (const QString &key : keys) {
        coarse.add(key, T0 + 2 * Hour + 15 * Minute, 1);
        coarse.add(key, T0 + 2 * Hour + 30 * Minute, 1);
    }
    const QList<MetricBucket> later = restored.takeClosedBuckets();
    QCOMPARE(later.size(), keys.size() * 3);
    const QList<MetricBucket> laterCoarse = restored.takeClosedBuckets(1);
    QVERIFY(laterCoarse.isEmpty()); // all taken already
    // Persisting from tier 1 up leaves the 10 s buckets out.
    const QList<MetricBucket> coarseBuckets = coarse.takeClosedBuckets(1);
    QCOMPARE(coarseBuckets.size(), keys.size() * 2);
    for (const MetricBucket &b : coarseBuckets)
        QVERIFY(b.tier >= 1);
    for (const MetricBucket &b : later)
        QCOMPARE(b.startMs, T0 + 2 * Hour + 15 * Minute);
}

QTEST_GUILESS_MAIN(TestMetricHistory)
#include "tst_metrichistory.moc"
