// SPDX-License-Identifier: GPL-3.0-or-later
// The console's shell: features register pages, menu actions and destinations; a feature the
// window has never heard of adds a page without any change to MainWindow; the navigator sends
// the person to a feature's page. The whole console: an empty one says how to add or import
// sites, and a file given with --environment is imported or the window says why not.
#include "app/executions/executionengine.h"
#include "app/fleet/modecontroller.h"
#include "app/session/consolesession.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/environment/environmentpage.h"
#include "ui/executions/executionpage.h"
#include "ui/shell/features.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;

namespace {

// A feature MainWindow does not know: a page, an action in a menu of its own, a destination.
class ProbeFeature final : public QObject
{
public:
    ProbeFeature(Shell &shell, QObject *parent)
        : QObject(parent)
        , m_label(new QLabel)
    {
        shell.addPage(QStringLiteral("probe"), QStringLiteral("Probe"), m_label);
        auto *action = new QAction(QStringLiteral("Probe something"), this);
        Navigator &navigator = shell.navigator();
        connect(action, &QAction::triggered, this,
                [&navigator] { navigator.navigate(QStringLiteral("probe"), QStringLiteral("from the menu")); });
        shell.addAction(QStringLiteral("probe"), QStringLiteral("&Probe"), action);
        shell.addDestination(QStringLiteral("probe"), [this, &navigator](const QString &id) {
            m_label->setText(id);
            navigator.showPage(QStringLiteral("probe"));
        });
    }

