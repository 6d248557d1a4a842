// SPDX-License-Identifier: GPL-3.0-or-later
#include "ticketdialog.h"

#include "app/executions/executionengine.h"
#include "app/plans/planlibrary.h"
#include "editing/plans/plandocument.h"
#include "models/environment/environment.h"
#include "models/topology/fleettopology.h"
#include "widgets/common/statuscolors.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace Haven {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

enum Column {
    PhaseColumn,
    StepColumn,
    OperationColumn,
    SitesColumn,
    ParametersColumn,
    GuardColumn,
    FindingsColumn,
    ColumnCount
};

// Problems read in the critical colour, warnings in a darker amber than the badge fill so that
// the text keeps its contrast on a light background.
QColor problemColor(const QPalette &palette)
{
    return StatusColors::style(ComponentStatus::Critical, StatusColors::schemeFor(palette)).fill;
}

QColor warningColor(const QPalette &palette)
{
    return StatusColors::schemeFor(palette) == ColorScheme::Dark
               ? StatusColors::style(ComponentStatus::Warning, ColorScheme::Dark).fill
               : QColor(0x8a, 0x5a, 0x00);
}

// Only what the dry run depends on: a new description does not make it stale.
ExecutionTicket dryRunInputs(ExecutionTicket ticket)
{
    ticket.description.clear();
    ticket.createdBy.clear();
    ticket.secondApprover.clear();
    return ticket;
}

QListWidget *makeCheckList(QWidget *parent)
{
    auto *list = new QListWidget(parent);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    // A handful of sites or groups: the dry run's table gets the rest of the height.
    list->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    list->setFixedHeight(list->fontMetrics().lineSpacing() * 6 + 8);
    return list;
}

} // namespace

