// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/store/metrichistory.h"
#include "widgets/common/metricplot.h"
#include "widgets/topology/componentdetails.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

#include <cmath>

using namespace Haven;

namespace {

const QString sha = QStringLiteral("sha");
const QString shb = QStringLiteral("shb");

Component component(const QString &id, const QString &name, Layer layer, QMap<QString, double> metrics)
{
    Component c;
    c.id = id;
    c.name = name;
    c.layer = layer;
    c.kind = QStringLiteral("mysql");
    c.productGroup = QStringLiteral("payments");
    c.host = id + QStringLiteral(".example");
    c.status = ComponentStatus::Ok;
    c.metrics = std::move(metrics);
    return c;
}

ReplicationLink link(const QString &reportingSite)
{
    ReplicationLink l;
    l.id = QStringLiteral("pay-mysql-01.sha-shb");
    l.fromSite = sha;
    l.fromComponent = QStringLiteral("sha-pay-mysql-01");
    l.toSite = shb;
    l.toComponent = QStringLiteral("shb-pay-mysql-01");
    l.role = reportingSite == sha ? ReplicationRole::Primary : ReplicationRole::Standby;
    l.lagSeconds = 42;
    l.state = ReplicationState::Lagging;
    return l;
}

struct Fixture
{
    FleetTopology topology;
    MetricHistory history;
    TopologySnapshot shaSnapshot;

    Fixture()
    {
        SiteState a;
        a.id = sha;
        a.name = QStringLiteral("Shanghai A");
        a.reachability = Reachability::Online;
        SiteState b = a;
        b.id = shb;
        b.name = QStringLiteral("Shanghai B");
        topology.setSites({a, b});

        shaSnapshot.siteId = sha;
        Component db = component(QStringLiteral("sha-pay-mysql-01"), QStringLiteral("MySQL payments primary"),
                                 Layer::Database,
                                 {{QStringLiteral("cpu"), 44},
                                  {QStringLiteral("memory"), 75},
                                  {QStringLiteral("latencyMs"), 3.3},
                                  {QStringLiteral("capacity"), 62},
                                  {QStringLiteral("qps"), 6494.4}});
        db.alerts << Alert{QStringLiteral("a1"), QStringLiteral("critical"), QStringLiteral("Disk almost full"),
                           QDateTime::currentDateTimeUtc().addSecs(-600)}
                  << Alert{QStringLiteral("a2"), QStringLiteral("warning"), QStringLiteral("Slow queries"),
                           QDateTime::currentDateTimeUtc().addSecs(-60)};
        Component api = component(QStringLiteral("sha-pay-api-01"), QStringLiteral("Payments API 01"), Layer::Business,
                                  {{QStringLiteral("cpu"), 37}});
        Component proxy = component(QStringLiteral("sha-pay-proxysql-01"), QStringLiteral("ProxySQL"), Layer::Database,
                                    {{QStringLiteral("cpu"), 20}});
        shaSnapshot.components << db << api << proxy;
        shaSnapshot.dependencies << Dependency{api.id, proxy.id} << Dependency{proxy.id, db.id};
        shaSnapshot.replication << link(sha);
        topology.applySnapshot(sha, shaSnapshot, QDateTime::currentDateTimeUtc(), false);

        // 20 minutes of samples every 10 s: cpu swings between 30 and 70, the lag climbs.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (qint64 t = now - 20 * 60 * 1000; t <= now; t += 5000) {
            const double phase = double(t % 600000) / 600000.0 * 2 * M_PI;
            history.add(MetricHistory::seriesKey(sha, db.id, QStringLiteral("cpu")), t, 50 + 20 * std::sin(phase));
            history.add(MetricHistory::seriesKey(sha, db.id, QStringLiteral("memory")), t, 75);
            history.add(MetricHistory::seriesKey(sha, db.id, QStringLiteral("latencyMs")), t,
                        3 + 2 * std::abs(std::sin(phase * 3)));
            history.add(MetricHistory::seriesKey(sha, db.id, QStringLiteral("capacity")), t,
                        60 + double(t - (now - 20 * 60 * 1000)) / (20 * 60 * 1000) * 25);
            history.add(MetricHistory::seriesKey(sha, QStringLiteral("link:") + link(sha).id,
                                                 QStringLiteral("lagSeconds")),
                        t, 5 + double(t - (now - 20 * 60 * 1000)) / (20 * 60 * 1000) * 40);
        }
    }
};