    QLabel *m_label;
};

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

QByteArray fleetFile(const QString &siteId)
{
    const QJsonObject site{{QStringLiteral("id"), siteId},
                           {QStringLiteral("url"), QStringLiteral("https://127.0.0.1:1")},
                           {QStringLiteral("token"), QStringLiteral("not-a-real-token-0123456789")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                                     {QStringLiteral("version"), 1},
                                     {QStringLiteral("sites"), QJsonArray{site}}})
        .toJson();
}

// The console as haven starts it, on screen.
std::unique_ptr<MainWindow> showConsole(ConsoleSession &session)
{
    std::unique_ptr<MainWindow> window = createConsoleWindow(session);
    window->resize(1440, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qWarning("the window was not exposed");
    return window;
}

QMessageBox *importProblem(QWidget &window)
{
    return window.findChild<QMessageBox *>(QStringLiteral("environmentImportProblem"));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void aFeatureRegistersWithoutChangingTheWindow();
    void unknownDestinationsAndPagesAreRefused();
    void consoleFeaturesRegisterTheirPagesAndMenus();
    void navigatingToAnExecutionShowsTheSwitchoverPage();
    void emptyConsoleSaysHowToAddSites();
    void environmentFileIsImported();
    void environmentFileThatCannotBeImportedSaysWhy_data();
    void environmentFileThatCannotBeImportedSaysWhy();

private:
    static void saveScreenshot(QWidget &widget, const QString &name);
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMainWindow::saveScreenshot(QWidget &widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    const QString path = QStringLiteral(HAVEN_SCREENSHOT_DIR "/") + name;
    QVERIFY2(widget.grab().save(path), qPrintable(path));
    qInfo("saved %s", qPrintable(path));
}

void TestMainWindow::aFeatureRegistersWithoutChangingTheWindow()
{
    FleetTopology topology;
    ModeController mode(topology);
    MainWindow window(topology, mode);
    auto *first = new QLabel(QStringLiteral("first page"));
    window.addPage(QStringLiteral("first"), QStringLiteral("First"), first);
    auto *feature = new ProbeFeature(window, &window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QCOMPARE(window.pageIds(), (QStringList{QStringLiteral("first"), QStringLiteral("probe")}));
    QCOMPARE(window.currentPageId(), QStringLiteral("first")); // the console opens on the first page
    QCOMPARE(window.page(QStringLiteral("probe")), static_cast<QWidget *>(feature->m_label));
    QVERIFY(window.navigator().hasDestination(QStringLiteral("probe")));

    // Its destination, through the navigator: the page shows what it was sent.
    QVERIFY(window.navigator().navigate(QStringLiteral("probe"), QStringLiteral("42")));
    QCOMPARE(window.currentPageId(), QStringLiteral("probe"));
    QVERIFY(feature->m_label->isVisible());
    QVERIFY(!first->isVisible());
    QCOMPARE(feature->m_label->text(), QStringLiteral("42"));

    // Its menu, made by the shell the first time the feature asked for it.
    QMenu *menu = window.menu(QStringLiteral("probe"));
    QVERIFY(menu);
    QCOMPARE(menu->title(), QStringLiteral("&Probe"));
    QCOMPARE(menu->actions().size(), 1);
    QVERIFY(window.navigator().showPage(QStringLiteral("first")));
    menu->actions().constFirst()->trigger();
    QCOMPARE(window.currentPageId(), QStringLiteral("probe"));
    QCOMPARE(feature->m_label->text(), QStringLiteral("from the menu"));
}

void TestMainWindow::unknownDestinationsAndPagesAreRefused()
{
    FleetTopology topology;
    ModeController mode(topology);
    MainWindow window(topology, mode);
    window.addPage(QStringLiteral("first"), QStringLiteral("First"), new QLabel);
    QTest::ignoreMessage(QtWarningMsg, "Navigator: no feature goes to \"nowhere\"");
    QVERIFY(!window.navigator().navigate(QStringLiteral("nowhere"), QStringLiteral("1")));
    QVERIFY(!window.navigator().showPage(QStringLiteral("nowhere")));
    QCOMPARE(window.currentPageId(), QStringLiteral("first"));
    // A second page under the same id would make showPage() ambiguous: it is not added.
    QTest::ignoreMessage(QtWarningMsg, "MainWindow: page \"first\" added twice, the later one is ignored");
    window.addPage(QStringLiteral("first"), QStringLiteral("Again"), new QLabel);
    QCOMPARE(window.pageIds(), QStringList{QStringLiteral("first")});
}

void TestMainWindow::consoleFeaturesRegisterTheirPagesAndMenus()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    const std::unique_ptr<MainWindow> window = createConsoleWindow(session);
    QCOMPARE(window->pageIds(),
             (QStringList{QStringLiteral("dashboard"), QStringLiteral("sites"), QStringLiteral("plans"),
                          QStringLiteral("execution"), QStringLiteral("inspections"), QStringLiteral("drills"),
                          QStringLiteral("environment")}));
    QCOMPARE(window->currentPageId(), QStringLiteral("dashboard"));
    for (const QString &destination : {QStringLiteral("execution"), QStringLiteral("ticket"), QStringLiteral("drill"),
                                       QStringLiteral("environment"), QStringLiteral("import")})
        QVERIFY2(window->navigator().hasDestination(destination), qPrintable(destination));
    QMenu *execution = window->menu(QStringLiteral("execution"));
    QVERIFY(execution);
    QCOMPARE(execution->title(), QStringLiteral("&Execution"));
    QStringList texts;
    for (QAction *action : execution->actions())
        texts.append(action->isSeparator() ? QStringLiteral("--") : action->text());
    QCOMPARE(texts, (QStringList{QStringLiteral("New ticket…"), QStringLiteral("--"),
                                 QStringLiteral("Require a second approver")}));
    QCOMPARE(execution->actions().constFirst()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
}

void TestMainWindow::navigatingToAnExecutionShowsTheSwitchoverPage()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    const std::unique_ptr<MainWindow> window = showConsole(session);
    auto *page = qobject_cast<ExecutionPage *>(window->page(QStringLiteral("execution")));
    QVERIFY(page);
    QVERIFY(!page->isVisible());
    QVERIFY(window->navigator().navigate(QStringLiteral("execution"), QStringLiteral("no-such-execution")));
    QCOMPARE(window->currentPageId(), QStringLiteral("execution"));
    QVERIFY(page->isVisible());
}

void TestMainWindow::emptyConsoleSaysHowToAddSites()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    session.start();
    const std::unique_ptr<MainWindow> window = showConsole(session);
    auto *dashboard = qobject_cast<DashboardPage *>(window->page(QStringLiteral("dashboard")));
    QVERIFY(dashboard);
    QVERIFY(dashboard->showsEmptyHint());
    QVERIFY(dashboard->addSitesButton()->isVisible());
    QVERIFY(dashboard->importButton()->isVisible());
    saveScreenshot(*window, QStringLiteral("console-empty-1440x900.png"));

    // "Add sites…" goes to the Environment page.
    QTest::mouseClick(dashboard->addSitesButton(), Qt::LeftButton);
    QCOMPARE(window->currentPageId(), QStringLiteral("environment"));

    // Once the console knows a site, the dashboard shows the map again.
    FleetTopology &topology = session.topology();
    SiteState site;
    site.id = QStringLiteral("sha");
    topology.setSites({site});
    QVERIFY(!dashboard->showsEmptyHint());
    topology.setSites({});
    QVERIFY(dashboard->showsEmptyHint());
}

void TestMainWindow::environmentFileIsImported()
{
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    session.start();
    const std::unique_ptr<MainWindow> window = showConsole(session);
    const QString path = writeFile(dir, QStringLiteral("fleet.json"), fleetFile(QStringLiteral("sha")));
    QVERIFY(!path.isEmpty());

    // What main() does with haven --environment FILE.
    QVERIFY(window->navigator().navigate(QStringLiteral("import"), path));
    QVERIFY(!importProblem(*window));
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("Imported 1 site")),
             qPrintable(window->statusBar()->currentMessage()));
    QTRY_COMPARE(session.environment().sites.size(), 1);
    QCOMPARE(session.environment().sites.constFirst().id, QStringLiteral("sha"));
    auto *dashboard = qobject_cast<DashboardPage *>(window->page(QStringLiteral("dashboard")));
    QTRY_VERIFY(!dashboard->showsEmptyHint());
    // The Environment page follows what the session imported.
    auto *environment = qobject_cast<EnvironmentPage *>(window->page(QStringLiteral("environment")));
    QCOMPARE(environment->environment().sites.size(), 1);
}

