// SPDX-License-Identifier: GPL-3.0-or-later
// The wiring of the console's services: what a file or a failing disk changes on screen.
#include "app/fleet/modecontroller.h"
#include "app/session/consolesession.h"
#include "models/environment/environmentrepository.h"
#include "models/store/localstore.h"
#include "models/store/metrichistory.h"
#include "models/store/metricstore.h"
#include "models/topology/topologycache.h"
#include "sessiontest.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

class TestConsoleSession final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void thresholdsFile_data();
    void thresholdsFile();
    void diskFullWhileRunningShowsTheBanner();
    void trendsAreRestoredAfterStart();
};

void TestConsoleSession::thresholdsFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<double>("maxLag");
    QTest::addColumn<bool>("problem");
    QTest::addRow("tighter lag") << QByteArray(R"({"maxLagSeconds": 5})") << 5.0 << false;
    QTest::addRow("not JSON") << QByteArray("{max") << 30.0 << true;
    QTest::addRow("impossible value") << QByteArray(R"({"maxLagSeconds": -1})") << 30.0 << true;
}

void TestConsoleSession::thresholdsFile()
{
    QFETCH(QByteArray, content);
    QFETCH(double, maxLag);
    QFETCH(bool, problem);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("thresholds.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    ConsoleSession::Options o = Test::sessionOptions(dir);
    o.thresholdsPath = file.fileName();
    ConsoleSession session(o);
    QCOMPARE(session.readinessThresholds().maxLagSeconds, maxLag);
    QCOMPARE(!session.thresholdsProblem().isEmpty(), problem);
    if (problem)
        QVERIFY(session.thresholdsProblem().contains(QStringLiteral("the defaults apply")));
}

void TestConsoleSession::diskFullWhileRunningShowsTheBanner()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    QVERIFY(session.store().isPersistent());
    QVERIFY(!session.mode().isDegraded());
    session.store().setPageLimitForTesting(1);
    Environment environment;
    environment.regions = {Region{QStringLiteral("east"), QStringLiteral("East")}};
    for (int i = 0; i < 200; ++i) {
        SiteEndpoint site;
        site.id = QStringLiteral("site-%1").arg(i);
        site.name = QStringLiteral("A site with a long name to need a new page %1").arg(i);
        site.region = QStringLiteral("east");
        site.url = QStringLiteral("https://127.0.0.1:%1").arg(7000 + i);
        environment.sites.append(site);
    }
    session.setEnvironment(environment); // needs pages the "disk" no longer has
    QVERIFY(!session.store().isPersistent());
    QVERIFY(session.mode().isDegraded());
    QCOMPARE(session.mode().severity(), ModeController::Severity::Critical);
    QVERIFY2(session.mode().bannerText().contains(QStringLiteral("disk is full")),
             qPrintable(session.mode().bannerText()));
    // Nothing is lost for this run: the environment is there, in memory.
    QCOMPARE(session.store().environment().load()->sites.size(), 200);
}

void TestConsoleSession::trendsAreRestoredAfterStart()
{
    QTemporaryDir dir;
    const QString series = MetricHistory::seriesKey(QStringLiteral("sha"), QStringLiteral("db-1"),
                                                    QStringLiteral("cpu"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString database = Test::sessionOptions(dir).databasePath;
    {
        // The metric history has its own file next to the store's.
        MetricStore store;
        QVERIFY(store.open(QFileInfo(database).dir().filePath(QStringLiteral("metric-history.db"))));
        for (int i = 0; i < 6; ++i)
            store.add(MetricPoll{QStringLiteral("sha"), now - 60'000 + i * 5000, {MetricSample{series, 50.0 + i}}});
        QVERIFY(store.flush());
    }
    ConsoleSession session(Test::sessionOptions(dir));
    session.start();
    // Restored off the GUI thread, then a site per event.
    QTRY_VERIFY(session.history().contains(series));
    const QList<MetricBucket> points = session.history().points(series, now - 60'000 - 1000, now);
    QCOMPARE(points.size(), 6);
    QCOMPARE(points.first().mean, 50.0);
    QVERIFY(session.history().trendSource());
}

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
