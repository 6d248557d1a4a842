// SPDX-License-Identifier: GPL-3.0-or-later
// The metric history on disk: packed blocks that writes only append to, downsampling into the
// one- and fifteen-minute tiers, retention pruning, the start-up restore, and the archive that
// runs it all on its own thread.
#include "models/store/metricarchive.h"
#include "models/store/metrichistory.h"
#include "models/store/metricstore.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Haven;

namespace {

constexpr qint64 Second = 1000;
constexpr qint64 Minute = MetricTiers::Minute;
constexpr qint64 Hour = MetricTiers::Hour;
constexpr qint64 Day = MetricTiers::Day;
// 2026-01-01T00:00:00Z: aligned to every block.
constexpr qint64 T0 = 1'767'225'600'000;

MetricPoll poll(qint64 timeMs, double cpu, double lag)
{
    return MetricPoll{QStringLiteral("sha"),
                      timeMs,
                      {MetricSample{QStringLiteral("sha/db-1/cpu"), cpu},
                       MetricSample{QStringLiteral("sha/link:l1/lagSeconds"), lag}}};
}

} // namespace

class TestMetricStore final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rawSamplesRoundTrip();
    void downsampling_data();
    void downsampling();
    void appendsAcrossFlushesAndRestarts();
    void blobsKeepEveryByte();
    void pruneKeepsEachTiersRetention();
    void recentPollsRegroupByPoll();
    void unusableFileFallsBackToMemory();
    void archiveWritesOffTheCallingThread();
    void archiveRestoresIntoTheHistory();
};

void TestMetricStore::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMetricStore::rawSamplesRoundTrip()
{
    MetricStore store;
    QVERIFY(store.open(QString()));
    for (int i = 0; i < 10; ++i)
        store.add(poll(T0 + i * 5 * Second + 123, 40 + i, i * 0.5));
    QCOMPARE(store.pendingSamples(), 20);
    QVERIFY(store.flush());
    QCOMPARE(store.pendingSamples(), 0);
    const QList<MetricBucket> raw = store.load(QStringLiteral("sha/db-1/cpu"), 0, T0, T0 + Minute);
    QCOMPARE(raw.size(), 10);
    // Times keep a tenth of a second; float32 values.
    QCOMPARE(raw.at(3), (MetricBucket{QStringLiteral("sha/db-1/cpu"), 0, T0 + 15 * Second + 100, 43, 43, 43, 1}));
    const QList<MetricBucket> lag = store.load(QStringLiteral("sha/link:l1/lagSeconds"), 0, T0 + 20 * Second,
                                               T0 + Minute);
    QCOMPARE(lag.size(), 6);
    QCOMPARE(lag.first().mean, 2.0);
    QVERIFY(store.load(QStringLiteral("sha/db-2/cpu"), 0, T0, T0 + Minute).isEmpty());
}

void TestMetricStore::downsampling_data()
{
    QTest::addColumn<int>("tier");
    QTest::addColumn<qint64>("startMs");
    QTest::addColumn<double>("minimum");
    QTest::addColumn<double>("maximum");
    QTest::addColumn<double>("mean");
    // cpu = minute number * 10 + sample in the minute (0..11), a sample every 5 s.
    QTest::addRow("first minute") << 1 << T0 << 0.0 << 11.0 << 5.5;
    QTest::addRow("third minute") << 1 << T0 + 2 * Minute << 20.0 << 31.0 << 25.5;
    QTest::addRow("first quarter hour") << 2 << T0 << 0.0 << 151.0 << 75.5 + 0.0;
}

void TestMetricStore::downsampling()
{
    QFETCH(int, tier);
    QFETCH(qint64, startMs);
    QFETCH(double, minimum);
    QFETCH(double, maximum);
    QFETCH(double, mean);
    MetricStore store;
    QVERIFY(store.open(QString()));
    for (qint64 t = T0; t < T0 + 20 * Minute; t += 5 * Second)
        store.add(poll(t, double((t - T0) / Minute * 10 + (t - T0) % Minute / (5 * Second)), 0));
    QVERIFY(store.flush());
    const QList<MetricBucket> buckets = store.load(QStringLiteral("sha/db-1/cpu"), tier, T0, T0 + Hour);
    // Only closed buckets are written: 19 minutes and one quarter hour are closed.
    QCOMPARE(buckets.size(), tier == 1 ? 19 : 1);
    const auto found = std::find_if(buckets.cbegin(), buckets.cend(),
                                    [&](const MetricBucket &b) { return b.startMs == startMs; });
    QVERIFY(found != buckets.cend());
    QCOMPARE(found->tier, tier);
    QCOMPARE(found->minimum, minimum);
    QCOMPARE(found->maximum, maximum);
    QCOMPARE(found->mean, mean);
}