void TestMainWindow::environmentFileThatCannotBeImportedSaysWhy_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("reason");
    QTest::addRow("not JSON") << QByteArray("{ \"sites\": [") << QStringLiteral("not valid JSON");
    QTest::addRow("a site without address") << QByteArray(R"({"format": "haven-fleet", "version": 1,
        "sites": [{"id": "sha", "url": "", "token": "t"}]})")
                                            << QStringLiteral("problem");
    QTest::addRow("missing") << QByteArray() << QStringLiteral("Cannot open");
}

void TestMainWindow::environmentFileThatCannotBeImportedSaysWhy()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, reason);
    QTemporaryDir dir;
    ConsoleSession session(Test::sessionOptions(dir));
    session.start();
    const std::unique_ptr<MainWindow> window = showConsole(session);
    const QString path = content.isEmpty() ? dir.filePath(QStringLiteral("absent.json"))
                                           : writeFile(dir, QStringLiteral("environment.json"), content);

    QVERIFY(window->navigator().navigate(QStringLiteral("import"), path));
    // The window stays usable: the message is open, not run in a loop of its own.
    QMessageBox *box = importProblem(*window);
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    const QString shown = QDir::toNativeSeparators(path);
    QVERIFY2(box->text().contains(shown + QStringLiteral(" was not imported")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(reason), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("Environment page")), qPrintable(box->text()));
    // Behind it, the Environment page says the same.
    QCOMPARE(window->currentPageId(), QStringLiteral("environment"));
    auto *environment = qobject_cast<EnvironmentPage *>(window->page(QStringLiteral("environment")));
    QVERIFY(environment->hintText().contains(QFileInfo(path).fileName() + QStringLiteral(" was not imported")));
    QVERIFY(environment->findChild<QLabel *>(QStringLiteral("hint"))->toolTip().contains(reason));
    if (qstrcmp(QTest::currentDataTag(), "not JSON") == 0)
        saveScreenshot(*window, QStringLiteral("console-import-problem-1440x900.png"));
    box->accept();
    QTRY_VERIFY(!importProblem(*window));
    QVERIFY(session.environment().sites.isEmpty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
