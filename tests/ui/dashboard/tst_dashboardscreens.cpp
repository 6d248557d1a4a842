// SPDX-License-Identifier: GPL-3.0-or-later
// Screenshots of the dashboard on the demo sites, against real agents, at 1920×1080 and
// 3840×2160, saved under the build directory's screenshots/ for people to look at.
#include "agenttest.h"
#include "app/session/consolesession.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/shell/features.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"
#include "ui/wall/wallfeature.h"
#include "widgets/common/statuscolors.h"

#include <QApplication>
#include <QDir>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class TestDashboardScreens final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void desktop_data();
    void desktop();
    void wall_data();
    void wall();

private:
    static int pixelsOf(const QImage &image, const QColor &color);
    QString save(const QImage &image, const QString &name) const;

    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agents[3];
    std::unique_ptr<ConsoleSession> m_session;
};

void TestDashboardScreens::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString ids[3] = {QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")};
    QJsonArray sites;
    for (int i = 0; i < 3; ++i) {
        m_agents[i] = std::make_unique<AgentProcess>(m_dir.filePath(ids[i]));
        AgentProcess::Options options;
        options.profile = AgentProcess::demoProfile(ids[i]);
        options.speed = 1;
        QVERIFY(m_agents[i]->start(options));
        sites.append(QJsonObject{{QStringLiteral("id"), ids[i]},
                                 {QStringLiteral("url"), m_agents[i]->url()},
                                 {QStringLiteral("token"), QString::fromLatin1(m_agents[i]->token())}});
    }
    const QString fleet = m_dir.filePath(QStringLiteral("fleet.json"));
    QFile file(fleet);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                                         {QStringLiteral("version"), 1},
                                         {QStringLiteral("sites"), sites}})
                   .toJson());
    file.close();

    m_session = std::make_unique<ConsoleSession>(sessionOptions(m_dir, QStringLiteral("console")));
    m_session->start();
    QString error;
    QVERIFY2(m_session->importFile(fleet, &error), qPrintable(error));
    const FleetTopology &topology = m_session->topology();
    QVERIFY(waitUntil(
        [&] {
        if (topology.componentCount() != 150)
            return false;
        for (const QString &id : topology.siteIds()) {
            if (topology.site(id)->reachability != Reachability::Online)
                return false;
        }
        return true;
        },
        20'000));
}

void TestDashboardScreens::cleanupTestCase()
{
    m_session.reset();
    for (auto &agent : m_agents)
        agent.reset();
}

int TestDashboardScreens::pixelsOf(const QImage &image, const QColor &color)
{
    int count = 0;
    const QRgb wanted = color.rgb();
    for (int y = 0; y < image.height(); y += 2) {
        const QRgb *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); x += 2)
            count += (line[x] & 0xFFFFFF) == (wanted & 0xFFFFFF) ? 1 : 0;
    }
    return count;
}

QString TestDashboardScreens::save(const QImage &image, const QString &name) const
{
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    const QString path = QStringLiteral(HAVEN_SCREENSHOT_DIR "/") + name;
    image.save(path);
    qInfo("saved %s", qPrintable(path));
    return path;
}

void TestDashboardScreens::desktop_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("dark");
    QTest::addRow("1920x1080 light") << QSize(1920, 1080) << false;
    QTest::addRow("1920x1080 dark") << QSize(1920, 1080) << true;
    QTest::addRow("3840x2160 light") << QSize(3840, 2160) << false;
}

void TestDashboardScreens::desktop()
{
    QFETCH(QSize, size);
    QFETCH(bool, dark);
    const ColorScheme scheme = dark ? ColorScheme::Dark : ColorScheme::Light;
    Theme::apply(*qApp, scheme);
    const std::unique_ptr<MainWindow> console = createConsoleWindow(*m_session);
    MainWindow &window = *console;
    window.resize(size);
    window.show();
    window.showPage(QStringLiteral("dashboard"));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(1500); // readiness evaluated, zoomed to fit
    const QImage image = window.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(image.size(), size);
    save(image, QStringLiteral("dashboard-%1x%2-%3.png")
                    .arg(size.width())
                    .arg(size.height())
                    .arg(dark ? QStringLiteral("dark") : QStringLiteral("light")));
    // The sites are on screen: healthy tiles in their colour cover a real share of it.
    const int ok = pixelsOf(image, StatusColors::style(ComponentStatus::Ok, scheme).fill);
    QVERIFY2(ok > 500, qPrintable(QString::number(ok)));
}

void TestDashboardScreens::wall_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addRow("1920x1080") << QSize(1920, 1080);
    QTest::addRow("3840x2160") << QSize(3840, 2160);
}

void TestDashboardScreens::wall()
{
    QFETCH(QSize, size);
    Theme::apply(*qApp, ColorScheme::Dark);
    WallWindow::Options options;
    options.rotateSeconds = 0;
    const std::unique_ptr<WallWindow> wallWindow = createWallWindow(*m_session, options);
    WallWindow &wall = *wallWindow;
    wall.resize(size);
    wall.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    QTest::qWait(1500);
    const QImage image = wall.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(image.size(), size);
    save(image, QStringLiteral("wall-%1x%2.png").arg(size.width()).arg(size.height()));
    const int ok = pixelsOf(image, StatusColors::style(ComponentStatus::Ok, ColorScheme::Dark).fill);
    QVERIFY2(ok > 500, qPrintable(QString::number(ok)));
    wall.showView(QStringLiteral("alerts"));
    QTest::qWait(200);
    save(wall.grab().toImage(), QStringLiteral("wall-alerts-%1x%2.png").arg(size.width()).arg(size.height()));
}

QTEST_MAIN(TestDashboardScreens)
#include "tst_dashboardscreens.moc"
