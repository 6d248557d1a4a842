// SPDX-License-Identifier: GPL-3.0-or-later
#include "agent/site/hostmetrics.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

using OptionalDouble = std::optional<double>;

class TestHostMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void parseCpuTimes_data();
    void parseCpuTimes();
    void cpuPercent_data();
    void cpuPercent();
    void parseMemory_data();
    void parseMemory();
    void parseLoadAverage_data();
    void parseLoadAverage();
    void diskPercent_data();
    void diskPercent();
    void sampleReadsProcFiles();
};

void TestHostMetrics::parseCpuTimes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<quint64>("busy");
    QTest::addColumn<quint64>("total");

    // user nice system idle iowait irq softirq steal guest guest_nice
    QTest::addRow("modern kernel") << QByteArray("cpu  100 20 30 800 50 5 5 10 40 0\n"
                                                 "cpu0 50 10 15 400 25 2 3 5 20 0\n"
                                                 "intr 12345 0 0\nctxt 999\n")
                                   << true << quint64(170) << quint64(1020);
    QTest::addRow("guest time is not counted twice")
        << QByteArray("cpu  100 0 0 900 0 0 0 0 100 100\n") << true << quint64(100) << quint64(1000);
    QTest::addRow("four fields only") << QByteArray("cpu 10 0 10 80\n") << true << quint64(20) << quint64(100);
    QTest::addRow("cpu line not first") << QByteArray("intr 1\ncpu 1 1 1 7\n") << true << quint64(3) << quint64(10);
    QTest::addRow("per-cpu lines only") << QByteArray("cpu0 1 2 3 4\n") << false << quint64(0) << quint64(0);
    QTest::addRow("too few fields") << QByteArray("cpu 1 2 3\n") << false << quint64(0) << quint64(0);
    QTest::addRow("not a number") << QByteArray("cpu 1 2 x 4\n") << false << quint64(0) << quint64(0);
    QTest::addRow("empty") << QByteArray() << false << quint64(0) << quint64(0);
}

void TestHostMetrics::parseCpuTimes()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<HostMetrics::CpuTimes> times = HostMetrics::parseCpuTimes(text);
    QCOMPARE(times.has_value(), valid);
    if (!valid)
        return;
    QTEST(times->busy, "busy");
    QTEST(times->total, "total");
}

void TestHostMetrics::cpuPercent_data()
{
    QTest::addColumn<quint64>("busyBefore");
    QTest::addColumn<quint64>("totalBefore");
    QTest::addColumn<quint64>("busyAfter");
    QTest::addColumn<quint64>("totalAfter");
    QTest::addColumn<OptionalDouble>("percent");

    QTest::addRow("idle") << quint64(100) << quint64(1000) << quint64(100) << quint64(1400) << OptionalDouble(0.0);
    QTest::addRow("quarter busy") << quint64(100) << quint64(1000) << quint64(200) << quint64(1400)
                                  << OptionalDouble(25.0);
    QTest::addRow("fully busy") << quint64(0) << quint64(0) << quint64(50) << quint64(50) << OptionalDouble(100.0);
    QTest::addRow("no time passed") << quint64(10) << quint64(100) << quint64(10) << quint64(100) << OptionalDouble();
    QTest::addRow("counters restarted") << quint64(500) << quint64(1000) << quint64(5) << quint64(10)
                                        << OptionalDouble();
}

void TestHostMetrics::cpuPercent()
{
    QFETCH(quint64, busyBefore);
    QFETCH(quint64, totalBefore);
    QFETCH(quint64, busyAfter);
    QFETCH(quint64, totalAfter);
    QTEST(HostMetrics::cpuPercent({busyBefore, totalBefore}, {busyAfter, totalAfter}), "percent");
}

void TestHostMetrics::parseMemory_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<OptionalDouble>("percent");

    QTest::addRow("MemAvailable") << QByteArray("MemTotal:       16000000 kB\n"
                                                "MemFree:         1000000 kB\n"
                                                "MemAvailable:    4000000 kB\n"
                                                "Buffers:          500000 kB\n"
                                                "Cached:          2000000 kB\n")
                                  << OptionalDouble(75.0);
    QTest::addRow("old kernel without MemAvailable") << QByteArray("MemTotal: 1000 kB\n"
                                                                   "MemFree: 100 kB\n"
                                                                   "Buffers: 100 kB\n"
                                                                   "Cached: 300 kB\n")
                                                     << OptionalDouble(50.0);
    QTest::addRow("available above total is capped")
        << QByteArray("MemTotal: 1000 kB\nMemAvailable: 2000 kB\n") << OptionalDouble(0.0);
    QTest::addRow("no total") << QByteArray("MemFree: 100 kB\nMemAvailable: 100 kB\n") << OptionalDouble();
    QTest::addRow("zero total") << QByteArray("MemTotal: 0 kB\nMemAvailable: 0 kB\n") << OptionalDouble();
    QTest::addRow("nothing about availability")
        << QByteArray("MemTotal: 1000 kB\nMemFree: 10 kB\n") << OptionalDouble();
    QTest::addRow("garbage") << QByteArray("hello\nworld") << OptionalDouble();
}

