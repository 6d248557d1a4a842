// SPDX-License-Identifier: GPL-3.0-or-later
// The live ring of the metric history: shared poll times, wrap-around, late samples, the
// start-up restore that merges around live polls, and the memory budget for a 10,000-component
// fleet.
#include "models/store/metrichistory.h"

#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace Haven;

namespace {

constexpr qint64 Second = 1000;
// 2026-01-01T00:00:00Z
constexpr qint64 T0 = 1'767'225'600'000;

MetricPoll poll(const QString &site, qint64 timeMs, const QList<std::pair<QString, double>> &values)
{
    MetricPoll p{site, timeMs, {}};
    for (const auto &[component, value] : values)
        p.samples.append(MetricSample{MetricHistory::seriesKey(site, component, QStringLiteral("cpu")), value});
    return p;
}

QList<double> means(const QList<MetricBucket> &points)
{
    QList<double> out;
    for (const MetricBucket &b : points)
        out.append(b.mean);
    return out;
}

} // namespace

class TestMetricHistory final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void keys();
    void pollsShareTheirTime();
    void ringWrapsAround();
    void lateSamples_data();
    void lateSamples();
    void restoreMergesAroundLivePolls();
    void tierForRange_data();
    void tierForRange();
    void budgetRefusesNewSeries();
    void fleetOf10000ComponentsFitsTheDefaultBudget();
    void removeSiteFreesItsBudget();
};

void TestMetricHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMetricHistory::keys()
{
    QCOMPARE(MetricHistory::seriesKey(QStringLiteral("sha"), QStringLiteral("db-1"), QStringLiteral("cpu")),
             QStringLiteral("sha/db-1/cpu"));
    QCOMPARE(MetricHistory::siteOf(QStringLiteral("sha/link:l1/lagSeconds")), QStringLiteral("sha"));
}

void TestMetricHistory::pollsShareTheirTime()
{
    MetricHistory history(1 << 20, 4);
    QCOMPARE(history.add(poll(QStringLiteral("s"), T0, {{QStringLiteral("a"), 1}, {QStringLiteral("b"), 2}})), 2);
    // The next poll lacks b: b has no point there, a has both.
    QCOMPARE(history.add(poll(QStringLiteral("s"), T0 + 5 * Second, {{QStringLiteral("a"), 3}})), 1);
    QCOMPARE(history.seriesCount(), 2);
    QCOMPARE(means(history.points(QStringLiteral("s/a/cpu"), T0, T0 + Second * 10)), (QList<double>{1, 3}));
    const QList<MetricBucket> b = history.points(QStringLiteral("s/b/cpu"), 0, T0 * 2);
    QCOMPARE(b.size(), 1);
    QCOMPARE(b.first(), (MetricBucket{QStringLiteral("s/b/cpu"), 0, T0, 2, 2, 2, 1}));
    QCOMPARE(history.liveSinceMs(QStringLiteral("s/b/cpu")), T0);
    QCOMPARE(history.liveSinceMs(QStringLiteral("other/b/cpu")), -1);
    // A value that is not a number is not a sample.
    QVERIFY(!history.add(QStringLiteral("s/a/cpu"), T0 + 10 * Second, qQNaN()));
    QVERIFY(!history.add(QStringLiteral("s/a/cpu"), T0 + 10 * Second, qInf()));
}

void TestMetricHistory::ringWrapsAround()
{
    MetricHistory history(1 << 20, 4);
    for (int i = 0; i < 10; ++i)
        QVERIFY(history.add(QStringLiteral("s/a/cpu"), T0 + i * Second, i));
    // The newest four polls stay, oldest first.
    QCOMPARE(means(history.points(QStringLiteral("s/a/cpu"), 0, T0 * 2)), (QList<double>{6, 7, 8, 9}));
    QCOMPARE(history.liveSinceMs(QStringLiteral("s/a/cpu")), T0 + 6 * Second);
    QCOMPARE(means(history.points(QStringLiteral("s/a/cpu"), T0 + 7 * Second, T0 + 8 * Second)), (QList<double>{7, 8}));
    // A series that joins late has nothing before its first poll, even in wrapped slots.
    QVERIFY(history.add(QStringLiteral("s/b/cpu"), T0 + 9 * Second, 90));
    QCOMPARE(means(history.points(QStringLiteral("s/b/cpu"), 0, T0 * 2)), (QList<double>{90}));
    QVERIFY(history.add(QStringLiteral("s/b/cpu"), T0 + 10 * Second, 100));
    QCOMPARE(means(history.points(QStringLiteral("s/a/cpu"), 0, T0 * 2)), (QList<double>{7, 8, 9}));
}

