// SPDX-License-Identifier: GPL-3.0-or-later
#include "drilltest.h"
#include "models/drills/drilltemplates.h"
#include "ui/drills/drilldesigner.h"
#include "ui/drills/drillreport.h"
#include "ui/drills/drillrunview.h"
#include "ui/drills/drillsfeature.h"
#include "ui/drills/drillspage.h"
#include "ui/drills/preflightdialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

namespace {

void screenshot(QWidget &widget, const QString &name, QSize size = QSize(1600, 1000))
{
    widget.resize(size);
    widget.show();
    QTest::qWait(300);
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    QVERIFY(widget.grab().save(QStringLiteral(HAVEN_SCREENSHOT_DIR "/") + name));
}

} // namespace

class tst_DrillsPage final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void designPreflightRunStopAndReport();
};

void tst_DrillsPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void tst_DrillsPage::designPreflightRunStopAndReport()
{
    QTemporaryDir dir;
    DemoSites sites(dir);
    QVERIFY(sites.start(20, SelfIsolationIni));
    DrillSession console(dir);
    QVERIFY(console.follow(sites));
    ConsoleSession &session = console.session;
    DrillsPage page(console.drills(), session.topology(), session.plans(), session.executions(), nullptr);

    // A design from a template, saved through the page's designer.
    Drill design = DrillTemplates::create(QStringLiteral("layer-business"));
    page.designer()->setDrill(design);
    QString error;
    std::optional<Drill> edited = page.designer()->drill(&error);
    QVERIFY2(edited, qPrintable(error));
    QCOMPARE(edited->actions, design.actions);
    QCOMPARE(edited->haltConditions, design.haltConditions);
    QCOMPARE(edited->expected, design.expected);
    QVERIFY(console.drills().saveDrill(*edited, drillOperator(), &error));
    screenshot(page, QStringLiteral("drills-design.png"));

    // Preflight: start only once the name is typed.
    Drill drill = cpuDrill(QStringLiteral("CPU at three sites"), DemoSites::Ids, 60);
    drill.haltConditions.append({HaltKind::TrafficShare, {}, QStringLiteral("payments"), 50});
    drill.haltConditions.append({HaltKind::LayerStatus, QStringLiteral("shb"), QStringLiteral("database"), 0});
    PreflightDialog dialog(console.drills(), drill);
    QVERIFY(waitUntil([&] { return dialog.checked(); }, 10'000));
    QVERIFY(!dialog.startButton()->isEnabled());
    dialog.confirmation()->setText(QStringLiteral("CPU at three"));
    QVERIFY(!dialog.startButton()->isEnabled());
    dialog.confirmation()->setText(drill.name);
    QVERIFY(dialog.startButton()->isEnabled());
    screenshot(dialog, QStringLiteral("drill-preflight.png"), QSize(720, 620));
    dialog.startButton()->click();
    const QString runId = dialog.runId();
    QVERIFY(!runId.isEmpty());
    QVERIFY(console.waitForFaults(runId));

    // The running drill: the page follows it.
    QCOMPARE(page.tabs()->currentWidget(), page.runView());
    QCOMPARE(page.runView()->runId(), runId);
    QTest::qWait(1200);
    QCOMPARE(page.runView()->faultTable()->rowCount(), 3);
    QVERIFY(page.runView()->faultTable()->item(0, 3)->text().contains(QStringLiteral("active")));
    QVERIFY(page.runView()->haltTable()->item(1, 2)->text().contains(QStringLiteral("healthy")));
    QVERIFY(page.runView()->stopButton()->isEnabled());
    screenshot(page, QStringLiteral("drills-running.png"));
    std::unique_ptr<QWidget> wall(DrillsFeature::createWallView(console.drills(), session.executions()));
    static_cast<DrillRunView *>(wall.get())->showRun(runId);
    QTest::qWait(1200);
    screenshot(*wall, QStringLiteral("drills-wall.png"), QSize(1920, 1080));

    QVERIFY(console.drills().stop(runId, drillOperator(), QStringLiteral("screenshots taken")));
    QVERIFY(console.waitForState(runId, DrillRunState::Stopped, 5000));
    QTest::qWait(300);
    QVERIFY(!page.runView()->stopButton()->isEnabled());
    page.tabs()->setCurrentIndex(3);
    screenshot(page, QStringLiteral("drills-history.png"));

    // Reports from the stored run.
    const std::optional<DrillRunRecord> stored = console.drills().storedRun(runId);
    QVERIFY(stored);
    const QString html = dir.filePath(QStringLiteral("report.html"));
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    QVERIFY(DrillReport::writeHtml(*stored, html, &error));
    QVERIFY(DrillReport::writePdf(*stored, pdf, &error));
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(drill.name));
    QVERIFY(text.contains(QStringLiteral("screenshots taken")));
    QVERIFY(QFileInfo(pdf).size() > 1000);
    QFile::copy(html, QStringLiteral(HAVEN_SCREENSHOT_DIR "/drill-report.html"));
}

QTEST_MAIN(tst_DrillsPage)
#include "tst_drillspage.moc"
