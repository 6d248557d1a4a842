// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillspage.h"

#include "drilldesigner.h"
#include "drillreport.h"
#include "drillrunview.h"
#include "drilltable.h"
#include "preflightdialog.h"

#include "app/drills/drillservice.h"
#include "app/executions/executionengine.h"
#include "app/plans/planlibrary.h"
#include "models/drills/drillformat.h"
#include "models/drills/drilltemplates.h"
#include "widgets/common/qcustomplotinclude.h"

#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Haven {

namespace {

QString secondsText(double seconds)
{
    return seconds < 0 ? QStringLiteral("—") : QStringLiteral("%1 s").arg(seconds, 0, 'f', 1);
}

} // namespace

DrillsPage::DrillsPage(DrillService &drills, const FleetTopology &topology, PlanLibrary &plans,
                       ExecutionEngine &executions, QWidget *dialogParent, QWidget *parent)
    : QWidget(parent)
    , m_drills(drills)
    , m_topology(topology)
    , m_plans(plans)
    , m_dialogParent(dialogParent)
    , m_tabs(new QTabWidget)
    , m_list(new QListWidget)
    , m_designer(new DrillDesigner(plans))
    , m_message(new QLabel)
    , m_runView(new DrillRunView(drills, executions, DrillRunView::Mode::Console))
    , m_switches(drillTable({tr("Kill switch"), tr("Engaged by"), tr("Since"), tr("Why")}, false))
    , m_switchScope(new QComboBox)
    , m_switchKey(new QLineEdit)
    , m_switchBanner(new QLabel)
    , m_history(drillTable({tr("Drill"), tr("Started"), tr("State"), tr("RTO (worst)"), tr("RPO (worst)"),
                            tr("RTO verdict"), tr("RPO verdict"), tr("Why it ended")},
                           false))
    , m_trend(new QCustomPlot)
    , m_stale(new QListWidget)
{
    m_message->setWordWrap(true);
    m_tabs->addTab(buildDesigns(), tr("Designs"));
    m_tabs->addTab(m_runView, tr("Running drill"));
    m_tabs->addTab(buildKillSwitches(), tr("Kill switches"));
    m_tabs->addTab(buildHistory(), tr("History"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_switchBanner);
    layout->addWidget(m_tabs);

    connect(&drills, &DrillService::drillsChanged, this, &DrillsPage::reloadDrills);
    connect(&drills, &DrillService::killSwitchesChanged, this, &DrillsPage::reloadSwitches);
    connect(&drills, &DrillService::runStarted, this, &DrillsPage::showRun);
    connect(&drills, &DrillService::runEnded, this, &DrillsPage::reloadHistory);
    reloadDrills();
    reloadSwitches();
    reloadHistory();
    const QStringList interrupted = drills.interruptedRunIds();
    if (!interrupted.isEmpty()) {
        say(tr("%n drill(s) were running when the console last stopped; they are marked interrupted. The "
               "Running drill tab shows their faults as the agents report them.",
               nullptr, int(interrupted.size())),
            true);
        m_runView->showRun(interrupted.last());
    }
}

QWidget *DrillsPage::buildDesigns()
{
    auto *fromTemplate = new QToolButton;
    fromTemplate->setText(tr("New from template"));
    fromTemplate->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(fromTemplate);
    for (const DrillTemplates::Template &entry : DrillTemplates::all()) {
        menu->addAction(
                entry.name, this,
                [this, id = entry.id] {
            Drill drill = DrillTemplates::create(id);
            drill.id.clear(); // a new design until it is saved
            m_designer->setDrill(drill);
            m_list->clearSelection();
            say(tr("A new drill from the template; adjust the sites and save it."));
                })
            ->setToolTip(entry.description);
    }
    fromTemplate->setMenu(menu);
    auto *importButton = new QPushButton(tr("Import…"));
    auto *exportButton = new QPushButton(tr("Export…"));
    auto *saveButton = new QPushButton(tr("Save"));
    auto *deleteButton = new QPushButton(tr("Delete"));
    auto *startButton = new QPushButton(tr("Preflight and start…"));
    startButton->setStyleSheet(QStringLiteral("font-weight: bold;"));
    connect(importButton, &QPushButton::clicked, this, &DrillsPage::importFile);
    connect(exportButton, &QPushButton::clicked, this, &DrillsPage::exportFile);
    connect(saveButton, &QPushButton::clicked, this, &DrillsPage::save);
    connect(startButton, &QPushButton::clicked, this, &DrillsPage::preflight);
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_list->currentItem();
        QString error;
        if (item && !m_drills.deleteDrill(item->data(Qt::UserRole).toString(), Operator::current(), &error))
            say(error, true);
    });
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            selectDrill(item->data(Qt::UserRole).toString());
    });
    auto *buttons = new QHBoxLayout;
    for (QWidget *button :
         std::initializer_list<QWidget *>{fromTemplate, importButton, exportButton, saveButton, deleteButton})
        buttons->addWidget(button);
    buttons->addStretch();
    buttons->addWidget(startButton);

    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(buttons);
    rightLayout->addWidget(m_message);
    rightLayout->addWidget(m_designer, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(m_list);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    return splitter;
}

