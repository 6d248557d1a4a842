// SPDX-License-Identifier: GPL-3.0-or-later
#include "drilldesigner.h"

#include "drilltable.h"

#include "app/plans/planlibrary.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Haven {

namespace {

enum ActionColumn {
    ActionId,
    ActionKind,
    ActionScope,
    ActionSite,
    ActionValue,
    ActionParameters,
    ActionStart,
    ActionDuration
};
enum HaltColumn { HaltKindColumn, HaltSite, HaltSubject, HaltBound };

QStringList split(const QString &text)
{
    QStringList list;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        list.append(part.trimmed());
    return list;
}

// Targets as people type them: "sha" (a whole site) or "layer:sha:database".
QString targetsText(const QList<DrillTarget> &targets)
{
    QStringList parts;
    for (const DrillTarget &target : targets)
        parts.append(target.scope == TargetScope::Site
                         ? target.site
                         : QStringLiteral("%1:%2:%3").arg(toString(target.scope), target.site, target.value));
    return parts.join(QStringLiteral(", "));
}

std::optional<QList<DrillTarget>> parseTargets(const QString &text, const QString &field, QString *error)
{
    QList<DrillTarget> targets;
    for (const QString &part : split(text)) {
        const QStringList pieces = part.split(QLatin1Char(':'));
        if (pieces.size() == 1) {
            targets.append({TargetScope::Site, pieces.first(), {}});
            continue;
        }
        const std::optional<TargetScope> scope = targetScopeFromString(pieces.first());
        if (pieces.size() != 3 || !scope) {
            *error = DrillDesigner::tr("%1: \"%2\" is not a site or scope:site:value (scopes: %3)")
                         .arg(field, part, allowedTargetScopes());
            return std::nullopt;
        }
        targets.append({*scope, pieces.at(1), pieces.at(2)});
    }
    return targets;
}

QComboBox *combo(const QStringList &items, const QString &current)
{
    auto *box = new QComboBox;
    box->addItems(items);
    box->setCurrentText(current);
    return box;
}

QString cell(const QTableWidget *table, int row, int column)
{
    if (auto *box = qobject_cast<QComboBox *>(table->cellWidget(row, column)))
        return box->currentText();
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

} // namespace

DrillDesigner::DrillDesigner(PlanLibrary &plans, QWidget *parent)
    : QWidget(parent)
    , m_plans(plans)
    , m_name(new QLineEdit)
    , m_description(new QLineEdit)
    , m_sequencing(new QComboBox)
    , m_plan(new QComboBox)
    , m_failed(new QLineEdit)
    , m_emergency(new QLineEdit)
    , m_groups(new QLineEdit)
    , m_rto(new QSpinBox)
    , m_rpo(new QSpinBox)
    , m_actions(drillTable({tr("Id"), tr("Fault"), tr("Target scope"), tr("Site"), tr("Target"),
                            tr("Parameters (JSON)"), tr("Start (s)"), tr("Duration (s)")},
                           true))
    , m_halts(drillTable({tr("Halt when"), tr("Site (empty: all)"), tr("Subject"), tr("Bound")}, true))
    , m_mustFail(new QLineEdit)
    , m_mustStayHealthy(new QLineEdit)
{
    m_sequencing->addItem(tr("All faults in parallel (each at its start offset)"), toString(Sequencing::Parallel));
    m_sequencing->addItem(tr("In sequence (each after the previous one ended)"), toString(Sequencing::Sequence));
    for (QSpinBox *box : {m_rto, m_rpo}) {
        box->setRange(0, 7 * 86400);
        box->setSuffix(tr(" s"));
        box->setSpecialValueText(tr("no objective"));
    }
    m_failed->setPlaceholderText(tr("failed sites, comma-separated: sha"));
    m_emergency->setPlaceholderText(tr("emergency sites, comma-separated: shb"));
    m_groups->setPlaceholderText(tr("product groups (empty: all the plan's)"));
    m_mustFail->setPlaceholderText(tr("sha, or layer:sha:database, comma-separated"));
    m_mustStayHealthy->setPlaceholderText(tr("shb, or productGroup:shb:payments"));

    auto *addAction = new QPushButton(tr("Add fault"));
    auto *removeAction = new QPushButton(tr("Remove fault"));
    connect(addAction, &QPushButton::clicked, this, [this] {
        addActionRow({QStringLiteral("fault-%1").arg(m_actions->rowCount() + 1),
                      FaultKind::Cpu,
                      {TargetScope::Component, {}, {}},
                      {{QStringLiteral("percent"), 80}},
                      0,
                      300});
    });
    connect(removeAction, &QPushButton::clicked, this, [this] { m_actions->removeRow(m_actions->currentRow()); });
    auto *addHalt = new QPushButton(tr("Add halt condition"));
    auto *removeHalt = new QPushButton(tr("Remove halt condition"));
    connect(addHalt, &QPushButton::clicked, this, [this] { addHaltRow({HaltKind::Elapsed, {}, {}, 600}); });
    connect(removeHalt, &QPushButton::clicked, this, [this] { m_halts->removeRow(m_halts->currentRow()); });
    auto *actionButtons = new QHBoxLayout;
    actionButtons->addWidget(addAction);
    actionButtons->addWidget(removeAction);
    actionButtons->addStretch();
    auto *haltButtons = new QHBoxLayout;
    haltButtons->addWidget(addHalt);
    haltButtons->addWidget(removeHalt);
    haltButtons->addStretch();

    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Faults run"), m_sequencing);
    form->addRow(tr("Rehearsed plan"), m_plan);
    form->addRow(tr("Failed sites"), m_failed);
    form->addRow(tr("Emergency sites"), m_emergency);
    form->addRow(tr("Product groups"), m_groups);
    form->addRow(tr("RTO objective"), m_rto);
    form->addRow(tr("RPO objective"), m_rpo);
    form->addRow(tr("Expected to fail"), m_mustFail);
    form->addRow(tr("Must stay healthy"), m_mustStayHealthy);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_actions, 1);
    layout->addLayout(actionButtons);
    layout->addWidget(m_halts, 1);
    layout->addLayout(haltButtons);
    reloadPlans();
    connect(&plans, &PlanLibrary::plansChanged, this, &DrillDesigner::reloadPlans);
}

