// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/topology/readinesspanel.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QStandardPaths>
#include <QTest>

using namespace Haven;

namespace {

ReadinessReason reason(ReadinessReason::Kind kind, Readiness severity, const QString &text)
{
    ReadinessReason r;
    r.kind = kind;
    r.severity = severity;
    r.text = text;
    return r;
}

ReadinessVerdict verdict(const QString &group, const QString &failed, const QString &emergency, Readiness readiness,
                         QList<ReadinessReason> reasons = {}, double projectedCpu = -1)
{
    static const QHash<QString, QString> names{{QStringLiteral("sha"), QStringLiteral("Shanghai A")},
                                               {QStringLiteral("shb"), QStringLiteral("Shanghai B")},
                                               {QStringLiteral("hzc"), QStringLiteral("Hangzhou C")}};
    ReadinessVerdict v;
    v.productGroup = group;
    v.failedSite = failed;
    v.failedSiteName = names.value(failed);
    v.emergencySite = emergency;
    v.emergencySiteName = names.value(emergency);
    v.verdict = readiness;
    v.reasons = std::move(reasons);
    v.projectedCpu = projectedCpu;
    return v;
}

// What evaluateReadiness() would give for the demo fleet with a few problems: best target first.
QList<ReadinessVerdict> demoVerdicts()
{
    using K = ReadinessReason::Kind;
    const QString acct = QStringLiteral("accounts");
    const QString pay = QStringLiteral("payments");
    const QString trade = QStringLiteral("trading");
    const QString sha = QStringLiteral("sha");
    const QString shb = QStringLiteral("shb");
    const QString hzc = QStringLiteral("hzc");
    return {
        verdict(acct, sha, shb, Readiness::Caution,
                {reason(K::ReplicationLag, Readiness::Caution,
                        QStringLiteral("Replication lag of acct-oracle-01.sha-shb is 42 s, above 30 s"))},
                78),
        verdict(acct, sha, hzc, Readiness::Blocked,
                {reason(K::Unreachable, Readiness::Blocked,
                        QStringLiteral("Hangzhou C's agent does not answer (data 12 min old)"))}),
        verdict(acct, shb, sha, Readiness::Ready, {}, 64),
        verdict(acct, shb, hzc, Readiness::Blocked,
                {reason(K::Unreachable, Readiness::Blocked,
                        QStringLiteral("Hangzhou C's agent does not answer (data 12 min old)"))}),
        verdict(pay, sha, shb, Readiness::Ready, {}, 80),
        verdict(pay, sha, hzc, Readiness::Blocked,
                {reason(K::Unreachable, Readiness::Blocked,
                        QStringLiteral("Hangzhou C's agent does not answer (data 12 min old)"))}),
        verdict(pay, shb, sha, Readiness::Blocked,
                {reason(K::CriticalAlerts, Readiness::Blocked,
                        QStringLiteral("Shanghai A has 2 critical alerts in payments")),
                 reason(K::Capacity, Readiness::Caution,
                        QStringLiteral("Shanghai A: Database layer capacity at 86 %, above the 80 % watermark"))}),
        verdict(pay, shb, hzc, Readiness::Blocked,
                {reason(K::Unreachable, Readiness::Blocked,
                        QStringLiteral("Hangzhou C's agent does not answer (data 12 min old)"))}),
        verdict(trade, sha, shb, Readiness::Ready, {}, 71),
        verdict(trade, shb, sha, Readiness::Ready, {}, 69),
        verdict(trade, hzc, sha, Readiness::Ready,
                {reason(K::FailedSiteStale, Readiness::Ready,
                        QStringLiteral("Hangzhou C's figures are its last known ones (data 12 min old)"))},
                52),
    };
}

QString screenshotDir()
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
    QDir().mkpath(dir);
    return dir;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x12, 0x12, 0x14));
    p.setColor(QPalette::WindowText, QColor(0xf2, 0xf2, 0xf2));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1b, 0x1e));
    p.setColor(QPalette::Text, QColor(0xf2, 0xf2, 0xf2));
    return p;
}

// The chip's fill: a little inside its left end, at its vertical centre.
QColor chipPixel(const ReadinessPanel &panel, const QImage &image, const QString &group, const QString &site)
{
    const QRect cell = panel.cellRect(group, site);
    QFont font = panel.font();
    if (panel.wallMode())
        font.setPointSizeF(font.pointSizeF() * 1.6);
    const int line = QFontMetrics(font).height();
    const qreal dpr = image.devicePixelRatio();
    const QPoint at(cell.left() + line / 4 + line * 4 / 10, cell.top() + line / 4 + line * 67 / 100);
    return image.pixelColor(QPoint(int(at.x() * dpr), int(at.y() * dpr)));
}

} // namespace

class TestReadinessPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void rowsAndCells();
    void toolTipListsEverything();
    void chipsUseStatusColours_data();
    void chipsUseStatusColours();
    void wallModeIsLarger();
    void followsTracker();
    void screenshots();
};

