// SPDX-License-Identifier: GPL-3.0-or-later
// The execution ticket dialog against real agents: Start stays disabled until a dry run for
// exactly the current inputs passed and the plan's name was typed exactly; a site cannot be
// both failed and emergency; production's second approver must be someone else; Start creates
// and starts the execution. Saves a screenshot of the dialog after a dry run.
#include "agenttest.h"
#include "app/executions/executionengine.h"
#include "app/plans/planlibrary.h"
#include "app/session/consolesession.h"
#include "executiontest.h"
#include "models/plans/planrepository.h"
#include "models/plans/plantemplates.h"
#include "models/store/localstore.h"
#include "models/topology/fleettopology.h"
#include "sessiontest.h"
#include "ui/executions/executionpage.h"
#include "ui/executions/ticketdialog.h"
#include "ui/plans/plancenterpage.h"
#include "ui/shell/features.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Haven;
using namespace Haven::Test;

class TestTicketDialog final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void listsOnlyEffectivePlans();
    void startNeedsDryRunAndExactName();
    void changingSitesInvalidatesTheDryRun();
    void siteCannotBeFailedAndEmergency();
    void secondApproverMustBeSomeoneElse();
    void startCreatesAndStartsTheExecution();
    void openedFromTheWindowAndThePlanCenter();

private:
    std::unique_ptr<TicketDialog> openDialog();
    static void type(QLineEdit *field, const QString &text);

    QTemporaryDir m_dir;
    std::unique_ptr<DemoSites> m_sites;
    std::unique_ptr<ConsoleSession> m_session;
    PlanData m_plan;
};

void TestTicketDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Theme::apply(*qApp, ColorScheme::Light);
    m_sites = std::make_unique<DemoSites>(m_dir);
    QVERIFY(m_sites->start(20));
    const QString fleet = m_dir.filePath(QStringLiteral("fleet.json"));
    QVERIFY(m_sites->writeFleetFile(fleet));

    m_session = std::make_unique<ConsoleSession>(sessionOptions(m_dir, QStringLiteral("console")));
    m_session->start();
    QString error;
    QVERIFY2(m_session->importFile(fleet, &error), qPrintable(error));
    const FleetTopology &topology = m_session->topology();
    // Every site answers and its operation catalog is known: the dry run checks operations.
    QVERIFY(waitUntil(
        [&] {
        if (topology.siteCount() != 3)
            return false;
        for (const QString &id : topology.siteIds()) {
            const SiteState *site = topology.site(id);
            if (site->reachability != Reachability::Online || site->operations.isEmpty())
                return false;
        }
        return true;
        },
        20'000));

    // One effective plan and one draft; only the effective one can be run.
    m_plan = PlanTemplates::create(PlanTemplates::Architecture::RemoteActiveStandby);
    m_plan.metadata.state = PlanState::Effective;
    QVERIFY(m_session->store().plans().savePlan(m_plan, 1));
    PlanData draft = PlanTemplates::create(PlanTemplates::Architecture::SameCityActiveActive);
    draft.metadata.name = QStringLiteral("A draft plan");
    QVERIFY(m_session->store().plans().savePlan(draft, 1));
}

void TestTicketDialog::cleanupTestCase()
{
    m_session.reset();
    m_sites.reset();
}

void TestTicketDialog::cleanup()
{
    m_session->executions().setSettings(ExecutionEngine::Settings{});
}

std::unique_ptr<TicketDialog> TestTicketDialog::openDialog()
{
    auto dialog = std::make_unique<TicketDialog>(m_session->plans(), m_session->environment(), m_session->topology(),
                                                 m_session->executions());
    dialog->resize(1280, 860);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("the dialog was not exposed");
    return dialog;
}

void TestTicketDialog::type(QLineEdit *field, const QString &text)
{
    field->clear();
    QTest::keyClicks(field, text);
}

void TestTicketDialog::listsOnlyEffectivePlans()
{
    const auto dialog = openDialog();
    QCOMPARE(dialog->planBox()->count(), 1);
    QCOMPARE(dialog->selectedPlanId(), m_plan.metadata.id);
    // The sites come from the environment; every product group of the plan is checked.
    QCOMPARE(dialog->failedSiteList()->count(), 3);
    QCOMPARE(dialog->emergencySiteList()->count(), 3);
    QStringList groups;
    for (const PlanStep &step : m_plan.steps) {
        if (!step.productGroup.isEmpty() && !groups.contains(step.productGroup))
            groups.append(step.productGroup);
    }
    QCOMPARE(dialog->productGroupList()->count(), groups.size());
    for (int row = 0; row < dialog->productGroupList()->count(); ++row)
        QCOMPARE(dialog->productGroupList()->item(row)->checkState(), Qt::Checked);
    QVERIFY(dialog->ticket().productGroups.isEmpty()); // all of them
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY(!dialog->secondApproverField()->isVisible());
}

void TestTicketDialog::startNeedsDryRunAndExactName()
{
    const auto dialog = openDialog();
    const QString name = m_plan.metadata.name;
    dialog->setFailedSites({QStringLiteral("sha")});
    dialog->setEmergencySites({QStringLiteral("hzc")});
    dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Shanghai A lost power at 09:12"));

    // The exact name alone is not enough: no dry run yet.
    type(dialog->confirmationField(), name);
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY2(dialog->hintText().contains(QStringLiteral("dry run")), qPrintable(dialog->hintText()));

    QTest::mouseClick(dialog->dryRunButton(), Qt::LeftButton);
    QVERIFY2(dialog->hasValidDryRun(), qPrintable(dialog->problemText()));
    QCOMPARE(dialog->dryRunTable()->rowCount(), int(m_plan.steps.size()));
    QVERIFY(dialog->startButton()->isEnabled()); // the name was already typed

    // A wrong name, or one letter short, keeps it disabled.
    type(dialog->confirmationField(), QStringLiteral("Some other plan"));
    QVERIFY(!dialog->startButton()->isEnabled());
    type(dialog->confirmationField(), name.chopped(1));
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY2(dialog->hintText().contains(QStringLiteral("name")), qPrintable(dialog->hintText()));
    type(dialog->confirmationField(), name.toUpper() == name ? name.toLower() : name.toUpper());
    QVERIFY(!dialog->startButton()->isEnabled());
    type(dialog->confirmationField(), name);
    QVERIFY(dialog->startButton()->isEnabled());

    // A new description does not change what would run: the dry run stays valid.
    dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Shanghai A lost power at 09:12; UPS failed"));
    QVERIFY(dialog->hasValidDryRun());
    QVERIFY(dialog->startButton()->isEnabled());

    // For people to look at.
    QDir().mkpath(QStringLiteral(HAVEN_SCREENSHOT_DIR));
    const QString path = QStringLiteral(HAVEN_SCREENSHOT_DIR "/ticket-dialog.png");
    QVERIFY(dialog->grab().save(path));
    qInfo("saved %s", qPrintable(path));
}

void TestTicketDialog::changingSitesInvalidatesTheDryRun()
{
    const auto dialog = openDialog();
    dialog->setFailedSites({QStringLiteral("sha")});
    dialog->setEmergencySites({QStringLiteral("hzc")});
    dialog->runDryRun();
    QVERIFY2(dialog->hasValidDryRun(), qPrintable(dialog->problemText()));
    type(dialog->confirmationField(), m_plan.metadata.name);
    QVERIFY(dialog->startButton()->isEnabled());

    // Another failed site: the dry run no longer describes what would run.
    QListWidget *failed = dialog->failedSiteList();
    for (int row = 0; row < failed->count(); ++row) {
        if (failed->item(row)->data(Qt::UserRole + 1).toString() == QLatin1StringView("shb"))
            failed->item(row)->setCheckState(Qt::Checked);
    }
    QCOMPARE(dialog->ticket().failedSites, (QStringList{QStringLiteral("sha"), QStringLiteral("shb")}));
    QVERIFY(!dialog->hasValidDryRun());
    QVERIFY(!dialog->startButton()->isEnabled());
    QCOMPARE(dialog->dryRunTable()->rowCount(), 0);
    QVERIFY2(dialog->hintText().contains(QStringLiteral("dry run")), qPrintable(dialog->hintText()));

    // Unchecking a product group invalidates it too; a new dry run makes Start possible again.
    dialog->runDryRun();
    QVERIFY(dialog->startButton()->isEnabled());
    dialog->productGroupList()->item(0)->setCheckState(Qt::Unchecked);
    QVERIFY(!dialog->startButton()->isEnabled());
    dialog->runDryRun();
    QVERIFY2(dialog->hasValidDryRun(), qPrintable(dialog->problemText()));
    QVERIFY(dialog->startButton()->isEnabled());
    QCOMPARE(dialog->ticket().productGroups.size(), dialog->productGroupList()->count() - 1);
}

void TestTicketDialog::siteCannotBeFailedAndEmergency()
{
    const auto dialog = openDialog();
    dialog->setFailedSites({QStringLiteral("sha")});
    dialog->setEmergencySites({QStringLiteral("sha"), QStringLiteral("hzc")});
    // Shown at once, before any dry run.
    QVERIFY2(dialog->problemText().contains(QStringLiteral("sha is chosen both")), qPrintable(dialog->problemText()));
    dialog->runDryRun();
    QVERIFY(!dialog->hasValidDryRun());
    QCOMPARE(dialog->problemText().count(QStringLiteral("chosen both")), 1); // said once, not twice
    type(dialog->confirmationField(), m_plan.metadata.name);
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY2(dialog->hintText().contains(QStringLiteral("problems")), qPrintable(dialog->hintText()));
    QVERIFY(dialog->grab().save(QStringLiteral(HAVEN_SCREENSHOT_DIR "/ticket-dialog-problems.png")));

    // Fixing it clears the problem; the dry run must be run again.
    dialog->setEmergencySites({QStringLiteral("hzc")});
    QVERIFY(!dialog->problemText().contains(QStringLiteral("both")));
    QVERIFY(!dialog->startButton()->isEnabled());
    dialog->runDryRun();
    QVERIFY(dialog->startButton()->isEnabled());
}

void TestTicketDialog::secondApproverMustBeSomeoneElse()
{
    ExecutionEngine::Settings settings;
    settings.requireSecondApproval = true;
    m_session->executions().setSettings(settings);
    const auto dialog = openDialog();
    QVERIFY(dialog->secondApproverField()->isVisible());
    dialog->setFailedSites({QStringLiteral("sha")});
    dialog->setEmergencySites({QStringLiteral("hzc")});
    dialog->runDryRun();
    QVERIFY2(dialog->hasValidDryRun(), qPrintable(dialog->problemText()));
    type(dialog->confirmationField(), m_plan.metadata.name);
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY2(dialog->hintText().contains(QStringLiteral("second approver")), qPrintable(dialog->hintText()));

    // Not the operator themself.
    const Operator me = Operator::current();
    QVERIFY(!me.user.isEmpty());
    type(dialog->secondApproverField(), me.user);
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY2(dialog->hintText().contains(QStringLiteral("another person")), qPrintable(dialog->hintText()));
    type(dialog->secondApproverField(), me.display());
    QVERIFY(!dialog->startButton()->isEnabled());

    type(dialog->secondApproverField(), QStringLiteral("carol"));
    QVERIFY(dialog->startButton()->isEnabled());
    QCOMPARE(dialog->ticket().secondApprover, QStringLiteral("carol"));
}

void TestTicketDialog::startCreatesAndStartsTheExecution()
{
    ExecutionEngine &engine = m_session->executions();
    const auto dialog = openDialog();
    QSignalSpy started(dialog.get(), &TicketDialog::executionStarted);
    dialog->setFailedSites({QStringLiteral("sha")});
    dialog->setEmergencySites({QStringLiteral("hzc")});
    dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Drill of the ticket dialog"));
    dialog->runDryRun();
    type(dialog->confirmationField(), m_plan.metadata.name);
    QVERIFY(dialog->startButton()->isEnabled());
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY2(started.size() == 1, qPrintable(dialog->problemText()));
    const QString id = started.at(0).at(0).toString();
    QCOMPARE(dialog->executionId(), id);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));

    const Execution *execution = engine.execution(id);
    QVERIFY(execution);
    QCOMPARE(execution->ticket().planId, m_plan.metadata.id);
    QCOMPARE(execution->ticket().failedSites, QStringList{QStringLiteral("sha")});
    QCOMPARE(execution->ticket().emergencySites, QStringList{QStringLiteral("hzc")});
    QCOMPARE(execution->ticket().description, QStringLiteral("Drill of the ticket dialog"));
    QCOMPARE(execution->ticket().createdBy, Operator::current().display());
    QVERIFY(execution->state() != ExecutionState::Ready);
    QVERIFY(!execution->operatorActions().isEmpty());
    QCOMPARE(execution->operatorActions().constFirst().action, QStringLiteral("start"));

    // Leave the agents alone for the other tests.
    QString error;
    QVERIFY2(engine.cancel(id, Operator::current(), QStringLiteral("end of the test"), &error), qPrintable(error));
}