QString fact(const ComponentDetails &details, const QString &key)
{
    const auto *label = details.findChild<QLabel *>(QStringLiteral("fact-") + key);
    return label ? label->text() : QString();
}

QString screenshotDir()
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

} // namespace

class TestComponentDetails final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void showsFacts();
    void listsAlertsNewestFirst();
    void dependencies();
    void plotsGetPoints();
    void plotWindows_data();
    void plotWindows();
    void followsLiveChanges();
    void replicationLink();
    void metricPlotAlone();
    void screenshots();
};

void TestComponentDetails::showsFacts()
{
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showComponent(sha, QStringLiteral("sha-pay-mysql-01"));
    QCOMPARE(details.findChild<QLabel *>(QStringLiteral("title"))->text(), QStringLiteral("MySQL payments primary"));
    QCOMPARE(fact(details, QStringLiteral("site")), QStringLiteral("Shanghai A"));
    QCOMPARE(fact(details, QStringLiteral("layer")), QStringLiteral("Database"));
    QCOMPARE(fact(details, QStringLiteral("kind")), QStringLiteral("mysql"));
    QCOMPARE(fact(details, QStringLiteral("productGroup")), QStringLiteral("payments"));
    QCOMPARE(fact(details, QStringLiteral("host")), QStringLiteral("sha-pay-mysql-01.example"));
    QCOMPARE(fact(details, QStringLiteral("status")), QStringLiteral("OK"));
    QCOMPARE(fact(details, QStringLiteral("metric-cpu")), QStringLiteral("44.0 %"));
    QCOMPARE(fact(details, QStringLiteral("metric-latencyMs")), QStringLiteral("3.3 ms"));
    QCOMPARE(fact(details, QStringLiteral("metric-qps")), QStringLiteral("6494 /s"));
}

void TestComponentDetails::listsAlertsNewestFirst()
{
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showComponent(sha, QStringLiteral("sha-pay-mysql-01"));
    const auto *alerts = details.findChild<QTreeWidget *>(QStringLiteral("alerts"));
    QVERIFY(alerts);
    QCOMPARE(alerts->topLevelItemCount(), 2);
    QCOMPARE(alerts->topLevelItem(0)->text(1), QStringLiteral("Slow queries"));
    QVERIFY(alerts->topLevelItem(0)->text(0).contains(QStringLiteral("Warning")));
    QCOMPARE(alerts->topLevelItem(1)->text(1), QStringLiteral("Disk almost full"));
    QVERIFY(alerts->topLevelItem(1)->text(0).contains(QStringLiteral("Critical")));
    QVERIFY2(alerts->topLevelItem(1)->text(2).contains(QStringLiteral("(10 min ago)")),
             qPrintable(alerts->topLevelItem(1)->text(2)));
}

void TestComponentDetails::dependencies()
{
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showComponent(sha, QStringLiteral("sha-pay-proxysql-01"));
    const auto *dependsOn = details.findChild<QListWidget *>(QStringLiteral("dependsOn"));
    const auto *neededBy = details.findChild<QListWidget *>(QStringLiteral("neededBy"));
    QCOMPARE(dependsOn->count(), 1);
    QVERIFY(dependsOn->item(0)->text().contains(QStringLiteral("MySQL payments primary")));
    QCOMPARE(neededBy->count(), 1);
    QVERIFY(neededBy->item(0)->text().contains(QStringLiteral("Payments API 01")));

    QSignalSpy spy(&details, &ComponentDetails::componentActivated);
    Q_EMIT const_cast<QListWidget *>(dependsOn)->itemActivated(dependsOn->item(0));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("sha-pay-mysql-01"));
}

