// SPDX-License-Identifier: GPL-3.0-or-later
// A fault's deadline on two clocks: neither a clock step nor a reboot extends a fault.

#include "agent/faults/faultdeadline.h"

#include <QTest>

using namespace Haven;

class TestFaultDeadline final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void remaining_data();
    void remaining();
    void currentClocks();
};

void TestFaultDeadline::remaining_data()
{
    QTest::addColumn<qint64>("wallShiftMs");      // how far the wall clock moved after injection
    QTest::addColumn<qint64>("monotonicShiftMs"); // how far the monotonic clock moved
    QTest::addColumn<bool>("sameBoot");
    QTest::addColumn<qint64>("expectedMs");

    // A 600 s fault.
    QTest::addRow("steady clocks") << qint64(100'000) << qint64(100'000) << true << qint64(500'000);
    QTest::addRow("wall stepped back an hour") << qint64(-3'500'000) << qint64(100'000) << true << qint64(500'000);
    QTest::addRow("wall stepped forward") << qint64(400'000) << qint64(100'000) << true << qint64(200'000);
    QTest::addRow("past the deadline") << qint64(700'000) << qint64(700'000) << true << qint64(0);
    QTest::addRow("after a reboot") << qint64(100'000) << qint64(-9'000'000) << false << qint64(500'000);
    QTest::addRow("reboot, wall stepped back") << qint64(-3'600'000) << qint64(0) << false << qint64(600'000);
}

void TestFaultDeadline::remaining()
{
    QFETCH(qint64, wallShiftMs);
    QFETCH(qint64, monotonicShiftMs);
    QFETCH(bool, sameBoot);
    QFETCH(qint64, expectedMs);
    const QDateTime injected(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC);
    const qint64 monotonic = 50'000'000;
    const QString boot = QStringLiteral("boot-a");
    const FaultDeadline deadline = FaultDeadline::after(600, injected, monotonic, boot);
    QCOMPARE(deadline.wall, injected.addSecs(600));
    QCOMPARE(deadline.remainingMs(injected.addMSecs(wallShiftMs), monotonic + monotonicShiftMs,
                                  sameBoot ? boot : QStringLiteral("boot-b")),
             expectedMs);
}

void TestFaultDeadline::currentClocks()
{
    QVERIFY(!FaultDeadline::currentBootId().isEmpty());
    const FaultDeadline deadline = FaultDeadline::after(2);
    const qint64 left = deadline.remainingMs();
    QVERIFY2(left > 1500 && left <= 2000, qPrintable(QString::number(left)));
    const qint64 before = FaultDeadline::monotonicNowMs();
    QTest::qWait(20);
    QVERIFY(FaultDeadline::monotonicNowMs() >= before + 19);
}

QTEST_GUILESS_MAIN(TestFaultDeadline)
#include "tst_faultdeadline.moc"