void DrillDesigner::reloadPlans()
{
    const QString current = m_plan->currentData().toString();
    m_plan->clear();
    m_plan->addItem(tr("none: only the faults"), QString());
    for (const PlanSummary &plan : m_plans.plans()) {
        if (plan.state == PlanState::Effective)
            m_plan->addItem(plan.name, plan.id);
    }
    m_plan->setCurrentIndex(std::max(0, m_plan->findData(current)));
}

void DrillDesigner::addActionRow(const FaultAction &action)
{
    const int row = m_actions->rowCount();
    m_actions->insertRow(row);
    m_actions->setItem(row, ActionId, new QTableWidgetItem(action.id));
    QStringList kinds;
    for (FaultKind kind : {FaultKind::Cpu, FaultKind::Memory, FaultKind::Network, FaultKind::ProcessKill,
                           FaultKind::HostDown, FaultKind::SiteDark})
        kinds.append(toString(kind));
    m_actions->setCellWidget(row, ActionKind, combo(kinds, toString(action.kind)));
    m_actions->setCellWidget(row, ActionScope,
                             combo(allowedTargetScopes().split(QStringLiteral(" | ")), toString(action.target.scope)));
    m_actions->setItem(row, ActionSite, new QTableWidgetItem(action.target.site));
    m_actions->setItem(row, ActionValue, new QTableWidgetItem(action.target.value));
    m_actions->setItem(row, ActionParameters,
                       new QTableWidgetItem(
                           QString::fromUtf8(QJsonDocument(action.parameters).toJson(QJsonDocument::Compact))));
    m_actions->setItem(row, ActionStart, new QTableWidgetItem(QString::number(action.startOffsetSeconds)));
    m_actions->setItem(row, ActionDuration, new QTableWidgetItem(QString::number(action.durationSeconds)));
}

void DrillDesigner::addHaltRow(const HaltCondition &condition)
{
    const int row = m_halts->rowCount();
    m_halts->insertRow(row);
    m_halts->setCellWidget(row, HaltKindColumn,
                           combo(allowedHaltKinds().split(QStringLiteral(" | ")), toString(condition.kind)));
    m_halts->setItem(row, HaltSite, new QTableWidgetItem(condition.site));
    m_halts->setItem(row, HaltSubject, new QTableWidgetItem(condition.subject));
    m_halts->setItem(row, HaltBound, new QTableWidgetItem(QString::number(condition.bound)));
}