void TestHostMetrics::parseMemory()
{
    QFETCH(QByteArray, text);
    const std::optional<HostMetrics::Memory> memory = HostMetrics::parseMemory(text);
    QTEST(memory ? HostMetrics::memoryPercent(*memory) : OptionalDouble(), "percent");
}

void TestHostMetrics::parseLoadAverage_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<double>("one");
    QTest::addColumn<double>("fifteen");

    QTest::addRow("typical") << QByteArray("0.52 0.58 0.59 1/467 12345\n") << true << 0.52 << 0.59;
    QTest::addRow("busy host") << QByteArray("17.00 12.25 8.50 20/900 1\n") << true << 17.0 << 8.5;
    QTest::addRow("too short") << QByteArray("0.52 0.58\n") << false << 0.0 << 0.0;
    QTest::addRow("not numbers") << QByteArray("a b c 1/2 3\n") << false << 0.0 << 0.0;
    QTest::addRow("negative") << QByteArray("-1 0 0 1/2 3\n") << false << 0.0 << 0.0;
    QTest::addRow("empty") << QByteArray() << false << 0.0 << 0.0;
}

void TestHostMetrics::parseLoadAverage()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    const std::optional<HostMetrics::LoadAverage> load = HostMetrics::parseLoadAverage(text);
    QCOMPARE(load.has_value(), valid);
    if (!valid)
        return;
    QTEST(load->one, "one");
    QTEST(load->fifteen, "fifteen");
}

void TestHostMetrics::diskPercent_data()
{
    QTest::addColumn<quint64>("blocks");
    QTest::addColumn<quint64>("freeBlocks");
    QTest::addColumn<quint64>("availableBlocks");
    QTest::addColumn<OptionalDouble>("percent");

    QTest::addRow("empty disk") << quint64(1000) << quint64(1000) << quint64(1000) << OptionalDouble(0.0);
    QTest::addRow("half used") << quint64(1000) << quint64(500) << quint64(500) << OptionalDouble(50.0);
    // 100 blocks reserved for root: df counts used / (used + available).
    QTest::addRow("root reserve") << quint64(1000) << quint64(400) << quint64(300) << OptionalDouble(66.66666666666667);
    QTest::addRow("full for users") << quint64(1000) << quint64(50) << quint64(0) << OptionalDouble(100.0);
    QTest::addRow("no blocks") << quint64(0) << quint64(0) << quint64(0) << OptionalDouble();
    QTest::addRow("inconsistent") << quint64(10) << quint64(20) << quint64(20) << OptionalDouble();
}

void TestHostMetrics::diskPercent()
{
    QFETCH(quint64, blocks);
    QFETCH(quint64, freeBlocks);
    QFETCH(quint64, availableBlocks);
    QTEST(HostMetrics::diskPercent({blocks, freeBlocks, availableBlocks}), "percent");
}

void TestHostMetrics::sampleReadsProcFiles()
{
    QTemporaryDir proc;
    QVERIFY(proc.isValid());
    const auto write = [&proc](const QString &name, const QByteArray &text) {
        QFile file(proc.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text);
    };
    write(QStringLiteral("stat"), "cpu 100 0 100 800 0 0 0 0 0 0\n");
    write(QStringLiteral("meminfo"), "MemTotal: 2000 kB\nMemAvailable: 500 kB\n");
    write(QStringLiteral("loadavg"), "1.50 1.00 0.50 2/100 42\n");

    HostMetrics metrics(proc.path(), proc.path());
    HostMetrics::Sample first = metrics.sample();
    QVERIFY(!first.cpuPercent); // one reading is not a measurement
    QCOMPARE(first.memoryPercent, OptionalDouble(75.0));
    QVERIFY(first.load);
    QCOMPARE(first.load->one, 1.5);
    QVERIFY(first.diskPercent);
    QVERIFY(*first.diskPercent >= 0 && *first.diskPercent <= 100);

    write(QStringLiteral("stat"), "cpu 200 0 200 1400 0 0 0 0 0 0\n"); // +200 busy of +800
    QCOMPARE(metrics.sample().cpuPercent, OptionalDouble(25.0));

    HostMetrics missing(proc.filePath(QStringLiteral("no-such-dir")), proc.filePath(QStringLiteral("no-proc")));
    const HostMetrics::Sample nothing = missing.sample();
    QVERIFY(!nothing.memoryPercent && !nothing.load && !nothing.diskPercent);
}

QTEST_GUILESS_MAIN(TestHostMetrics)

#include "tst_hostmetrics.moc"