QWidget *DrillsPage::buildKillSwitches()
{
    m_switchScope->addItem(tr("Global: every drill"), KillSwitch::scopeName(KillSwitch::Scope::Global));
    m_switchScope->addItem(tr("A site"), KillSwitch::scopeName(KillSwitch::Scope::Site));
    m_switchScope->addItem(tr("A product group"), KillSwitch::scopeName(KillSwitch::Scope::ProductGroup));
    m_switchKey->setPlaceholderText(tr("site id or product group"));
    auto *engage = new QPushButton(tr("Engage: stop and block drills"));
    engage->setStyleSheet(QStringLiteral("QPushButton { background: #c62828; color: white; font-weight: bold; }"));
    auto *release = new QPushButton(tr("Release the selected switch"));
    connect(engage, &QPushButton::clicked, this, [this] {
        const auto scope = KillSwitch::scopeFromName(m_switchScope->currentData().toString());
        QString error;
        if (!m_drills.engageKillSwitch(*scope, m_switchKey->text().trimmed(), Operator::current(),
                                       tr("engaged from the console"), &error))
            say(error, true);
    });
    connect(release, &QPushButton::clicked, this, [this] {
        const int row = m_switches->currentRow();
        const QList<KillSwitch> switches = m_drills.killSwitches();
        QString error;
        if (row >= 0 && row < switches.size()
            && !m_drills.releaseKillSwitch(switches.at(row).scope, switches.at(row).key, Operator::current(), &error))
            say(error, true);
    });
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_switchScope);
    controls->addWidget(m_switchKey, 1);
    controls->addWidget(engage);
    controls->addWidget(release);
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->addWidget(new QLabel(tr("An engaged kill switch reverts every fault of the running drills it covers "
                                    "and refuses new ones until someone releases it. It is kept in the local "
                                    "database, so it holds after a restart.")));
    layout->addLayout(controls);
    layout->addWidget(m_switches, 1);
    return panel;
}

QWidget *DrillsPage::buildHistory()
{
    auto *reportHtml = new QPushButton(tr("Report (HTML)…"));
    auto *reportPdf = new QPushButton(tr("Report (PDF)…"));
    auto *open = new QPushButton(tr("Show the run"));
    connect(reportHtml, &QPushButton::clicked, this, [this] { writeReport(false); });
    connect(reportPdf, &QPushButton::clicked, this, [this] { writeReport(true); });
    connect(open, &QPushButton::clicked, this, [this] {
        if (const QTableWidgetItem *item = m_history->item(m_history->currentRow(), 0))
            showRun(item->data(Qt::UserRole).toString());
    });
    m_trend->setMinimumHeight(220);
    m_trend->xAxis->setLabel(tr("Run"));
    m_trend->yAxis->setLabel(tr("Seconds"));
    m_trend->legend->setVisible(true);
    m_trend->addGraph()->setName(tr("RTO (worst group)"));
    m_trend->graph(0)->setPen(QPen(QColor(0x00, 0x72, 0xb2), 2));
    m_trend->graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 7));
    m_trend->addGraph()->setName(tr("RPO (worst link)"));
    m_trend->graph(1)->setPen(QPen(QColor(0xd5, 0x5e, 0x00), 2));
    m_trend->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, 7));
    connect(m_history, &QTableWidget::currentCellChanged, this, &DrillsPage::reloadHistory);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(open);
    buttons->addWidget(reportHtml);
    buttons->addWidget(reportPdf);
    buttons->addStretch();
    auto *lower = new QSplitter;
    lower->addWidget(m_trend);
    auto *staleBox = new QWidget;
    auto *staleLayout = new QVBoxLayout(staleBox);
    staleLayout->addWidget(
        new QLabel(tr("Effective plans not drilled for %1 days").arg(m_drills.settings().notDrilledDays)));
    staleLayout->addWidget(m_stale);
    lower->addWidget(staleBox);
    auto *panel = new QWidget;
    auto *layout = new QVBoxLayout(panel);
    layout->addLayout(buttons);
    layout->addWidget(m_history, 2);
    layout->addWidget(lower, 1);
    return panel;
}