void DrillDesigner::setDrill(const Drill &drill)
{
    m_id = drill.id;
    m_architecture = drill.architecture;
    m_name->setText(drill.name);
    m_description->setText(drill.description);
    m_sequencing->setCurrentIndex(drill.sequencing == Sequencing::Parallel ? 0 : 1);
    m_plan->setCurrentIndex(std::max(0, m_plan->findData(drill.plan.planId)));
    m_failed->setText(drill.plan.failedSites.join(QStringLiteral(", ")));
    m_emergency->setText(drill.plan.emergencySites.join(QStringLiteral(", ")));
    m_groups->setText(drill.plan.productGroups.join(QStringLiteral(", ")));
    m_rto->setValue(drill.objectives.rtoSeconds);
    m_rpo->setValue(drill.objectives.rpoSeconds);
    m_mustFail->setText(targetsText(drill.expected.mustFail));
    m_mustStayHealthy->setText(targetsText(drill.expected.mustStayHealthy));
    m_actions->setRowCount(0);
    for (const FaultAction &action : drill.actions)
        addActionRow(action);
    m_halts->setRowCount(0);
    for (const HaltCondition &condition : drill.haltConditions)
        addHaltRow(condition);
}

std::optional<Drill> DrillDesigner::drill(QString *error) const
{
    Drill drill;
    drill.id = m_id;
    drill.architecture = m_architecture;
    drill.name = m_name->text().trimmed();
    drill.description = m_description->text().trimmed();
    drill.sequencing = m_sequencing->currentIndex() == 0 ? Sequencing::Parallel : Sequencing::Sequence;
    drill.plan = {m_plan->currentData().toString(), split(m_failed->text()), split(m_emergency->text()),
                  split(m_groups->text())};
    drill.objectives = {m_rto->value(), m_rpo->value()};
    for (int row = 0; row < m_actions->rowCount(); ++row) {
        FaultAction action;
        action.id = cell(m_actions, row, ActionId);
        action.kind = faultKindFromString(cell(m_actions, row, ActionKind)).value_or(FaultKind::Cpu);
        action.target = {targetScopeFromString(cell(m_actions, row, ActionScope)).value_or(TargetScope::Site),
                         cell(m_actions, row, ActionSite), cell(m_actions, row, ActionValue)};
        const QString parameters = cell(m_actions, row, ActionParameters);
        const QJsonDocument json = QJsonDocument::fromJson(parameters.isEmpty() ? QByteArray("{}")
                                                                                : parameters.toUtf8());
        bool startOk = false;
        bool durationOk = false;
        action.startOffsetSeconds = cell(m_actions, row, ActionStart).toInt(&startOk);
        action.durationSeconds = cell(m_actions, row, ActionDuration).toInt(&durationOk);
        if (!json.isObject() || !startOk || !durationOk) {
            *error = tr("Fault %1: the parameters must be a JSON object and the times whole seconds.").arg(row + 1);
            return std::nullopt;
        }
        action.parameters = json.object();
        drill.actions.append(action);
    }
    for (int row = 0; row < m_halts->rowCount(); ++row) {
        bool ok = false;
        const HaltCondition condition{haltKindFromString(cell(m_halts, row, HaltKindColumn)).value_or(HaltKind::Elapsed),
                                      cell(m_halts, row, HaltSite), cell(m_halts, row, HaltSubject),
                                      cell(m_halts, row, HaltBound).toDouble(&ok)};
        if (!ok) {
            *error = tr("Halt condition %1: the bound must be a number.").arg(row + 1);
            return std::nullopt;
        }
        drill.haltConditions.append(condition);
    }
    const auto mustFail = parseTargets(m_mustFail->text(), tr("Expected to fail"), error);
    const auto mustStay = mustFail ? parseTargets(m_mustStayHealthy->text(), tr("Must stay healthy"), error)
                                   : std::nullopt;
    if (!mustStay)
        return std::nullopt;
    drill.expected = {*mustFail, *mustStay};
    return drill;
}

} // namespace Haven