void TestMetricHistory::lateSamples_data()
{
    QTest::addColumn<qint64>("timeMs");
    QTest::addColumn<bool>("kept");
    QTest::addRow("a poll the ring holds") << T0 + Second << true;
    QTest::addRow("between two polls") << T0 + 1500 << false;
    QTest::addRow("older than the ring") << T0 - Second << false;
    QTest::addRow("negative time") << qint64(-5) << false;
}

void TestMetricHistory::lateSamples()
{
    QFETCH(qint64, timeMs);
    QFETCH(bool, kept);
    MetricHistory history(1 << 20, 8);
    for (int i = 0; i < 3; ++i)
        QVERIFY(history.add(QStringLiteral("s/a/cpu"), T0 + i * Second, i));
    QCOMPARE(history.add(QStringLiteral("s/b/cpu"), timeMs, 42), kept);
    QCOMPARE(history.points(QStringLiteral("s/b/cpu"), 0, T0 * 2).size(), kept ? 1 : 0);
}

void TestMetricHistory::restoreMergesAroundLivePolls()
{
    MetricHistory history(1 << 20, 6);
    // Live polls came first (the agents answered before the restore reached the GUI thread).
    QVERIFY(history.add(QStringLiteral("s/a/cpu"), T0 + 10 * Second, 10));
    QVERIFY(history.add(QStringLiteral("s/a/cpu"), T0 + 11 * Second, 11));
    QList<MetricPoll> saved;
    for (int i = 4; i <= 10; ++i) // the saved 10 s poll is older news than the live one
        saved.append(
            poll(QStringLiteral("s"), T0 + i * Second, {{QStringLiteral("a"), 100 + i}, {QStringLiteral("b"), i}}));
    QCOMPARE(history.restore(saved), 4 + 5); // a: 6..9, b: 6..10
    QCOMPARE(means(history.points(QStringLiteral("s/a/cpu"), 0, T0 * 2)), (QList<double>{106, 107, 108, 109, 10, 11}));
    QCOMPARE(means(history.points(QStringLiteral("s/b/cpu"), 0, T0 * 2)), (QList<double>{6, 7, 8, 9, 10}));
    // The ring goes on from the newest poll and drops the oldest.
    QVERIFY(history.add(QStringLiteral("s/a/cpu"), T0 + 12 * Second, 12));
    QCOMPARE(means(history.points(QStringLiteral("s/a/cpu"), 0, T0 * 2)), (QList<double>{107, 108, 109, 10, 11, 12}));
}

void TestMetricHistory::tierForRange_data()
{
    QTest::addColumn<qint64>("ageMs");
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("tier");
    QTest::addRow("15 min now: raw") << qint64(15 * MetricTiers::Minute) << qint64(15 * MetricTiers::Minute) << 0;
    QTest::addRow("6 h: one minute") << qint64(6 * MetricTiers::Hour) << qint64(6 * MetricTiers::Hour) << 1;
    QTest::addRow("24 h: one minute") << qint64(24 * MetricTiers::Hour) << qint64(24 * MetricTiers::Hour) << 1;
    QTest::addRow("30 d: fifteen minutes") << qint64(30 * MetricTiers::Day) << qint64(30 * MetricTiers::Day) << 2;
    QTest::addRow("15 min two days ago") << qint64(2 * MetricTiers::Day) << qint64(15 * MetricTiers::Minute) << 2;
    QTest::addRow("15 min three hours ago") << qint64(3 * MetricTiers::Hour) << qint64(15 * MetricTiers::Minute) << 1;
}