TicketDialog::TicketDialog(PlanLibrary &plans, const Environment &environment, const FleetTopology &topology,
                           ExecutionEngine &engine, QWidget *parent)
    : QDialog(parent)
    , m_plansLibrary(plans)
    , m_topology(topology)
    , m_engine(engine)
    , m_plans(new QComboBox(this))
    , m_planInfo(new QLabel(this))
    , m_failed(makeCheckList(this))
    , m_emergency(makeCheckList(this))
    , m_groups(makeCheckList(this))
    , m_description(new QPlainTextEdit(this))
    , m_dryRunButton(new QPushButton(tr("Dry run"), this))
    , m_summary(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_confirmationLabel(new QLabel(this))
    , m_confirmation(new QLineEdit(this))
    , m_secondApproverLabel(new QLabel(tr("Second approver"), this))
    , m_secondApprover(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_startButton(new QPushButton(tr("Start execution"), this))
{
    setWindowTitle(tr("New execution ticket"));
    resize(1180, 820);

    auto *layout = new QVBoxLayout(this);
    auto *planRow = new QFormLayout;
    m_plans->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_plans->setMinimumWidth(360);
    planRow->addRow(tr("Plan"), m_plans);
    layout->addLayout(planRow);
    m_planInfo->setWordWrap(true);
    m_planInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_planInfo->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_planInfo);

    auto *lists = new QHBoxLayout;
    auto addList = [this, lists](const QString &title, const QString &tip, QListWidget *list) {
        auto *box = new QGroupBox(title, this);
        box->setToolTip(tip);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->addWidget(list);
        lists->addWidget(box, 1);
    };
    addList(tr("Failed sites"), tr("The sites that are down or must be left: their traffic is cut."), m_failed);
    addList(tr("Emergency sites"), tr("The sites that take over the business."), m_emergency);
    addList(tr("Product groups"), tr("Only the steps of the checked product groups run."), m_groups);
    layout->addLayout(lists);

    auto *descriptionRow = new QFormLayout;
    m_description->setPlaceholderText(tr("What happened, and why this plan is run"));
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 3 + 12);
    m_description->setTabChangesFocus(true);
    descriptionRow->addRow(tr("Description"), m_description);
    layout->addLayout(descriptionRow);

    auto *dryRunRow = new QHBoxLayout;
    m_dryRunButton->setToolTip(tr("Resolve every step to its sites and parameters and check every guard now. "
                                  "Nothing is sent to the agents."));
    dryRunRow->addWidget(m_dryRunButton);
    m_summary->setWordWrap(true);
    dryRunRow->addWidget(m_summary, 1);
    layout->addLayout(dryRunRow);
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum); // never clipped by the table
    QPalette problemPalette = m_problems->palette();
    problemPalette.setColor(QPalette::WindowText, problemColor(palette()));
    m_problems->setPalette(problemPalette);
    layout->addWidget(m_problems);

    m_table->setHorizontalHeaderLabels({tr("Phase"), tr("Step"), tr("Operation"), tr("Sites"), tr("Parameters"),
                                        tr("Guard"), tr("Problems and warnings")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    auto *confirmRow = new QFormLayout;
    m_confirmationLabel->setWordWrap(true);
    m_confirmation->setPlaceholderText(tr("The plan's name, exactly"));
    confirmRow->addRow(m_confirmationLabel, m_confirmation);
    m_secondApprover->setPlaceholderText(tr("Name of the second person who approves this ticket"));
    confirmRow->addRow(m_secondApproverLabel, m_secondApprover);
    layout->addLayout(confirmRow);

    auto *buttons = new QHBoxLayout;
    m_hint->setWordWrap(true);
    buttons->addWidget(m_hint, 1);
    auto *close = new QPushButton(tr("Close"), this);
    buttons->addWidget(close);
    m_startButton->setDefault(false);
    m_startButton->setAutoDefault(false);
    m_dryRunButton->setAutoDefault(false);
    buttons->addWidget(m_startButton);
    layout->addLayout(buttons);

    // The sites come from the environment, in its order; the name the agent reports when the
    // environment gives none.
    for (const SiteEndpoint &site : environment.sites) {
        QString name = site.name;
        if (const SiteState *state = topology.site(site.id); (name.isEmpty() || name == site.id) && state)
            name = state->displayName();
        const QString label = name.isEmpty() || name == site.id ? site.id : tr("%1 (%2)").arg(name, site.id);
        for (QListWidget *list : {m_failed, m_emergency}) {
            auto *item = new QListWidgetItem(site.enabled ? label : tr("%1 — not followed").arg(label), list);
            item->setData(IdRole, site.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
        }
    }

    connect(m_plans, &QComboBox::currentIndexChanged, this, &TicketDialog::loadSelectedPlan);
    for (QListWidget *list : {m_failed, m_emergency, m_groups})
        connect(list, &QListWidget::itemChanged, this, &TicketDialog::inputsChanged);
    connect(m_dryRunButton, &QPushButton::clicked, this, &TicketDialog::runDryRun);
    connect(m_confirmation, &QLineEdit::textChanged, this, &TicketDialog::updateState);
    connect(m_secondApprover, &QLineEdit::textChanged, this, &TicketDialog::updateState);
    connect(m_startButton, &QPushButton::clicked, this, &TicketDialog::startExecution);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    reloadPlans();
}

TicketDialog::~TicketDialog() = default;

void TicketDialog::reloadPlans()
{
    const QSignalBlocker blocker(m_plans);
    m_plans->clear();
    for (const PlanSummary &summary : m_plansLibrary.plans()) {
        if (summary.state == PlanState::Effective)
            m_plans->addItem(tr("%1 (version %2)").arg(summary.name).arg(summary.version), summary.id);
    }
    m_plans->setEnabled(m_plans->count() > 0);
    if (m_plans->count() == 0)
        m_plans->setPlaceholderText(tr("No effective plan"));
    loadSelectedPlan();
}

void TicketDialog::selectPlan(const QString &planId)
{
    const int index = m_plans->findData(planId);
    if (index >= 0)
        m_plans->setCurrentIndex(index);
}

void TicketDialog::setFailedSites(const QStringList &siteIds)
{
    setChecked(m_failed, siteIds);
}

void TicketDialog::setEmergencySites(const QStringList &siteIds)
{
    setChecked(m_emergency, siteIds);
}

QString TicketDialog::selectedPlanId() const
{
    return m_plans->currentData().toString();
}

void TicketDialog::loadSelectedPlan()
{
    m_plan.reset();
    m_planVersion = 0;
    const QString id = selectedPlanId();
    if (!id.isEmpty()) {
        m_plan = m_plansLibrary.plan(id);
        if (const std::optional<PlanSummary> summary = m_plansLibrary.summary(id))
            m_planVersion = summary->version;
    }

    QStringList groups;
    if (m_plan) {
        for (const PlanStep &step : m_plan->steps) {
            if (!step.productGroup.isEmpty() && !groups.contains(step.productGroup))
                groups.append(step.productGroup);
        }
        std::sort(groups.begin(), groups.end());
        const PlanMetadata &metadata = m_plan->metadata;
        QStringList facts{PlanText::kind(metadata.kind), tr("%n step(s)", nullptr, int(m_plan->steps.size())),
                          tr("RTO objective %1").arg(PlanText::duration(metadata.rtoSeconds))};
        QString info = facts.join(QStringLiteral(" · "));
        if (!metadata.description.isEmpty())
            info += QLatin1Char('\n') + metadata.description;
        m_planInfo->setText(info);
        m_confirmationLabel->setText(tr("Type \"%1\" to confirm").arg(metadata.name));
    } else {
        m_planInfo->setText(id.isEmpty() ? tr("No plan is effective. Make a plan effective in the plan center first.")
                                         : tr("This plan cannot be read from the local store."));
        m_confirmationLabel->setText(tr("Type the plan's name to confirm"));
    }
    {
        const QSignalBlocker blocker(m_groups);
        m_groups->clear();
        for (const QString &group : std::as_const(groups)) {
            auto *item = new QListWidgetItem(group, m_groups);
            item->setData(IdRole, group);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_confirmation->clear();
    inputsChanged();
}

QStringList TicketDialog::checkedIds(const QListWidget *list)
{
    QStringList ids;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->checkState() == Qt::Checked)
            ids.append(list->item(row)->data(IdRole).toString());
    }
    return ids;
}

void TicketDialog::setChecked(QListWidget *list, const QStringList &ids)
{
    for (int row = 0; row < list->count(); ++row) {
        QListWidgetItem *item = list->item(row);
        item->setCheckState(ids.contains(item->data(IdRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

ExecutionTicket TicketDialog::ticket() const
{
    ExecutionTicket ticket;
    if (m_plan) {
        ticket.planId = m_plan->metadata.id;
        ticket.planName = m_plan->metadata.name;
        ticket.planVersion = m_planVersion;
    }
    ticket.failedSites = checkedIds(m_failed);
    ticket.emergencySites = checkedIds(m_emergency);
    const QStringList groups = checkedIds(m_groups);
    // Every group checked is "every group of the plan": a group added later is not left out.
    if (groups.size() != m_groups->count())
        ticket.productGroups = groups;
    ticket.description = m_description->toPlainText().trimmed();
    if (secondApprovalRequired())
        ticket.secondApprover = m_secondApprover->text().trimmed();
    return ticket;
}

bool TicketDialog::secondApprovalRequired() const
{
    return m_engine.settings().requireSecondApproval;
}

QStringList TicketDialog::liveProblems(bool siteConflicts) const
{
    QStringList problems;
    if (!m_plan)
        return problems;
    const QStringList failed = checkedIds(m_failed);
    const QStringList emergency = checkedIds(m_emergency);
    for (const QString &site : failed) {
        if (siteConflicts && emergency.contains(site))
            problems.append(
                tr("%1 is chosen both as a failed and as an emergency site: a site can only be one of them.").arg(site));
    }
    if (m_groups->count() > 0 && checkedIds(m_groups).isEmpty())
        problems.append(tr("Check at least one product group: with none, no step would run."));
    return problems;
}

void TicketDialog::inputsChanged()
{
    if (!m_executionId.isEmpty())
        return; // the ticket is recorded; its inputs are locked
    if (m_dryRun && dryRunInputs(ticket()) != m_dryRunTicket) {
        m_dryRun.reset();
        m_table->setRowCount(0);
        m_summary->setText(tr("The inputs changed since the dry run: run it again."));
    }
    m_startError.clear();
    updateState();
}

void TicketDialog::runDryRun()
{
    if (!m_plan)
        return;
    const ExecutionTicket current = ticket();
    m_dryRun = DryRun::run(*m_plan, current, m_topology);
    m_dryRunTicket = dryRunInputs(current);
    m_startError.clear();
    showDryRun();
    updateState();
}

bool TicketDialog::hasValidDryRun() const
{
    return m_dryRun && m_dryRun->ok() && dryRunInputs(ticket()) == m_dryRunTicket;
}

void TicketDialog::showDryRun()
{
    const DryRun &run = *m_dryRun;
    const FleetTopology &topology = m_topology;
    const QColor problem = problemColor(palette());
    const QColor warning = warningColor(palette());
    const QColor muted = palette().color(QPalette::Disabled, QPalette::Text);

    m_table->setRowCount(0);
    m_table->setRowCount(int(run.steps.size()));
    int selected = 0;
    int problems = int(run.problems.size());
    QStringList sites;
    for (int row = 0; row < run.steps.size(); ++row) {
        const ResolvedStep &step = run.steps.at(row);
        const PlanStep *planStep = m_plan->step(step.id);
        QStringList siteNames;
        for (const QString &id : step.sites) {
            const SiteState *site = topology.site(id);
            siteNames.append(site ? site->displayName() : id);
            if (step.selected && !sites.contains(id))
                sites.append(id);
        }
        QString guard = QStringLiteral("—");
        if (step.guard)
            guard = (step.guard->holds ? QStringLiteral("\u2714 ") : QStringLiteral("\u2716 ")) + step.guard->reason;
        else if (planStep && planStep->guard)
            guard = planStep->guard->describe();
        QStringList findings;
        for (const QString &text : step.problems)
            findings.append(QStringLiteral("\u2716 ") + text);
        for (const QString &text : step.warnings)
            findings.append(QStringLiteral("\u25b2 ") + text);
        if (!step.selected)
            findings.append(tr("Not selected: its product group %1 is not in the ticket.")
                                .arg(planStep ? planStep->productGroup : QString()));
        const QString texts[ColumnCount] = {PlanText::phase(step.phase),
                                            QStringLiteral("#%1 %2").arg(step.id).arg(step.name),
                                            step.operation,
                                            siteNames.join(QStringLiteral(", ")),
                                            QString::fromUtf8(
                                                QJsonDocument(step.parameters).toJson(QJsonDocument::Compact)),
                                            guard,
                                            findings.join(QLatin1Char('\n'))};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(texts[column]);
            item->setToolTip(texts[column]);
            if (!step.selected)
                item->setForeground(muted);
            m_table->setItem(row, column, item);
        }
        QTableWidgetItem *findingsItem = m_table->item(row, FindingsColumn);
        if (!step.problems.isEmpty()) {
            findingsItem->setForeground(problem);
            QFont bold = findingsItem->font();
            bold.setBold(true);
            findingsItem->setFont(bold);
        } else if (!step.warnings.isEmpty()) {
            findingsItem->setForeground(warning);
        }
        if (step.guard)
            m_table->item(row, GuardColumn)
                ->setForeground(step.guard->holds ? m_table->palette().color(QPalette::Text) : warning);
        selected += step.selected ? 1 : 0;
        problems += int(step.problems.size());
    }
    // Long texts wrap in capped columns so that the findings stay in view without scrolling.
    m_table->resizeColumnsToContents();
    for (int column : {StepColumn, GuardColumn})
        m_table->setColumnWidth(column, std::min(m_table->columnWidth(column), 250));
    m_table->setColumnWidth(ParametersColumn, std::min(m_table->columnWidth(ParametersColumn), 190));
    m_table->setColumnWidth(SitesColumn, std::min(m_table->columnWidth(SitesColumn), 160));
    m_table->resizeRowsToContents();

    const int notSelected = int(run.steps.size()) - selected;
    const QString counts = tr("%n step(s) will run", nullptr, selected) + QStringLiteral(" ")
                           + tr("on %n site(s)", nullptr, int(sites.size()))
                           + (notSelected > 0 ? QStringLiteral(" ") + tr("(%n not selected)", nullptr, notSelected)
                                              : QString());
    if (run.ok()) {
        m_summary->setText(
            tr("Dry run: %1. No problems, %2.").arg(counts, tr("%n warning(s)", nullptr, run.warningCount())));
    } else {
        m_summary->setText(tr("Dry run: %1. %2 stand in the way: fix them, then run the dry run again.")
                               .arg(counts, tr("%n problem(s)", nullptr, problems)));
    }
}

bool TicketDialog::canStart() const
{
    if (!m_plan || !hasValidDryRun() || !liveProblems(true).isEmpty())
        return false;
    if (m_confirmation->text().trimmed() != m_plan->metadata.name)
        return false;
    if (secondApprovalRequired()) {
        const QString approver = m_secondApprover->text().trimmed();
        const Operator me = Operator::current();
        if (approver.isEmpty() || approver.compare(me.user, Qt::CaseInsensitive) == 0
            || approver.compare(me.display(), Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
}

void TicketDialog::updateState()
{
    const bool locked = !m_executionId.isEmpty();
    for (QWidget *input : std::initializer_list<QWidget *>{m_plans, m_failed, m_emergency, m_groups, m_description,
                                                           m_dryRunButton, m_confirmation, m_secondApprover})
        input->setEnabled(!locked && (input != m_plans || m_plans->count() > 0));
    m_dryRunButton->setEnabled(!locked && m_plan.has_value());
    m_secondApproverLabel->setVisible(secondApprovalRequired());
    m_secondApprover->setVisible(secondApprovalRequired());

    // Before a dry run the dialog's own checks speak; after one, the dry run's findings about the
    // ticket replace them (they say the same about sites chosen twice).
    QStringList problems;
    if (m_dryRun && dryRunInputs(ticket()) == m_dryRunTicket)
        problems = m_dryRun->problems + liveProblems(false);
    else
        problems = liveProblems(true);
    if (!m_startError.isEmpty())
        problems.append(m_startError);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());

    // The hint names the next thing to do.
    QString hint;
    if (locked)
        hint = tr("Execution %1 is created. Press Start to try again.").arg(m_executionId);
    else if (!m_plan)
        hint = tr("Choose an effective plan.");
    else if (!m_dryRun || dryRunInputs(ticket()) != m_dryRunTicket)
        hint = tr("Run the dry run for these inputs before starting.");
    else if (!m_dryRun->ok() || !liveProblems(true).isEmpty())
        hint = tr("Fix the problems shown in red, then run the dry run again.");
    else if (m_confirmation->text().trimmed() != m_plan->metadata.name)
        hint = tr("Type the plan's name exactly to confirm that this plan is to run.");
    else if (secondApprovalRequired() && m_secondApprover->text().trimmed().isEmpty())
        hint = tr("Production requires a second approver: enter the name of the second person.");
    else if (secondApprovalRequired() && !canStart())
        hint = tr("The second approver must be another person than you (%1).").arg(Operator::current().user);
    else
        hint = tr("Ready to start. The steps are dispatched to the agents at once.");
    m_hint->setText(hint);
    m_startButton->setEnabled(locked || canStart());
}

bool TicketDialog::startExecution()
{
    ExecutionEngine &engine = m_engine;
    const Operator who = Operator::current();
    if (m_executionId.isEmpty()) {
        if (!canStart()) {
            updateState();
            return false;
        }
        ExecutionTicket recorded = ticket();
        recorded.createdBy = who.display();
        QString error;
        const QString id = engine.create(*m_plan, recorded, &error);
        if (id.isEmpty()) {
            m_startError = tr("The execution was not created: %1").arg(error);
            updateState();
            return false;
        }
        m_executionId = id;
    }
    QString error;
    if (!engine.start(m_executionId, who, &error)) {
        m_startError = tr("The execution %1 is recorded but did not start: %2").arg(m_executionId, error);
        updateState();
        return false;
    }
    m_startError.clear();
    Q_EMIT executionStarted(m_executionId);
    accept();
    return true;
}

QString TicketDialog::problemText() const
{
    return m_problems->text();
}

QString TicketDialog::hintText() const
{
    return m_hint->text();
}

} // namespace Haven