void TestComponentDetails::plotsGetPoints()
{
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showComponent(sha, QStringLiteral("sha-pay-mysql-01"));
    const QList<MetricPlot *> plots = details.plots();
    QCOMPARE(plots.size(), 4);
    QCOMPARE(plots.at(0)->objectName(), QStringLiteral("plot-cpu"));
    QCOMPARE(plots.at(3)->objectName(), QStringLiteral("plot-capacity"));
    for (MetricPlot *plot : plots) {
        plot->refresh();
        // 15 minutes of raw samples every 5 s from the live ring, give or take a boundary.
        QVERIFY2(plot->pointCount(0) >= 179 && plot->pointCount(0) <= 182,
                 qPrintable(QStringLiteral("%1: %2").arg(plot->objectName()).arg(plot->pointCount(0))));
    }
    QCOMPARE(plots.at(0)->thresholdCount(), 1); // cpu ceiling
    QCOMPARE(plots.at(1)->thresholdCount(), 0);
    QCOMPARE(plots.at(3)->thresholdCount(), 1); // watermark
    // The value axis holds the data (max 70) and the ceiling (85).
    QVERIFY(plots.at(0)->valueAxisMaximum() >= 85);
    QCOMPARE(plots.at(0)->valueAxisMinimum(), 0.0);

    // The application has only cpu: one plot.
    details.showComponent(sha, QStringLiteral("sha-pay-api-01"));
    QCOMPARE(details.plots().size(), 1);
    details.plots().constFirst()->refresh();
    QCOMPARE(details.plots().constFirst()->pointCount(0), 0); // no history for it
}

void TestComponentDetails::plotWindows_data()
{
    QTest::addColumn<MetricPlot::Window>("window");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("maximum");
    // 20 minutes of samples every 5 s; without a trend source the plot draws what the live
    // ring holds: 180 for the last 15 min, all of its 200 polls for longer windows.
    QTest::addRow("15 min") << MetricPlot::Window::Minutes15 << 179 << 182;
    QTest::addRow("6 h") << MetricPlot::Window::Hours6 << 200 << 200;
    QTest::addRow("24 h") << MetricPlot::Window::Hours24 << 200 << 200;
    QTest::addRow("30 d") << MetricPlot::Window::Days30 << 200 << 200;
}

void TestComponentDetails::plotWindows()
{
    QFETCH(MetricPlot::Window, window);
    QFETCH(int, minimum);
    QFETCH(int, maximum);
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showComponent(sha, QStringLiteral("sha-pay-mysql-01"));
    details.setWindow(window);
    for (MetricPlot *plot : details.plots()) {
        QCOMPARE(plot->window(), window);
        plot->refresh();
        QVERIFY2(plot->pointCount(0) >= minimum && plot->pointCount(0) <= maximum,
                 qPrintable(QString::number(plot->pointCount(0))));
    }
}

void TestComponentDetails::followsLiveChanges()
{
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showComponent(sha, QStringLiteral("sha-pay-mysql-01"));
    const QList<MetricPlot *> before = details.plots();

    TopologyChanges changes;
    changes.siteId = sha;
    changes.since = 0;
    changes.revision = 1;
    Component db = f.shaSnapshot.components.constFirst();
    db.status = ComponentStatus::Down;
    db.metrics[QStringLiteral("cpu")] = 0;
    db.alerts << Alert{QStringLiteral("a3"), QStringLiteral("critical"), QStringLiteral("mysqld not running"),
                       QDateTime::currentDateTimeUtc()};
    db.revision = 1;
    changes.components << db;
    QVERIFY(f.topology.applyChanges(sha, changes, QDateTime::currentDateTimeUtc()));

    QCOMPARE(fact(details, QStringLiteral("status")), QStringLiteral("Down"));
    QCOMPARE(fact(details, QStringLiteral("metric-cpu")), QStringLiteral("0.0 %"));
    QCOMPARE(details.findChild<QTreeWidget *>(QStringLiteral("alerts"))->topLevelItemCount(), 3);
    QCOMPARE(details.plots(), before); // the plots stay; only the texts changed

    changes.components.clear();
    changes.since = 1;
    changes.revision = 2;
    changes.removedComponents << db.id;
    QVERIFY(f.topology.applyChanges(sha, changes, QDateTime::currentDateTimeUtc()));
    QVERIFY(details.findChild<QLabel *>(QStringLiteral("title"))->text().contains(QStringLiteral("no longer reported")));
    QCOMPARE(details.plots().size(), 4); // the last trends stay
}