void DrillsPage::reloadDrills()
{
    const QString current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Drill &drill : m_drills.drills()) {
        auto *item = new QListWidgetItem(drill.name, m_list);
        item->setData(Qt::UserRole, drill.id);
        if (drill.id == current)
            m_list->setCurrentItem(item);
    }
}

void DrillsPage::selectDrill(const QString &drillId)
{
    if (const std::optional<Drill> drill = m_drills.drill(drillId)) {
        m_designer->setDrill(*drill);
        say({});
    }
}

void DrillsPage::reloadSwitches()
{
    const QList<KillSwitch> switches = m_drills.killSwitches();
    m_switches->setRowCount(int(switches.size()));
    QStringList engaged;
    for (int row = 0; row < switches.size(); ++row) {
        const KillSwitch &killSwitch = switches.at(row);
        const QString name = killSwitch.scope == KillSwitch::Scope::Global
                                 ? tr("Global")
                                 : QStringLiteral("%1 %2").arg(KillSwitch::scopeName(killSwitch.scope), killSwitch.key);
        engaged.append(name);
        m_switches->setItem(row, 0, new QTableWidgetItem(name));
        m_switches->setItem(row, 1, new QTableWidgetItem(killSwitch.engagedBy));
        m_switches->setItem(row, 2,
                            new QTableWidgetItem(QDateTime::fromMSecsSinceEpoch(killSwitch.engagedMs)
                                                     .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        m_switches->setItem(row, 3, new QTableWidgetItem(killSwitch.reason));
    }
    m_switchBanner->setVisible(!engaged.isEmpty());
    m_switchBanner->setText(
        tr("Kill switch engaged (%1): new drills there are refused.").arg(engaged.join(QStringLiteral(", "))));
    m_switchBanner->setStyleSheet(
        QStringLiteral("background: #c62828; color: white; font-weight: bold; padding: 6px;"));
}

void DrillsPage::reloadHistory()
{
    const QList<DrillRunRecord> runs = m_drills.history();
    const int selected = m_history->currentRow();
    const QString selectedDrill = selected >= 0 && selected < runs.size() ? runs.at(selected).drill.id : QString();
    {
        const QSignalBlocker blocker(m_history);
        m_history->setRowCount(int(runs.size()));
        for (int row = 0; row < runs.size(); ++row) {
            const DrillRunRecord &run = runs.at(row);
            const QStringList cells{run.drill.name,
                                    QDateTime::fromMSecsSinceEpoch(run.startedMs)
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                    DrillReport::stateText(run.state),
                                    secondsText(run.worstRtoMs() < 0 ? -1 : run.worstRtoMs() / 1000.0),
                                    secondsText(run.rpo.isEmpty() ? -1 : run.worstRpoSeconds()),
                                    DrillReport::verdictText(run.rtoMet()),
                                    DrillReport::verdictText(run.rpoMet()),
                                    run.reason};
            for (int column = 0; column < cells.size(); ++column) {
                auto *item = new QTableWidgetItem(cells.at(column));
                item->setData(Qt::UserRole, run.id);
                m_history->setItem(row, column, item);
            }
        }
        if (selected >= 0 && selected < runs.size())
            m_history->setCurrentCell(selected, 0);
    }
    // The trend of the selected run's drill, oldest first.
    QVector<double> x, rto, rpo;
    for (qsizetype i = runs.size() - 1; i >= 0; --i) {
        const DrillRunRecord &run = runs.at(i);
        if ((!selectedDrill.isEmpty() && run.drill.id != selectedDrill) || run.firstFaultMs == 0)
            continue;
        x.append(double(x.size() + 1));
        rto.append(run.worstRtoMs() < 0 ? qQNaN() : run.worstRtoMs() / 1000.0);
        rpo.append(run.rpo.isEmpty() ? qQNaN() : run.worstRpoSeconds());
    }
    m_trend->graph(0)->setData(x, rto, true);
    m_trend->graph(1)->setData(x, rpo, true);
    m_trend->rescaleAxes();
    m_trend->xAxis->setRange(0, std::max<double>(2, double(x.size()) + 1));
    m_trend->yAxis->setRangeLower(0);
    m_trend->replot(QCustomPlot::rpQueuedReplot);

    m_stale->clear();
    for (const auto &[planId, days] : m_drills.staleDrilledPlans()) {
        const std::optional<PlanSummary> plan = m_plans.summary(planId);
        const QString name = plan ? plan->name : planId;
        m_stale->addItem(days < 0 ? tr("⚠ %1: never drilled").arg(name)
                                  : tr("⚠ %1: not drilled for %2 days").arg(name).arg(days));
    }
}

void DrillsPage::save()
{
    QString error;
    std::optional<Drill> drill = m_designer->drill(&error);
    if (!drill || !m_drills.saveDrill(*drill, Operator::current(), &error))
        return say(error, true);
    m_designer->setDrill(*drill);
    say(tr("Saved \"%1\".").arg(drill->name));
}

void DrillsPage::preflight()
{
    QString error;
    const std::optional<Drill> drill = m_designer->drill(&error);
    if (!drill)
        return say(error, true);
    auto *dialog = new PreflightDialog(m_drills, *drill, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DrillsPage::showRun(const QString &runId)
{
    m_runView->showRun(runId);
    m_tabs->setCurrentWidget(m_runView);
    reloadHistory();
}

void DrillsPage::importFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import a drill"), {}, tr("Drills (*.json)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    QString error;
    std::optional<Drill> drill = file.open(QIODevice::ReadOnly) ? DrillFormat::fromBytes(file.readAll(), &error)
                                                                : std::nullopt;
    if (!drill)
        return say(error.isEmpty() ? tr("%1 cannot be read: %2").arg(path, file.errorString()) : error, true);
    drill->id.clear(); // an imported drill is a new design
    m_designer->setDrill(*drill);
    say(tr("Imported \"%1\"; save it to keep it.").arg(drill->name));
}

void DrillsPage::exportFile()
{
    QString error;
    const std::optional<Drill> drill = m_designer->drill(&error);
    if (!drill)
        return say(error, true);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the drill"),
                                                      drill->name + QStringLiteral(".json"), tr("Drills (*.json)"));
    QFile file(path);
    if (path.isEmpty())
        return;
    if (!file.open(QIODevice::WriteOnly) || file.write(DrillFormat::toBytes(*drill)) < 0)
        return say(tr("The drill could not be written to %1: %2").arg(path, file.errorString()), true);
    say(tr("Exported to %1.").arg(path));
}

void DrillsPage::writeReport(bool pdf)
{
    const QTableWidgetItem *item = m_history->item(m_history->currentRow(), 0);
    const std::optional<DrillRunRecord> run = item ? m_drills.storedRun(item->data(Qt::UserRole).toString())
                                                   : std::nullopt;
    if (!run)
        return say(tr("Select a run in the history first."), true);
    const QString path = QFileDialog::getSaveFileName(this, tr("Drill report"),
                                                      run->drill.name
                                                          + (pdf ? QStringLiteral(".pdf") : QStringLiteral(".html")));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = pdf ? DrillReport::writePdf(*run, path, &error) : DrillReport::writeHtml(*run, path, &error);
    say(ok ? tr("The report was written to %1.").arg(path) : error, !ok);
}

void DrillsPage::say(const QString &message, bool problem)
{
    m_message->setText(message);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c62828; font-weight: bold;") : QString());
}

} // namespace Haven
