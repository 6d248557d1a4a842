// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/agents/curlengine.h"
#include "app/executions/executionengine.h"
#include "app/inspections/inspectionservice.h"
#include "app/notify/chatnotifier.h"
#include "models/inspections/starterrules.h"
#include "models/topology/fleettopology.h"
#include "ui/inspections/inspectionnotificationspage.h"
#include "ui/inspections/inspectionreportspage.h"
#include "ui/inspections/inspectionrulespage.h"
#include "ui/inspections/inspectionspage.h"
#include "ui/inspections/inspectiontaskspage.h"
#include "widgets/common/statusbadge.h"
#include "widgets/inspections/inspectionbadges.h"
#include "widgets/inspections/passratetrend.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace Haven;

namespace {

const QStringList Sites{QStringLiteral("sha"), QStringLiteral("shb"), QStringLiteral("hzc")};

void fillTopology(FleetTopology &topology)
{
    QList<SiteState> states;
    for (const QString &id : Sites) {
        SiteState site;
        site.id = id;
        site.name = id == QLatin1String("hzc") ? QStringLiteral("Hangzhou C")
                                               : QStringLiteral("Shanghai ") + id.back().toUpper();
        site.reachability = Reachability::Online;
        states.append(site);
    }
    topology.setSites(states);
    for (const QString &id : Sites) {
        TopologyChanges changes;
        changes.siteId = id;
        changes.revision = 1;
        changes.full = true;
        Component db;
        db.id = id + QStringLiteral("-pg-1");
        db.name = QStringLiteral("PostgreSQL");
        db.layer = Layer::Database;
        db.host = id + QStringLiteral("-db-1");
        db.revision = 1;
        Component host = db;
        host.id = id + QStringLiteral("-host-1");
        host.layer = Layer::Physical;
        changes.components = {db, host};
        topology.applyChanges(id, changes, QDateTime::currentDateTimeUtc());
    }
}

InspectionCheckResult result(const QString &checkId, const QString &target, InspectionStatus status,
                             InspectionHardState hard, const QString &summary)
{
    InspectionCheckResult r;
    r.checkId = checkId;
    r.target = target;
    r.status = status;
    r.hardState = hard;
    r.summary = summary;
    r.output = QStringLiteral("exit code %1\n%2").arg(int(status)).arg(summary);
    r.evidence = QJsonObject{{QStringLiteral("value"), summary}};
    r.durationMs = 40;
    return r;
}

// 30 days of a task at three sites, every 6 hours, with a replication problem at "shb" lately.
void fillHistory(LocalStore &store)
{
    InspectionRepository repository(store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int s = 0; s < Sites.size(); ++s) {
        QList<InspectionRunRecord> runs;
        for (int i = 0; i < 120; ++i) {
            InspectionRunRecord run;
            run.runId = QStringLiteral("%1-%2").arg(Sites[s]).arg(i);
            run.taskId = QStringLiteral("daily-health");
            run.sequence = quint64(i + 1);
            run.started = now.addSecs(-qint64(120 - i) * 6 * 3600);
            run.finished = run.started.addSecs(4);
            const bool lagging = Sites[s] == QLatin1String("shb") && i > 100;
            run.results = {result(QStringLiteral("disk-space"), QStringLiteral("layer:physical"),
                                  i % 17 == 3 ? InspectionStatus::Warning : InspectionStatus::Ok,
                                  InspectionHardState::Ok,
                                  i % 17 == 3 ? QStringLiteral("/ is 83% full") : QStringLiteral("/ is 41% full")),
                           result(QStringLiteral("replication-lag"), QStringLiteral("layer:database"),
                                  lagging ? InspectionStatus::Critical : InspectionStatus::Ok,
                                  lagging ? InspectionHardState::HardProblem : InspectionHardState::Ok,
                                  lagging ? QStringLiteral("standby 95 s behind")
                                          : QStringLiteral("standby 0.4 s behind")),
                           result(QStringLiteral("ntp-offset"), QStringLiteral("layer:physical"), InspectionStatus::Ok,
                                  InspectionHardState::Ok, QStringLiteral("offset 3 ms")),
                           result(QStringLiteral("process-up"), QStringLiteral("site:*"), InspectionStatus::Ok,
                                  InspectionHardState::Ok, QStringLiteral("haven-agent runs"))};
            runs.append(run);
        }
        QVERIFY(repository.recordRuns(Sites[s], runs, 120));
    }
}

void saveShot(QWidget &widget, const QString &name)
{
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    widget.grab().save(QStringLiteral(HAVEN_SCREENSHOT_DIR "/") + name);
}

} // namespace

class TestInspectionsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void showsEveryPage()
    {
        LocalStore store;
        FleetTopology topology;
        fillTopology(topology);
        CurlEngine engine;
        ChatNotifier notifier(store, engine,
                              [](const QString &, QObject *, auto done) { done(std::nullopt, QString()); });
        InspectionService service(store, topology, [](const QString &) { return nullptr; });
        service.setNotifier(&notifier);
        QString error;
        QVERIFY(notifier.saveWebhook({QStringLiteral("ops"),
                                      QStringLiteral("Ops on-call (DingTalk)"),
                                      ChatWebhookKind::DingTalk,
                                      QStringLiteral("http://127.0.0.1:9/robot/send?access_token=t"),
                                      {},
                                      true},
                                     Operator::current(), &error));
        const QByteArray file = StarterRules::file().replace("\"concurrency\": 4}",
                                                             "\"concurrency\": 4, \"notify\": [\"ops\"]}");
        QVERIFY2(service.importData(file, Operator::current()),
                 qPrintable(service.importData(file, Operator::current()).message));
        fillHistory(store);

        InspectionsPage page(service, notifier, nullptr);
        QFont font = page.font();
        font.setPointSize(11);
        page.setFont(font);
        page.resize(1600, 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));

        // Rules: the starter library, an editor that names the bad field.
        InspectionRulesPage *rules = page.rules();
        QVERIFY(rules->table()->rowCount() >= 15);
        rules->selectRule(QStringLiteral("web-console-login"));
        QCOMPARE(rules->idEditor()->text(), QStringLiteral("web-console-login"));
        QVERIFY(rules->problem().isEmpty());
        saveShot(page, QStringLiteral("inspections-rules.png"));
        const char *badCheck = "{\"kind\": \"http\", \"url\": \"gopher://x\"}";
        rules->checkEditor()->setPlainText(QString::fromLatin1(badCheck));
        QVERIFY2(rules->problem().startsWith(QStringLiteral("check.url:")), qPrintable(rules->problem()));
        QVERIFY(!rules->save());

        // Tasks: the imported task, pushed nowhere (no agent connected here).
        page.setCurrentWidget(page.tasks());
        QCOMPARE(page.tasks()->table()->rowCount(), 1);
        page.tasks()->selectTask(QStringLiteral("daily-health"));
        QCOMPARE(page.tasks()->editedTask().notify, QStringList{QStringLiteral("ops")});
        QVERIFY(page.tasks()->table()->item(0, 3)->text().contains(QStringLiteral("no token")));
        saveShot(page, QStringLiteral("inspections-tasks.png"));

        // Reports: the trend of 30 days at three sites, the newest report with its risk.
        page.setCurrentWidget(page.reports());
        InspectionReportsPage *reports = page.reports();
        reports->selectTask(QStringLiteral("daily-health"));
        QTRY_VERIFY(reports->runTable()->rowCount() > 0);
        QCOMPARE(reports->trend()->seriesCount(), 3);
        QVERIFY(reports->currentReport());
        QVERIFY(reports->headline().contains(QStringLiteral("pass rate")));
        saveShot(page, QStringLiteral("inspections-reports.png"));
        for (int row = 0; row < reports->runTable()->rowCount(); ++row) {
            if (reports->runTable()->item(row, 1)->text() == QLatin1String("Shanghai B")) {
                reports->runTable()->selectRow(row);
                break;
            }
        }
        QCOMPARE(reports->currentReport()->risksFound().size(), 1);
        QVERIFY2(reports->headline().contains(QStringLiteral("1 risk")), qPrintable(reports->headline()));
        saveShot(page, QStringLiteral("inspections-report-risk.png"));
        QTemporaryDir dir;
        QVERIFY2(reports->exportHtml(dir.filePath(QStringLiteral("r.html")), &error), qPrintable(error));
        QVERIFY2(reports->exportPdf(dir.filePath(QStringLiteral("r.pdf")), &error), qPrintable(error));
        QFile pdf(dir.filePath(QStringLiteral("r.pdf")));
        QVERIFY(pdf.open(QIODevice::ReadOnly) && pdf.read(5) == "%PDF-");
        QVERIFY(!reports->exportHtml(QStringLiteral("/nonexistent/dir/r.html"), &error));
        QVERIFY(error.contains(QStringLiteral("Nothing was saved")));
        reports->markRisksHandled();
        QTRY_VERIFY(reports->headline().contains(QStringLiteral("0 risk")));

        // Notifications: the robot and its queue.
        page.setCurrentWidget(page.notifications());
        notifier.enqueue({QStringLiteral("ops")}, QStringLiteral("Inspection report: Daily health check at Shanghai B"),
                         QStringLiteral("x"));
        QTRY_COMPARE(page.notifications()->queueTable()->rowCount(), 1);
        QCOMPARE(page.notifications()->webhookTable()->item(0, 2)->text(), QStringLiteral("127.0.0.1"));
        QTRY_VERIFY(!notifier.messages().first().lastError.isEmpty()); // nothing listens on port 9
        page.notifications()->reload();
        saveShot(page, QStringLiteral("inspections-notifications.png"));
    }

    void badgesPerSiteAndLayer()
    {
        LocalStore store;
        FleetTopology topology;
        fillTopology(topology);
        InspectionService service(store, topology, [](const QString &) { return nullptr; });
        fillHistory(store);
        const QHash<QString, QHash<QString, int>> failing = service.failingByLayer();
        QCOMPARE(failing.size(), 1);
        QCOMPARE(failing.value(QStringLiteral("shb")).value(QStringLiteral("database")), 1);
        InspectionBadges badges;
        QSignalSpy requested(&badges, &InspectionBadges::reportsRequested);
        badges.setFailing(failing, {{QStringLiteral("shb"), QStringLiteral("Shanghai B")}});
        QCOMPARE(badges.texts(), QStringList{QStringLiteral("Shanghai B · Database: 1 failing")});
        badges.resize(700, 60);
        badges.show();
        QVERIFY(QTest::qWaitForWindowExposed(&badges));
        QTest::mouseClick(badges.findChild<StatusBadge *>(), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("shb"));
        saveShot(badges, QStringLiteral("inspections-badges.png"));
        badges.setFailing({}, {});
        QVERIFY(!badges.isVisible());
    }
};

QTEST_MAIN(TestInspectionsPage)
#include "tst_inspectionspage.moc"