void TestComponentDetails::replicationLink()
{
    Fixture f;
    ComponentDetails details(f.topology, f.history);
    details.showLink(sha, QStringLiteral("pay-mysql-01.sha-shb"));
    QCOMPARE(details.linkId(), QStringLiteral("pay-mysql-01.sha-shb"));
    QCOMPARE(fact(details, QStringLiteral("from")), QStringLiteral("Shanghai A · MySQL payments primary"));
    QCOMPARE(fact(details, QStringLiteral("to")), QStringLiteral("Shanghai B · shb-pay-mysql-01"));
    QCOMPARE(fact(details, QStringLiteral("role")), QStringLiteral("primary"));
    QCOMPARE(fact(details, QStringLiteral("lag")), QStringLiteral("42.0 s"));
    QCOMPARE(fact(details, QStringLiteral("state")), QStringLiteral("lagging"));
    QCOMPARE(details.plots().size(), 1);
    MetricPlot *lag = details.plots().constFirst();
    QCOMPARE(lag->objectName(), QStringLiteral("plot-lagSeconds"));
    QCOMPARE(lag->thresholdCount(), 1);
    lag->refresh();
    QVERIFY(lag->pointCount(0) >= 89);
}

void TestComponentDetails::metricPlotAlone()
{
    MetricHistory history;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Two series; the second has a gap of five minutes, which breaks its line but adds no points.
    for (qint64 t = now - 10 * 60 * 1000; t <= now; t += 10000) {
        history.add(QStringLiteral("s/a/cpu"), t, 10);
        if (t < now - 8 * 60 * 1000 || t > now - 3 * 60 * 1000)
            history.add(QStringLiteral("s/b/cpu"), t, 200);
    }
    MetricPlot plot(history);
    QSignalSpy spy(&plot, &MetricPlot::windowChanged);
    plot.setSeries({QStringLiteral("s/a/cpu"), QStringLiteral("s/b/cpu")}, {QStringLiteral("a"), QStringLiteral("b")});
    QVERIFY(plot.pointCount(0) >= 60 && plot.pointCount(0) <= 62);
    QVERIFY(plot.pointCount(1) >= 30 && plot.pointCount(1) <= 32);
    QVERIFY(plot.valueAxisMaximum() >= 200);
    plot.setThreshold(150, QStringLiteral("x"));
    plot.setThreshold(150, QStringLiteral("x")); // the same line once
    QCOMPARE(plot.thresholdCount(), 1);
    plot.clearThresholds();
    QCOMPARE(plot.thresholdCount(), 0);
    plot.setWindow(MetricPlot::Window::Hours6);
    QCOMPARE(spy.size(), 1);
    QVERIFY(plot.pointCount(0) >= 60 && plot.pointCount(0) <= 62); // still 10 s buckets: all within the hour
    QCOMPARE(MetricPlot::windowMs(MetricPlot::Window::Hours24), qint64(24) * 3600 * 1000);
}

void TestComponentDetails::screenshots()
{
    Fixture f;
    for (const bool dark : {false, true}) {
        ComponentDetails details(f.topology, f.history);
        if (dark) {
            QPalette p;
            p.setColor(QPalette::Window, QColor(0x12, 0x12, 0x14));
            p.setColor(QPalette::WindowText, QColor(0xf2, 0xf2, 0xf2));
            p.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1e));
            p.setColor(QPalette::AlternateBase, QColor(0x24, 0x24, 0x28));
            p.setColor(QPalette::Text, QColor(0xf2, 0xf2, 0xf2));
            p.setColor(QPalette::Button, QColor(0x24, 0x24, 0x28));
            p.setColor(QPalette::ButtonText, QColor(0xf2, 0xf2, 0xf2));
            details.setPalette(p);
        }
        details.resize(760, 1250);
        details.showComponent(sha, QStringLiteral("sha-pay-mysql-01"));
        details.show();
        QVERIFY(QTest::qWaitForWindowExposed(&details));
        QTest::qWait(50);
        const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
        QVERIFY(details.grab().save(screenshotDir() + QStringLiteral("/componentdetails-%1.png").arg(suffix)));
        details.showLink(sha, QStringLiteral("pay-mysql-01.sha-shb"));
        details.resize(760, 560);
        QTest::qWait(50);
        QVERIFY(details.grab().save(screenshotDir() + QStringLiteral("/componentdetails-link-%1.png").arg(suffix)));
    }
}

QTEST_MAIN(TestComponentDetails)
#include "tst_componentdetails.moc"
