// SPDX-License-Identifier: GPL-3.0-or-later
// Wall mode, offscreen: views rotate, the clock and the data age are always there, nothing
// opens a dialog, and hours of updates do not make it grow.
#include "app/session/consolesession.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "ui/wall/wallfeature.h"

#include <QApplication>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Haven;

class TestWallWindow final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void rotatesBetweenViews();
    void showsClockAndDataAge();
    void memoryStaysFlatUnderUpdates();

    static void fill(FleetTopology &topology, int sites, int components, int round);
};

void TestWallWindow::fill(FleetTopology &topology, int sites, int components, int round)
{
    if (topology.siteCount() != sites) {
        QList<SiteState> states;
        for (int s = 0; s < sites; ++s) {
            SiteState state;
            state.id = QStringLiteral("s%1").arg(s);
            state.name = QStringLiteral("Site %1").arg(s);
            state.region = QStringLiteral("east");
            states.append(state);
        }
        topology.setSites(states);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int s = 0; s < sites; ++s) {
        TopologySnapshot snapshot;
        snapshot.siteId = QStringLiteral("s%1").arg(s);
        snapshot.epoch = QStringLiteral("e");
        snapshot.revision = quint64(round + 1);
        for (int c = 0; c < components; ++c) {
            Component component;
            component.id = QStringLiteral("c%1").arg(c);
            component.name = QStringLiteral("Component %1").arg(c);
            component.layer = Layer(c % 5);
            component.productGroup = QStringLiteral("payments");
            // Statuses and alerts churn every round, as a bad day would.
            component.status = (c + round) % 17 == 0 ? ComponentStatus::Critical : ComponentStatus::Ok;
            if (component.status == ComponentStatus::Critical)
                component.alerts = {
                    Alert{QStringLiteral("a"), QStringLiteral("critical"), QStringLiteral("CPU above 95 %"), now}};
            component.metrics.insert(QStringLiteral("cpu"), (c * 7 + round) % 100);
            snapshot.components.append(component);
        }
        topology.applySnapshot(snapshot.siteId, snapshot, now, false);
        topology.setReachability(snapshot.siteId, Reachability::Online, {}, now);
    }
}

void TestWallWindow::rotatesBetweenViews()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    fill(session.topology(), 3, 30, 0);
    WallWindow::Options wallOptions;
    wallOptions.rotateSeconds = 1;
    const std::unique_ptr<WallWindow> wallWindow = createWallWindow(session, wallOptions);
    WallWindow &wall = *wallWindow;
    wall.resize(1920, 1080);
    wall.show();
    QCOMPARE(wall.currentView(), QStringLiteral("dashboard"));
    QTRY_COMPARE_WITH_TIMEOUT(wall.currentView(), QStringLiteral("alerts"), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(wall.currentView(), QStringLiteral("dashboard"), 3000);
    // No dialog, ever: the only top-level window is the wall.
    int visibleTopLevels = 0;
    for (QWidget *widget : QApplication::topLevelWidgets())
        visibleTopLevels += widget->isVisible() ? 1 : 0;
    QCOMPARE(visibleTopLevels, 1);
}

void TestWallWindow::showsClockAndDataAge()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    fill(session.topology(), 2, 10, 0);
    const std::unique_ptr<WallWindow> wallWindow = createWallWindow(session);
    WallWindow &wall = *wallWindow;
    wall.resize(1920, 1080);
    wall.show();
    const QString clock = QTime::currentTime().toString(QStringLiteral("HH:mm"));
    bool sawClock = false;
    bool sawAge = false;
    for (QLabel *label : wall.findChildren<QLabel *>()) {
        sawClock |= label->isVisible() && label->text().startsWith(clock.left(3));
        sawAge |= label->isVisible() && label->text().startsWith(QStringLiteral("data "));
    }
    QVERIFY(sawClock);
    QVERIFY(sawAge);
    // Wall fonts are big: readable from 5 m even on this offscreen "screen".
    QLabel *title = wall.findChildren<QLabel *>().first();
    QVERIFY2(QFontInfo(title->font()).pixelSize() >= 24,
             qPrintable(QString::number(QFontInfo(title->font()).pixelSize())));
}

static long residentKiB()
{
    long pages = 0;
    if (FILE *statm = std::fopen("/proc/self/statm", "r")) {
        long size = 0;
        if (std::fscanf(statm, "%ld %ld", &size, &pages) != 2)
            pages = 0;
        std::fclose(statm);
    }
    return pages * 4;
}

void TestWallWindow::memoryStaysFlatUnderUpdates()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    const std::unique_ptr<WallWindow> wallWindow = createWallWindow(session);
    WallWindow &wall = *wallWindow;
    wall.resize(1920, 1080);
    wall.show();
    // Warm up: glyph and pixmap caches, the alert view reaching its full size. Measured: one
    // step of about 6 MB within the first 300 rounds, then flat.
    for (int round = 0; round < 400; ++round) {
        fill(session.topology(), 6, 100, round);
        if (round % 10 == 0) {
            wall.rotate();
            wall.grab();
        }
        QApplication::processEvents();
    }
    const long before = residentKiB();
    // 800 more rounds of 600 changing components, both views painted for real: a leak of even
    // a few bytes per component update would show here.
    for (int round = 400; round < 1200; ++round) {
        fill(session.topology(), 6, 100, round);
        if (round % 10 == 0) {
            wall.rotate();
            wall.grab();
        }
        QApplication::processEvents();
    }
    const long after = residentKiB();
    qInfo("resident memory after warm-up %ld KiB, after 800 more update rounds %ld KiB", before, after);
    QVERIFY2(after - before < 2 * 1024, qPrintable(QStringLiteral("grew by %1 KiB").arg(after - before)));
}

QTEST_MAIN(TestWallWindow)
#include "tst_wallwindow.moc"