void TestTicketDialog::openedFromTheWindowAndThePlanCenter()
{
    const std::unique_ptr<MainWindow> console = createConsoleWindow(*m_session);
    MainWindow &window = *console;
    window.resize(1440, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Execution > New ticket…, Ctrl+Shift+R.
    QAction *newTicket = nullptr;
    for (QAction *action : window.menuBar()->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("New ticket…"))
            newTicket = action;
    }
    QVERIFY(newTicket);
    QCOMPARE(newTicket->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+R")));
    newTicket->trigger();
    QTRY_VERIFY(window.findChild<TicketDialog *>() && window.findChild<TicketDialog *>()->isVisible());
    TicketDialog *dialog = window.findChild<TicketDialog *>();
    QCOMPARE(dialog->selectedPlanId(), m_plan.metadata.id);
    dialog->close(); // deletes itself
    QTRY_VERIFY(!window.findChild<TicketDialog *>());

    // Execution > Require a second approver: the engine, the saved setting and a new dialog follow.
    QAction *secondApprover = nullptr;
    for (QAction *action : window.menuBar()->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Require a second approver"))
            secondApprover = action;
    }
    QVERIFY(secondApprover);
    QVERIFY(secondApprover->isCheckable());
    const bool before = m_session->executions().settings().requireSecondApproval;
    QCOMPARE(secondApprover->isChecked(), before);
    secondApprover->trigger();
    QCOMPARE(m_session->executions().settings().requireSecondApproval, !before);
    QCOMPARE(QSettings().value(QStringLiteral("execution/requireSecondApproval")).toBool(), !before);
    QVERIFY(m_session->store().verifyAuditChain());
    secondApprover->trigger();
    QCOMPARE(m_session->executions().settings().requireSecondApproval, before);

    // The plan center's "Run plan…" is there for effective plans only, and opens the ticket for it.
    auto *plans = window.findChild<PlanCenterPage *>();
    QVERIFY(plans);
    QAction *run = nullptr;
    for (QAction *action : plans->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Run plan…"))
            run = action;
    }
    QVERIFY(run);
    plans->reload();
    QString draftId;
    for (const QString &id : plans->planIds()) {
        if (id != m_plan.metadata.id)
            draftId = id;
    }
    QVERIFY(!draftId.isEmpty());
    plans->selectPlan(draftId);
    QVERIFY(!run->isEnabled());
    plans->selectPlan(m_plan.metadata.id);
    QVERIFY(run->isEnabled());
    run->trigger();
    QTRY_VERIFY(window.findChild<TicketDialog *>());
    dialog = window.findChild<TicketDialog *>();
    QCOMPARE(dialog->selectedPlanId(), m_plan.metadata.id);

    // Once started, the window shows the execution on the switchover dashboard.
    dialog->setFailedSites({QStringLiteral("sha")});
    dialog->setEmergencySites({QStringLiteral("hzc")});
    dialog->runDryRun();
    type(dialog->confirmationField(), m_plan.metadata.name);
    QVERIFY(dialog->startExecution());
    const QString id = dialog->executionId();
    QCOMPARE(window.currentPageId(), QStringLiteral("execution"));
    auto *page = qobject_cast<ExecutionPage *>(window.page(QStringLiteral("execution")));
    QVERIFY(page);
    QVERIFY(page->isVisible());
    QCOMPARE(page->executionId(), id);
    QString error;
    QVERIFY2(m_session->executions().cancel(id, Operator::current(), QStringLiteral("end of the test"), &error),
             qPrintable(error));
}

QTEST_MAIN(TestTicketDialog)
#include "tst_ticketdialog.moc"
