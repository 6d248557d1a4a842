// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/fleet/modecontroller.h"
#include "models/topology/fleettopology.h"

#include <QSignalSpy>
#include <QTest>

using namespace Haven;

class TestModeController final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void banner_data();
    void banner();
    void storeProblemIsCritical();
};

void TestModeController::banner_data()
{
    QTest::addColumn<int>("unreachable"); // of three sites
    QTest::addColumn<bool>("degraded");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("expected");
    QTest::addRow("all answer") << 0 << false << int(ModeController::Severity::None) << QString();
    QTest::addRow("one down") << 1 << true << int(ModeController::Severity::Warning)
                              << QStringLiteral("1 of 3 sites do not answer (Site 0)");
    QTest::addRow("two down") << 2 << true << int(ModeController::Severity::Warning)
                              << QStringLiteral("2 of 3 sites do not answer (Site 0, Site 1)");
    QTest::addRow("all down") << 3 << true << int(ModeController::Severity::Critical)
                              << QStringLiteral("no site answers (Site 0, Site 1, Site 2)");
}

void TestModeController::banner()
{
    QFETCH(int, unreachable);
    QFETCH(bool, degraded);
    QFETCH(int, severity);
    QFETCH(QString, expected);
    FleetTopology topology;
    QList<SiteState> sites;
    for (int i = 0; i < 3; ++i) {
        SiteState s;
        s.id = QStringLiteral("s%1").arg(i);
        s.name = QStringLiteral("Site %1").arg(i);
        sites.append(s);
    }
    topology.setSites(sites);
    ModeController mode(topology);
    QSignalSpy changed(&mode, &ModeController::bannerChanged);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 3; ++i) {
        TopologySnapshot snapshot;
        snapshot.siteId = sites.at(i).id;
        topology.applySnapshot(snapshot.siteId, snapshot, now.addSecs(-125), false);
        topology.setReachability(snapshot.siteId, i < unreachable ? Reachability::Unreachable : Reachability::Online,
                                 {}, now);
    }
    QCOMPARE(mode.isDegraded(), degraded);
    QCOMPARE(int(mode.severity()), severity);
    if (expected.isEmpty()) {
        QVERIFY(mode.bannerText().isEmpty());
        return;
    }
    QVERIFY2(mode.bannerText().contains(expected), qPrintable(mode.bannerText()));
    QVERIFY2(mode.bannerText().contains(QStringLiteral("2 min old")), qPrintable(mode.bannerText()));
    QVERIFY(changed.size() >= 1);
    QCOMPARE(mode.unreachableSites().size(), unreachable);
}

void TestModeController::storeProblemIsCritical()
{
    FleetTopology topology;
    ModeController mode(topology);
    QVERIFY(!mode.isDegraded());
    mode.setStoreProblem(QStringLiteral("the disk is full."));
    QVERIFY(mode.isDegraded());
    QCOMPARE(mode.severity(), ModeController::Severity::Critical);
    QVERIFY(mode.bannerText().contains(QStringLiteral("the disk is full.")));
    QVERIFY(mode.bannerText().contains(QStringLiteral("runs in memory")));
    mode.setStoreProblem({});
    QVERIFY(!mode.isDegraded());
}

QTEST_GUILESS_MAIN(TestModeController)
#include "tst_modecontroller.moc"