void TestMetricHistory::tierForRange()
{
    QFETCH(qint64, ageMs);
    QFETCH(qint64, spanMs);
    QFETCH(int, tier);
    QCOMPARE(MetricTiers::forRange(T0 - ageMs, T0 - ageMs + spanMs, T0), tier);
}

void TestMetricHistory::budgetRefusesNewSeries()
{
    MetricHistory probe(1 << 20, 10);
    const QString a = QStringLiteral("s/a/cpu");
    const QString b = QStringLiteral("s/b/cpu");
    MetricHistory history(probe.seriesBytes(a) + probe.seriesBytes(b), 10);
    QVERIFY(history.add(a, T0, 1));
    QVERIFY(history.add(b, T0, 1));
    QVERIFY(!history.add(QStringLiteral("s/c/cpu"), T0, 1));
    QVERIFY(!history.add(QStringLiteral("s/c/cpu"), T0 + Second, 1));
    QCOMPARE(history.refusedSeries(), 1);
    QCOMPARE(history.seriesCount(), 2);
    // Admitted series keep being written.
    QVERIFY(history.add(a, T0 + Second, 2));
    history.removeSeries(b);
    QVERIFY(history.add(QStringLiteral("s/c/cpu"), T0 + 2 * Second, 3));
}

void TestMetricHistory::fleetOf10000ComponentsFitsTheDefaultBudget()
{
    // 1,000 sites of 10 components, five metrics each, and two replication links per site.
    MetricHistory history;
    const QStringList metrics = {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("qps"),
                                 QStringLiteral("latencyMs"), QStringLiteral("capacity")};
    const int polls = history.liveSlots() + 20;
    for (int site = 0; site < 1000; ++site) {
        const QString siteId = QStringLiteral("site-%1").arg(site, 4, 10, QLatin1Char('0'));
        MetricPoll p{siteId, 0, {}};
        for (int c = 0; c < 10; ++c) {
            for (const QString &metric : metrics)
                p.samples.append(
                    MetricSample{MetricHistory::seriesKey(siteId, QStringLiteral("component-%1").arg(c), metric), 0});
        }
        for (int l = 0; l < 2; ++l)
            p.samples.append(MetricSample{MetricHistory::seriesKey(siteId, QStringLiteral("link:link-%1").arg(l),
                                                                   QStringLiteral("lagSeconds")),
                                          0});
        for (int i = 0; i < polls; ++i) {
            p.timeMs = T0 + i * 5 * Second;
            for (qsizetype s = 0; s < p.samples.size(); ++s)
                p.samples[s].value = std::sin(i + s);
            QCOMPARE(history.add(p), int(p.samples.size()));
        }
    }
    QCOMPARE(history.seriesCount(), 52'000);
    QCOMPARE(history.refusedSeries(), 0);
    QVERIFY2(history.memoryBytes() <= history.budgetBytes(), qPrintable(QString::number(history.memoryBytes())));
    // float32 per poll and series: what the ring holds is a fraction of a kilobyte per series.
    QVERIFY(history.memoryBytes() / history.seriesCount() < 1200);
    QCOMPARE(history.points(QStringLiteral("site-0999/component-9/capacity"), 0, T0 * 2).size(), history.liveSlots());
}

void TestMetricHistory::removeSiteFreesItsBudget()
{
    MetricHistory probe(1 << 20, 10);
    const qint64 one = probe.seriesBytes(QStringLiteral("s/a/cpu"));
    MetricHistory history(one * 2, 10);
    QVERIFY(history.add(QStringLiteral("s/a/cpu"), T0, 1));
    QVERIFY(history.add(QStringLiteral("s/b/cpu"), T0, 1));
    QVERIFY(!history.add(QStringLiteral("t/a/cpu"), T0, 1));
    history.removeSite(QStringLiteral("s"));
    QCOMPARE(history.seriesCount(), 0);
    QVERIFY(!history.contains(QStringLiteral("s/a/cpu")));
    QVERIFY(history.add(QStringLiteral("t/a/cpu"), T0, 1));
}

QTEST_GUILESS_MAIN(TestMetricHistory)
#include "tst_metrichistory.moc"