void TestReadinessPanel::rowsAndCells()
{
    ReadinessPanel panel;
    panel.setVerdicts(demoVerdicts());
    QCOMPARE(panel.productGroups(),
             (QStringList{QStringLiteral("accounts"), QStringLiteral("payments"), QStringLiteral("trading")}));
    QCOMPARE(panel.failedSites(), (QStringList{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")}));

    const QString payShaText = panel.cellText(QStringLiteral("payments"), QStringLiteral("sha"));
    QVERIFY2(payShaText.startsWith(QStringLiteral("\u2714 Ready \u2192 Shanghai B")), qPrintable(payShaText));
    const QString acctText = panel.cellText(QStringLiteral("accounts"), QStringLiteral("sha"));
    QVERIFY2(acctText.contains(QStringLiteral("Caution \u2192 Shanghai B\nReplication lag")), qPrintable(acctText));
    const QString blocked = panel.cellText(QStringLiteral("payments"), QStringLiteral("shb"));
    QVERIFY2(blocked.startsWith(QStringLiteral("\u2716 Blocked \u2192 Shanghai A\nShanghai A has 2 critical")),
             qPrintable(blocked));
    // hzc serves no payments traffic: an empty cell.
    QVERIFY(!panel.cell(QStringLiteral("payments"), QStringLiteral("hzc")));
    QVERIFY(panel.cellText(QStringLiteral("payments"), QStringLiteral("hzc")).isEmpty());
}

void TestReadinessPanel::toolTipListsEverything()
{
    ReadinessPanel panel;
    panel.setVerdicts(demoVerdicts());
    const QString tip = panel.cellToolTip(QStringLiteral("payments"), QStringLiteral("shb"));
    QVERIFY(tip.contains(QStringLiteral("if Shanghai B fails, switch over to Shanghai A")));
    QVERIFY(tip.contains(QStringLiteral("2 critical alerts in payments")));
    QVERIFY(tip.contains(QStringLiteral("86 %, above the 80 % watermark")));
    QVERIFY(tip.contains(QStringLiteral("Other emergency sites")));
    QVERIFY(tip.contains(QStringLiteral("Hangzhou C: Blocked")));
    QVERIFY(tip.contains(QStringLiteral("Hangzhou C&#39;s agent does not answer"))
            || tip.contains(QStringLiteral("Hangzhou C's agent")));
}

void TestReadinessPanel::chipsUseStatusColours_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addColumn<bool>("wall");
    QTest::addRow("light") << false << false;
    QTest::addRow("dark") << true << false;
    QTest::addRow("dark wall") << true << true;
}

void TestReadinessPanel::chipsUseStatusColours()
{
    QFETCH(bool, dark);
    QFETCH(bool, wall);
    ReadinessPanel panel;
    if (dark)
        panel.setPalette(darkPalette());
    panel.setWallMode(wall);
    panel.setVerdicts(demoVerdicts());
    panel.resize(panel.sizeHint());
    const QImage image = panel.grab().toImage();
    const ColorScheme scheme = dark ? ColorScheme::Dark : ColorScheme::Light;
    const struct
    {
        const char *group;
        const char *site;
        ComponentStatus status;
    } cells[] = {
        {"payments", "sha", ComponentStatus::Ok},
        {"accounts", "sha", ComponentStatus::Warning},
        {"payments", "shb", ComponentStatus::Critical},
    };
    for (const auto &c : cells) {
        const QColor seen = chipPixel(panel, image, QLatin1StringView(c.group), QLatin1StringView(c.site));
        const QColor wanted = StatusColors::style(c.status, scheme).fill;
        QVERIFY2(seen == wanted, qPrintable(QStringLiteral("%1/%2: %3 instead of %4")
                                                .arg(QLatin1StringView(c.group), QLatin1StringView(c.site), seen.name(),
                                                     wanted.name())));
    }
}

void TestReadinessPanel::wallModeIsLarger()
{
    ReadinessPanel panel;
    panel.setVerdicts(demoVerdicts());
    const QSize desk = panel.sizeHint();
    panel.setWallMode(true);
    QVERIFY(panel.wallMode());
    const QSize wall = panel.sizeHint();
    QVERIFY2(wall.height() > desk.height() * 14 / 10,
             qPrintable(QStringLiteral("%1 vs %2").arg(wall.height()).arg(desk.height())));
    QVERIFY(wall.width() > desk.width());
}

void TestReadinessPanel::followsTracker()
{
    FleetTopology topology;
    SiteState a;
    a.id = QStringLiteral("a");
    a.name = QStringLiteral("Site A");
    SiteState b = a;
    b.id = QStringLiteral("b");
    b.name = QStringLiteral("Site B");
    topology.setSites({a, b});
    ReadinessTracker tracker(topology);
    ReadinessPanel panel;
    panel.setTracker(&tracker);
    QVERIFY(panel.productGroups().isEmpty());

    TopologySnapshot snap;
    snap.traffic.insert(QStringLiteral("payments"), 100);
    topology.applySnapshot(QStringLiteral("a"), snap, QDateTime::currentDateTimeUtc(), false);
    tracker.evaluateNow();
    QCOMPARE(panel.productGroups(), QStringList{QStringLiteral("payments")});
    const auto cell = panel.cell(QStringLiteral("payments"), QStringLiteral("a"));
    QVERIFY(cell);
    QCOMPARE(cell->emergencySite, QStringLiteral("b"));
    QVERIFY(cell->verdict == Readiness::Blocked); // b runs nothing of payments and is still connecting
}

void TestReadinessPanel::screenshots()
{
    const QString dir = screenshotDir();
    for (const bool dark : {false, true}) {
        for (const bool wall : {false, true}) {
            ReadinessPanel panel;
            if (dark)
                panel.setPalette(darkPalette());
            panel.setAutoFillBackground(true);
            panel.setWallMode(wall);
            panel.setVerdicts(demoVerdicts());
            panel.resize(wall ? QSize(1800, panel.sizeHint().height()) : panel.sizeHint());
            const QString file = dir
                                 + QStringLiteral("/readinesspanel-%1%2.png")
                                       .arg(dark ? QStringLiteral("dark") : QStringLiteral("light"),
                                            wall ? QStringLiteral("-wall") : QString());
            QVERIFY(panel.grab().save(file));
            qInfo("screenshot %s", qPrintable(file));
        }
    }
}

QTEST_MAIN(TestReadinessPanel)
#include "tst_readinesspanel.moc"
