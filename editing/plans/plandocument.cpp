// SPDX-License-Identifier: GPL-3.0-or-later
#include "plandocument.h"

#include <QTimer>
#include <QUndoStack>

#include <algorithm>

namespace Haven {

QString PlanText::kind(PlanKind kind)
{
    switch (kind) {
    case PlanKind::DisasterRecovery:
        return tr("DR plan");
    case PlanKind::Emergency:
        return tr("Emergency plan");
    case PlanKind::Drill:
        return tr("Drill");
    }
    return {};
}

QString PlanText::state(PlanState state)
{
    switch (state) {
    case PlanState::Draft:
        return tr("Draft");
    case PlanState::Effective:
        return tr("Effective");
    case PlanState::Disabled:
        return tr("Disabled");
    }
    return {};
}

QString PlanText::phase(PlanPhase phase)
{
    switch (phase) {
    case PlanPhase::Switchover:
        return tr("Switchover");
    case PlanPhase::Recovery:
        return tr("Recovery");
    }
    return {};
}

QString PlanText::targetKind(StepTargetKind kind)
{
    switch (kind) {
    case StepTargetKind::FailedSite:
        return tr("Failed site");
    case StepTargetKind::EmergencySite:
        return tr("Emergency site");
    case StepTargetKind::EverySite:
        return tr("Every site");
    case StepTargetKind::NamedSite:
        return tr("Named site");
    }
    return {};
}

QString PlanText::target(const StepTarget &target)
{
    if (target.kind == StepTargetKind::NamedSite)
        return target.site.isEmpty() ? tr("Named site (none chosen)") : tr("Site %1").arg(target.site);
    return targetKind(target.kind);
}

QString PlanText::onFailure(OnFailure onFailure)
{
    switch (onFailure) {
    case OnFailure::Stop:
        return tr("Stop the plan");
    case OnFailure::Pause:
        return tr("Pause for the operator");
    case OnFailure::Continue:
        return tr("Continue");
    }
    return {};
}

QString PlanText::guardKind(GuardKind kind)
{
    switch (kind) {
    case GuardKind::ReplicationLagBelow:
        return tr("Replication lag below");
    case GuardKind::CapacityBelow:
        return tr("Capacity below");
    case GuardKind::ComponentStatusOk:
        return tr("Components healthy");
    }
    return {};
}

QString PlanText::duration(int seconds)
{
    if (seconds <= 0)
        return QStringLiteral("—");
    if (seconds % 3600 == 0)
        return tr("%1 h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 s").arg(seconds);
}

PlanDocument::PlanDocument(QObject *parent)
    : PlanDocument(PlanData{}, parent)
{ }

PlanDocument::PlanDocument(const PlanData &data, QObject *parent)
    : QObject(parent)
    , m_plan(new Plan(data, this))
    , m_undoStack(new QUndoStack(this))
    , m_validationTimer(new QTimer(this))
{
    m_validationTimer->setSingleShot(true);
    m_validationTimer->setInterval(0);
    connect(m_validationTimer, &QTimer::timeout, this, &PlanDocument::validateNow);
    connect(m_plan, &Plan::planChanged, this, &PlanDocument::scheduleValidation);
    connect(m_plan, &Plan::modelReset, this, &PlanDocument::scheduleValidation);
    connect(m_undoStack, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT dirtyChanged(!clean); });
    validateNow();
}

// The stack is deleted before the plan so no command outlives the model it names.
PlanDocument::~PlanDocument()
{
    // Clearing the stack emits cleanChanged and friends: nobody should hear them any more.
    m_undoStack->blockSignals(true);
    blockSignals(true);
    delete m_undoStack;
}

void PlanDocument::push(QUndoCommand *command)
{
    m_undoStack->push(command);
}

void PlanDocument::load(const PlanData &data)
{
    m_undoStack->clear();
    m_plan->setData(data);
    m_undoStack->setClean();
    validateNow();
}

void PlanDocument::setCatalog(const QList<OperationSpec> &catalog)
{
    m_catalog = catalog;
    validateNow();
}

const OperationSpec *PlanDocument::operation(const QString &code) const
{
    const auto it = std::find_if(m_catalog.cbegin(), m_catalog.cend(),
                                 [&code](const OperationSpec &spec) { return spec.code == code; });
    return it == m_catalog.cend() ? nullptr : &*it;
}

void PlanDocument::setFilePath(const QString &path)
{
    if (path == m_filePath)
        return;
    m_filePath = path;
    Q_EMIT filePathChanged(path);
}

bool PlanDocument::isDirty() const
{
    return !m_undoStack->isClean();
}

void PlanDocument::markSaved()
{
    m_undoStack->setClean();
}

void PlanDocument::scheduleValidation()
{
    m_validationTimer->start();
}

bool PlanDocument::validationPending() const
{
    return m_validationTimer->isActive();
}

void PlanDocument::validateNow()
{
    m_validationTimer->stop();
    m_issues = PlanValidator::validate(m_plan->data(), m_catalog);
    Q_EMIT validationChanged();
}

QList<PlanIssue> PlanDocument::issuesOf(StepId step) const
{
    QList<PlanIssue> result;
    for (const PlanIssue &issue : m_issues) {
        if (issue.step == step || (!issue.concernsEdge() && issue.steps.contains(step)))
            result.append(issue);
    }
    return result;
}

QList<PlanIssue> PlanDocument::issuesOf(const PlanEdge &edge) const
{
    QList<PlanIssue> result;
    for (const PlanIssue &issue : m_issues) {
        if (issue.concernsEdge() && issue.edge == edge)
            result.append(issue);
    }
    return result;
}

int PlanDocument::errorCount() const
{
    return PlanValidator::errorCount(m_issues);
}

int PlanDocument::warningCount() const
{
    return int(m_issues.size()) - errorCount();
}

} // namespace Haven