void TestMetricStore::appendsAcrossFlushesAndRestarts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metric-history.db"));
    {
        MetricStore store;
        QVERIFY(store.open(path));
        QVERIFY(store.isPersistent());
        for (int i = 0; i < 6; ++i)
            store.add(poll(T0 + i * 5 * Second, i, 0));
        QVERIFY(store.flush());
        for (int i = 6; i < 12; ++i)
            store.add(poll(T0 + i * 5 * Second, i, 0));
        QVERIFY(store.flush(true)); // shut-down: the minute still filling is written too
    }
    MetricStore store;
    QVERIFY(store.open(path));
    QCOMPARE(store.load(QStringLiteral("sha/db-1/cpu"), 0, T0, T0 + Minute).size(), 12);
    // A restart inside the minute writes it again; both halves merge into one bucket.
    store.add(poll(T0 + 59 * Second, 100, 0));
    QVERIFY(store.flush(true));
    const QList<MetricBucket> minute = store.load(QStringLiteral("sha/db-1/cpu"), 1, T0, T0 + Minute);
    QCOMPARE(minute.size(), 1);
    QCOMPARE(minute.first().minimum, 0.0);
    QCOMPARE(minute.first().maximum, 100.0);
    QCOMPARE(minute.first().count, 2);
    QCOMPARE(store.blockCount(0), 2); // one hour, two series
}

void TestMetricStore::blobsKeepEveryByte()
{
    // Zero bytes and bytes that are not UTF-8, appended by SQL concatenation, come back whole.
    MetricStore store;
    QVERIFY(store.open(QString()));
    const QList<double> values = {0.0, -0.0, 1e-40, 3.4e38, -1, 65535, 255.5};
    for (int round = 0; round < 3; ++round) {
        for (qsizetype i = 0; i < values.size(); ++i)
            store.add(MetricPoll{QStringLiteral("s"),
                                 T0 + (round * 10 + i) * Second,
                                 {MetricSample{QStringLiteral("s/x/cpu"), values.at(i)}}});
        QVERIFY(store.flush());
    }
    const QList<MetricBucket> raw = store.load(QStringLiteral("s/x/cpu"), 0, T0, T0 + Hour);
    QCOMPARE(raw.size(), values.size() * 3);
    for (qsizetype i = 0; i < raw.size(); ++i)
        QCOMPARE(raw.at(i).mean, double(float(values.at(i % values.size()))));
}

void TestMetricStore::pruneKeepsEachTiersRetention()
{
    MetricStore store;
    QVERIFY(store.open(QString()));
    // A sample every 10 minutes for 40 days.
    const qint64 end = T0 + 40 * Day;
    for (qint64 t = T0; t < end; t += 10 * Minute)
        store.add(poll(t, 1, 1));
    QVERIFY(store.flush(true));
    QVERIFY(store.prune(end));
    for (int tier = 0; tier < MetricTiers::Count; ++tier) {
        const QList<MetricBucket> kept = store.load(QStringLiteral("sha/db-1/cpu"), tier, T0, end);
        QVERIFY(!kept.isEmpty());
        // Nothing older than the retention plus the block that straddles it.
        QVERIFY2(kept.first().startMs >= end - MetricTiers::retentionMs(tier) - MetricTiers::blockMs(tier),
                 qPrintable(QStringLiteral("tier %1").arg(tier)));
        QVERIFY(kept.first().startMs <= end - MetricTiers::retentionMs(tier) + MetricTiers::widthMs(tier) + 10 * Minute);
    }
    // The 30-day trend comes from the fifteen-minute tier: about 31 days of buckets.
    const TrendResult month = store.loadTrend({QStringLiteral("sha/db-1/cpu")}, end - 30 * Day, end, end);
    QVERIFY(month.error.isEmpty());
    const QList<MetricBucket> points = month.series.value(QStringLiteral("sha/db-1/cpu"));
    QCOMPARE(points.first().tier, 2);
    QVERIFY(points.size() >= 30 * 24 * 4 * 2 / 3); // every 10 min: two buckets of three have a sample
}

void TestMetricStore::recentPollsRegroupByPoll()
{
    MetricStore store;
    QVERIFY(store.open(QString()));
    for (int i = 0; i < 4; ++i) {
        store.add(poll(T0 + Hour - 10 * Second + i * 5 * Second, i, 10 * i)); // crosses an hour block
        store.add(MetricPoll{QStringLiteral("bj"),
                             T0 + Hour + i * 7 * Second,
                             {MetricSample{QStringLiteral("bj/web/qps"), 5.0 * i}}});
    }
    QVERIFY(store.flush());
    const QList<MetricPoll> polls = store.recentPolls(T0 + Hour - 5 * Second);
    QCOMPARE(polls.size(), 3 + 4);
    for (const MetricPoll &p : polls) {
        if (p.siteId == QLatin1StringView("sha"))
            QCOMPARE(p.samples.size(), 2); // cpu and lag share their poll again
        else
            QCOMPARE(p.samples.size(), 1);
    }
    // Each site's polls follow one another, oldest first.
    for (qsizetype i = 1; i < polls.size(); ++i) {
        if (polls.at(i).siteId == polls.at(i - 1).siteId)
            QVERIFY(polls.at(i).timeMs > polls.at(i - 1).timeMs);
    }
}

void TestMetricStore::unusableFileFallsBackToMemory()
{
    QTemporaryDir dir;
    MetricStore store;
    // A directory is not a database file.
    QVERIFY(!store.open(dir.path()));
    QVERIFY(!store.isPersistent());
    QVERIFY(!store.lastError().isEmpty());
    store.add(poll(T0, 1, 1));
    QVERIFY(store.flush());
    QCOMPARE(store.load(QStringLiteral("sha/db-1/cpu"), 0, T0, T0 + Minute).size(), 1);
}

void TestMetricStore::archiveWritesOffTheCallingThread()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metric-history.db"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 base = (now - Hour) / Minute * Minute; // so that 30 polls close two minutes
    {
        MetricArchive archive;
        QSignalSpy opened(&archive, &MetricArchive::opened);
        archive.open(path);
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.first().at(0).toBool(), true);
        for (int i = 0; i < 30; ++i)
            archive.record(poll(base + i * 5 * Second, i, 0));
        QVERIFY(archive.sync());
        QVERIFY(archive.writeNanoseconds() > 0);
        QVERIFY(archive.fileBytes() > 0);
        // A trend is answered later, through the signal, never inside the call.
        QSignalSpy loaded(&archive, &TrendSource::trendLoaded);
        const quint64 id = archive.requestTrend({QStringLiteral("sha/db-1/cpu")}, now - 2 * Hour, now);
        QCOMPARE(loaded.size(), 0);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().at(0).toULongLong(), id);
        const auto result = loaded.first().at(1).value<TrendResult>();
        // Two hours read at the one-minute tier: the closed minutes so far.
        QCOMPARE(result.series.value(QStringLiteral("sha/db-1/cpu")).size(), 2);
        for (int i = 30; i < 40; ++i)
            archive.record(poll(base + i * 5 * Second, i, 0));
    } // the destructor writes what is pending, buckets still filling included
    MetricStore store;
    QVERIFY(store.open(path));
    QCOMPARE(store.load(QStringLiteral("sha/db-1/cpu"), 0, now - 2 * Hour, now).size(), 40);
    QCOMPARE(store.load(QStringLiteral("sha/db-1/cpu"), 1, now - 2 * Hour, now).size(), 4);
}

void TestMetricStore::archiveRestoresIntoTheHistory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metric-history.db"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        MetricStore store;
        QVERIFY(store.open(path));
        for (int i = 0; i < 100; ++i) {
            store.add(poll(now - 20 * Minute + i * 5 * Second, i, 0));
            store.add(MetricPoll{QStringLiteral("bj"),
                                 now - 20 * Minute + i * 5 * Second,
                                 {MetricSample{QStringLiteral("bj/web/qps"), 1.0}}});
        }
        QVERIFY(store.flush());
    }
    MetricArchive archive;
    archive.open(path);
    MetricHistory history;
    // A live poll before the restore arrives: both are kept.
    QVERIFY(history.add(QStringLiteral("sha/db-1/cpu"), now, 999));
    QSignalSpy restored(&archive, &MetricArchive::restored);
    archive.restoreInto(history, now - 15 * Minute - Second);
    QVERIFY(restored.wait(5000));
    // From 15 minutes ago: polls 60..99 of each of the three series.
    QCOMPARE(restored.first().at(0).toInt(), 3 * 40);
    const QList<MetricBucket> cpu = history.points(QStringLiteral("sha/db-1/cpu"), 0, now);
    QCOMPARE(cpu.size(), 41);
    QCOMPARE(cpu.first().mean, 60.0);
    QCOMPARE(cpu.last().mean, 999.0);
    QCOMPARE(history.points(QStringLiteral("bj/web/qps"), 0, now).size(), 40);
}

QTEST_GUILESS_MAIN(TestMetricStore)
#include "tst_metricstore.moc"
