// SPDX-License-Identifier: GPL-3.0-or-later
#include "plan.h"

#include "core/enumnames.h"

#include "core/jsonfields.h"
#include "models/topology/fleettopology.h"
#include "planformat.h"
#include "planvalidator.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>

namespace Haven {

namespace {

constexpr EnumNames<PlanKind, 3> KindNames{{{PlanKind::DisasterRecovery, QLatin1StringView("disasterRecovery")},
                                            {PlanKind::Emergency, QLatin1StringView("emergency")},
                                            {PlanKind::Drill, QLatin1StringView("drill")}}};
constexpr EnumNames<PlanState, 3> StateNames{{{PlanState::Draft, QLatin1StringView("draft")},
                                              {PlanState::Effective, QLatin1StringView("effective")},
                                              {PlanState::Disabled, QLatin1StringView("disabled")}}};
constexpr EnumNames<PlanPhase, 2> PhaseNames{
    {{PlanPhase::Switchover, QLatin1StringView("switchover")}, {PlanPhase::Recovery, QLatin1StringView("recovery")}}};
constexpr EnumNames<StepTargetKind, 4> TargetNames{{{StepTargetKind::FailedSite, QLatin1StringView("failedSite")},
                                                    {StepTargetKind::EmergencySite, QLatin1StringView("emergencySite")},
                                                    {StepTargetKind::EverySite, QLatin1StringView("everySite")},
                                                    {StepTargetKind::NamedSite, QLatin1StringView("namedSite")}}};
constexpr EnumNames<OnFailure, 3> OnFailureNames{{{OnFailure::Stop, QLatin1StringView("stop")},
                                                  {OnFailure::Pause, QLatin1StringView("pause")},
                                                  {OnFailure::Continue, QLatin1StringView("continue")}}};
constexpr EnumNames<GuardKind, 3> GuardNames{
    {{GuardKind::ReplicationLagBelow, QLatin1StringView("replicationLagBelow")},
     {GuardKind::CapacityBelow, QLatin1StringView("capacityBelow")},
     {GuardKind::ComponentStatusOk, QLatin1StringView("componentStatusOk")}}};

QString number(double value)
{
    return QString::number(value, 'g', 10);
}

} // namespace

QString toString(PlanKind kind)
{
    return nameOf(KindNames, kind);
}
QString toString(PlanState state)
{
    return nameOf(StateNames, state);
}
QString toString(PlanPhase phase)
{
    return nameOf(PhaseNames, phase);
}
QString toString(StepTargetKind kind)
{
    return nameOf(TargetNames, kind);
}
QString toString(OnFailure onFailure)
{
    return nameOf(OnFailureNames, onFailure);
}
QString toString(GuardKind kind)
{
    return nameOf(GuardNames, kind);
}
std::optional<PlanKind> planKindFromString(QStringView text)
{
    return valueOf(KindNames, text);
}
std::optional<PlanState> planStateFromString(QStringView text)
{
    return valueOf(StateNames, text);
}
std::optional<PlanPhase> planPhaseFromString(QStringView text)
{
    return valueOf(PhaseNames, text);
}
std::optional<StepTargetKind> stepTargetKindFromString(QStringView text)
{
    return valueOf(TargetNames, text);
}
std::optional<OnFailure> onFailureFromString(QStringView text)
{
    return valueOf(OnFailureNames, text);
}
std::optional<GuardKind> guardKindFromString(QStringView text)
{
    return valueOf(GuardNames, text);
}

QList<PlanPhase> phasesOf(PlanKind kind)
{
    if (kind == PlanKind::Emergency)
        return {PlanPhase::Switchover};
    return {PlanPhase::Switchover, PlanPhase::Recovery};
}

int RetryPolicy::delayBeforeRetry(int retry) const
{
    if (retry < 1 || backoffSeconds <= 0)
        return 0;
    const double delay = backoffSeconds * std::pow(std::max(1.0, backoffMultiplier), retry - 1);
    return int(std::min(delay, 86400.0));
}

// --- StepGuard ---------------------------------------------------------------------------

QJsonObject StepGuard::toJson() const
{
    QJsonObject json{{QStringLiteral("kind"), toString(kind)}};
    if (kind == GuardKind::ReplicationLagBelow)
        json.insert(QStringLiteral("seconds"), threshold);
    else if (kind == GuardKind::CapacityBelow)
        json.insert(QStringLiteral("percent"), threshold);
    if (!productGroup.isEmpty())
        json.insert(QStringLiteral("productGroup"), productGroup);
    if (!component.isEmpty())
        json.insert(QStringLiteral("component"), component);
    if (layer)
        json.insert(QStringLiteral("layer"), Haven::toString(*layer));
    if (allowWarning)
        json.insert(QStringLiteral("allowWarning"), true);
    return json;
}

std::optional<StepGuard> StepGuard::fromJson(const QJsonObject &json, QString *error)
{
    JsonFields fields(json, QStringLiteral("guard"));
    StepGuard guard;
    guard.kind = fields.requiredEnum<GuardKind>(QStringLiteral("kind"), guardKindFromString,
                                                QStringLiteral(
                                                    "replicationLagBelow | capacityBelow | componentStatusOk"));
    if (fields.ok() && guard.kind == GuardKind::ReplicationLagBelow)
        guard.threshold = fields.requiredNumber(QStringLiteral("seconds"));
    else if (fields.ok() && guard.kind == GuardKind::CapacityBelow)
        guard.threshold = fields.requiredNumber(QStringLiteral("percent"));
    guard.productGroup = fields.optionalString(QStringLiteral("productGroup"));
    guard.component = fields.optionalString(QStringLiteral("component"));
    const QString layer = fields.optionalString(QStringLiteral("layer"));
    if (fields.ok() && !layer.isEmpty()) {
        guard.layer = layerFromString(layer);
        if (!guard.layer)
            fields.fail(QStringLiteral("layer"),
                        QStringLiteral("expected one of %1, got \"%2\"").arg(allowedLayers(), layer));
    }
    guard.allowWarning = fields.optionalBool(QStringLiteral("allowWarning"), false);
    for (auto it = json.constBegin(); fields.ok() && it != json.constEnd(); ++it) {
        static const QStringList known{QStringLiteral("kind"),        QStringLiteral("seconds"),
                                       QStringLiteral("percent"),     QStringLiteral("productGroup"),
                                       QStringLiteral("component"),   QStringLiteral("layer"),
                                       QStringLiteral("allowWarning")};
        if (!known.contains(it.key()))
            fields.fail(it.key(), QStringLiteral("unknown guard field"));
    }
    if (!fields.ok()) {
        if (error)
            *error = fields.error();
        return std::nullopt;
    }
    return guard;
}

QString StepGuard::describe() const
{
    QString scope = component.isEmpty() ? productGroup : component;
    if (scope.isEmpty())
        scope = Plan::tr("the step's product group");
    if (layer)
        scope = Plan::tr("%1 (%2 layer)").arg(scope, Haven::toString(*layer));
    switch (kind) {
    case GuardKind::ReplicationLagBelow:
        return Plan::tr("replication lag of %1 below %2 s").arg(scope, number(threshold));
    case GuardKind::CapacityBelow:
        return Plan::tr("capacity of %1 below %2 %").arg(scope, number(threshold));
    case GuardKind::ComponentStatusOk:
        return allowWarning ? Plan::tr("components of %1 ok or warning").arg(scope)
                            : Plan::tr("components of %1 ok").arg(scope);
    }
    return {};
}

GuardResult evaluateGuard(const StepGuard &guard, const QString &stepProductGroup, const QList<TopologySnapshot> &sites)
{
    const QString group = guard.productGroup.isEmpty() ? stepProductGroup : guard.productGroup;
    int checked = 0;
    QStringList failures;
    for (const TopologySnapshot &site : sites) {
        QHash<QString, const Component *> byId;
        for (const Component &c : site.components)
            byId.insert(c.id, &c);
        auto matches = [&](const Component &c) {
            if (!guard.component.isEmpty())
                return c.id == guard.component;
            if (!group.isEmpty() && c.productGroup != group)
                return false;
            return !guard.layer || c.layer == *guard.layer;
        };
        if (guard.kind == GuardKind::ReplicationLagBelow) {
            for (const ReplicationLink &link : site.replication) {
                const QString local = link.fromSite == site.siteId ? link.fromComponent : link.toComponent;
                if (!guard.component.isEmpty()) {
                    if (link.fromComponent != guard.component && link.toComponent != guard.component)
                        continue;
                } else {
                    const Component *c = byId.value(local);
                    if (!group.isEmpty() && (!c || c->productGroup != group))
                        continue;
                    if (guard.layer && (!c || c->layer != *guard.layer))
                        continue;
                }
                ++checked;
                if (link.state == ReplicationState::Broken)
                    failures.append(Plan::tr("%1 is broken").arg(link.id));
                else if (!(link.lagSeconds < guard.threshold))
                    failures.append(Plan::tr("%1 lags %2 s").arg(link.id, number(link.lagSeconds)));
            }
            continue;
        }
        for (const Component &c : site.components) {
            if (!matches(c))
                continue;
            if (guard.kind == GuardKind::CapacityBelow) {
                const auto it = c.metrics.constFind(QStringLiteral("capacity"));
                if (it == c.metrics.constEnd())
                    continue;
                ++checked;
                if (!(*it < guard.threshold))
                    failures.append(Plan::tr("%1 at %2 %").arg(c.id, number(*it)));
            } else {
                ++checked;
                const bool fine = c.status == ComponentStatus::Ok
                                  || (guard.allowWarning && c.status == ComponentStatus::Warning);
                if (!fine)
                    failures.append(Plan::tr("%1 is %2").arg(c.id, Haven::toString(c.status)));
            }
        }
    }
    GuardResult result;
    if (checked == 0) {
        result.reason = Plan::tr("Guard \"%1\" cannot be checked: nothing at the target sites matches it.")
                            .arg(guard.describe());
        return result;
    }
    result.holds = failures.isEmpty();
    result.reason = result.holds ? Plan::tr("Guard \"%1\" holds (%n checked).", nullptr, checked).arg(guard.describe())
                                 : Plan::tr("Guard \"%1\" does not hold: %2.")
                                       .arg(guard.describe(), failures.join(QStringLiteral(", ")));
    return result;
}

GuardResult evaluateGuard(const StepGuard &guard, const QString &stepProductGroup, const FleetTopology &topology,
                          const QStringList &siteIds)
{
    QList<TopologySnapshot> sites;
    for (const QString &id : siteIds) {
        if (topology.site(id))
            sites.append(topology.snapshot(id));
    }
    return evaluateGuard(guard, stepProductGroup, sites);
}

// --- PlanData ----------------------------------------------------------------------------

namespace {

auto stepLess = [](const PlanStep &a, StepId id) { return a.id < id; };

} // namespace

const PlanStep *PlanData::step(StepId id) const
{
    const auto it = std::lower_bound(steps.cbegin(), steps.cend(), id, stepLess);
    return it != steps.cend() && it->id == id ? &*it : nullptr;
}

QList<StepId> PlanData::successors(StepId id) const
{
    return successorsIn(edges, id);
}

QList<StepId> PlanData::predecessors(StepId id) const
{
    return predecessorsIn(edges, id);
}

QList<const PlanStep *> PlanData::stepsOf(PlanPhase phase) const
{
    QList<const PlanStep *> result;
    for (const PlanStep &s : steps) {
        if (s.phase == phase)
            result.append(&s);
    }
    return result;
}

StepId PlanData::maxStepId() const
{
    StepId result = InvalidStepId;
    for (const PlanStep &s : steps)
        result = std::max(result, s.id);
    return result;
}

void PlanData::normalize()
{
    std::stable_sort(steps.begin(), steps.end(), [](const PlanStep &a, const PlanStep &b) { return a.id < b.id; });
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
}

// --- Plan --------------------------------------------------------------------------------

Plan::Plan(QObject *parent)
    : QObject(parent)
    , m_graph(new GraphModel(this))
{ }

Plan::Plan(const PlanData &data, QObject *parent)
    : QObject(parent)
    , m_data(data)
    , m_graph(new GraphModel(this))
{
    m_data.normalize();
    m_nextId = m_data.maxStepId() + 1;
    resetGraph();
}

void Plan::resetGraph()
{
    QList<GraphNode> nodes;
    nodes.reserve(m_data.steps.size());
    for (const PlanStep &s : std::as_const(m_data.steps))
        nodes.append({s.id, StepNodeKind, s.position});
    QList<GraphEdge> edges;
    edges.reserve(m_data.edges.size());
    for (const PlanEdge &e : std::as_const(m_data.edges))
        edges.append({e.from, e.to, {}, {}});
    m_graph->reset(nodes, edges);
}

void Plan::setData(const PlanData &data)
{
    m_data = data;
    m_data.normalize();
    m_nextId = std::max(m_nextId, m_data.maxStepId() + 1);
    resetGraph();
    Q_EMIT modelReset();
    Q_EMIT metadataChanged();
    Q_EMIT planChanged();
}

void Plan::setMetadata(const PlanMetadata &metadata)
{
    PlanMetadata next = metadata;
    next.state = m_data.metadata.state;
    if (next == m_data.metadata)
        return;
    m_data.metadata = next;
    Q_EMIT metadataChanged();
    Q_EMIT planChanged();
}

#define HAVEN_PLAN_SETTER(field, value) \
    if (m_data.metadata.field == value) \
        return; \
    m_data.metadata.field = value; \
    Q_EMIT metadataChanged(); \
    Q_EMIT planChanged();

void Plan::setId(const QString &id)
{
    HAVEN_PLAN_SETTER(id, id)
}
void Plan::setName(const QString &name)
{
    HAVEN_PLAN_SETTER(name, name)
}
void Plan::setDescription(const QString &description)
{
    HAVEN_PLAN_SETTER(description, description)
}
void Plan::setKind(PlanKind kind)
{
    HAVEN_PLAN_SETTER(kind, kind)
}
void Plan::setRtoSeconds(int seconds)
{
    HAVEN_PLAN_SETTER(rtoSeconds, seconds)
}
void Plan::setRpoSeconds(int seconds)
{
    HAVEN_PLAN_SETTER(rpoSeconds, seconds)
}

#undef HAVEN_PLAN_SETTER

bool Plan::canBecomeEffective(const QList<OperationSpec> &catalog, QString *why) const
{
    const QList<PlanIssue> issues = PlanValidator::validate(m_data, catalog);
    QStringList errors;
    for (const PlanIssue &issue : issues) {
        if (issue.severity == PlanIssue::Severity::Error)
            errors.append(issue.message);
    }
    if (errors.isEmpty())
        return true;
    if (why) {
        *why = tr("The plan has %n error(s) and stays as it is; fix them first: %1", nullptr, int(errors.size()))
                   .arg(errors.mid(0, 3).join(QStringLiteral(" ")));
    }
    return false;
}

bool Plan::setState(PlanState state, const QList<OperationSpec> &catalog, QString *error)
{
    if (state == m_data.metadata.state)
        return true;
    if (state == PlanState::Effective && !canBecomeEffective(catalog, error))
        return false;
    m_data.metadata.state = state;
    Q_EMIT stateChanged(state);
    Q_EMIT metadataChanged();
    return true;
}

QList<StepId> Plan::stepIds() const
{
    QList<StepId> ids;
    ids.reserve(m_data.steps.size());
    for (const PlanStep &s : m_data.steps)
        ids.append(s.id);
    return ids;
}

QList<StepId> Plan::stepIds(PlanPhase phase) const
{
    QList<StepId> ids;
    for (const PlanStep &s : m_data.steps) {
        if (s.phase == phase)
            ids.append(s.id);
    }
    return ids;
}

bool Plan::hasStep(StepId id) const
{
    return m_data.step(id) != nullptr;
}

PlanStep Plan::step(StepId id) const
{
    const PlanStep *s = m_data.step(id);
    return s ? *s : PlanStep{};
}

PlanStep *Plan::findStep(StepId id)
{
    const auto it = std::lower_bound(m_data.steps.begin(), m_data.steps.end(), id, stepLess);
    return it != m_data.steps.end() && it->id == id ? &*it : nullptr;
}

StepId Plan::addStep(const PlanStep &step)
{
    PlanStep added = step;
    if (added.id == InvalidStepId)
        added.id = m_nextId;
    if (added.id < 0 || hasStep(added.id))
        return InvalidStepId;
    m_nextId = std::max(m_nextId, added.id + 1);
    const auto it = std::lower_bound(m_data.steps.begin(), m_data.steps.end(), added.id, stepLess);
    m_data.steps.insert(it, added);
    m_graph->addNode({added.id, StepNodeKind, added.position});
    Q_EMIT stepAdded(added.id);
    Q_EMIT planChanged();
    return added.id;
}

bool Plan::removeStep(StepId id)
{
    if (!hasStep(id))
        return false;
    const QList<PlanEdge> attached = edgesOf(id);
    for (const PlanEdge &edge : attached) {
        m_data.edges.removeOne(edge);
        m_graph->removeEdge(edge.from, edge.to);
        Q_EMIT edgeRemoved(edge.from, edge.to);
    }
    const auto it = std::lower_bound(m_data.steps.begin(), m_data.steps.end(), id, stepLess);
    m_data.steps.erase(it);
    m_graph->removeNode(id);
    Q_EMIT stepRemoved(id);
    Q_EMIT planChanged();
    return true;
}

bool Plan::setStep(const PlanStep &step)
{
    PlanStep *current = findStep(step.id);
    if (!current)
        return false;
    if (current->phase != step.phase && !edgesOf(step.id).isEmpty())
        return false;
    if (*current == step)
        return true;
    const bool moved = current->position != step.position;
    PlanStep logical = step;
    logical.position = current->position;
    const bool changed = !(logical == *current);
    *current = step;
    if (changed) {
        m_graph->notifyNodeChanged(step.id);
        Q_EMIT stepChanged(step.id);
        Q_EMIT planChanged();
    }
    if (moved) {
        m_graph->setNodePosition(step.id, step.position);
        Q_EMIT stepMoved(step.id);
    }
    return true;
}

bool Plan::setStepPosition(StepId id, const QPointF &position)
{
    PlanStep *current = findStep(id);
    if (!current)
        return false;
    if (current->position != position) {
        current->position = position;
        m_graph->setNodePosition(id, position);
        Q_EMIT stepMoved(id);
    }
    return true;
}

QList<PlanEdge> Plan::edges(PlanPhase phase) const
{
    QList<PlanEdge> result;
    for (const PlanEdge &edge : m_data.edges) {
        const PlanStep *from = m_data.step(edge.from);
        if (from && from->phase == phase)
            result.append(edge);
    }
    return result;
}

QList<PlanEdge> Plan::edgesOf(StepId id) const
{
    QList<PlanEdge> result;
    for (const PlanEdge &edge : m_data.edges) {
        if (edge.from == id || edge.to == id)
            result.append(edge);
    }
    return result;
}

bool Plan::hasEdge(StepId from, StepId to) const
{
    return m_graph->hasEdge(from, to);
}

QString Plan::connectionProblem(StepId from, StepId to) const
{
    const PlanStep *a = m_data.step(from);
    const PlanStep *b = m_data.step(to);
    const GraphModel::Connection connection = m_graph->checkConnection(from, to);
    if (!a || !b || connection == GraphModel::Connection::MissingNode)
        return tr("Both ends of a dependency must be steps of this plan.");
    if (connection == GraphModel::Connection::SelfEdge)
        return tr("A step cannot depend on itself.");
    if (a->phase != b->phase)
        return tr("Steps of the switchover and of the recovery cannot be connected: each phase runs on its own.");
    if (connection == GraphModel::Connection::Duplicate)
        return tr("\"%1\" already runs before \"%2\".").arg(a->name, b->name);
    if (connection == GraphModel::Connection::Cycle)
        return tr("\"%1\" already runs after \"%2\"; this dependency would make a cycle.").arg(a->name, b->name);
    return {};
}

bool Plan::connectionPossible(StepId from, StepId to) const
{
    return connectionProblem(from, to).isEmpty();
}

bool Plan::addEdge(StepId from, StepId to)
{
    // The plan's own rules (phases) first; the graph model then refuses what would break the graph,
    // and the plan's edge list only follows what the model took.
    if (!connectionPossible(from, to) || !m_graph->addEdge({from, to, {}, {}}))
        return false;
    const PlanEdge edge{from, to};
    m_data.edges.insert(std::lower_bound(m_data.edges.begin(), m_data.edges.end(), edge), edge);
    Q_EMIT edgeAdded(from, to);
    Q_EMIT planChanged();
    return true;
}

bool Plan::removeEdge(StepId from, StepId to)
{
    const PlanEdge edge{from, to};
    const auto it = std::lower_bound(m_data.edges.begin(), m_data.edges.end(), edge);
    if (it == m_data.edges.end() || !(*it == edge))
        return false;
    m_data.edges.erase(it);
    m_graph->removeEdge(from, to);
    Q_EMIT edgeRemoved(from, to);
    Q_EMIT planChanged();
    return true;
}

// --- versions ----------------------------------------------------------------------------

int Plan::version() const
{
    return m_versions.isEmpty() ? 0 : m_versions.constLast().number;
}

std::optional<PlanVersion> Plan::versionData(int number) const
{
    for (const PlanVersion &v : m_versions) {
        if (v.number == number)
            return v;
    }
    return std::nullopt;
}

PlanVersion Plan::saveVersion(const QString &author, const QString &comment, const QDateTime &time)
{
    PlanVersion v;
    v.number = version() + 1;
    v.author = author;
    v.time = time;
    v.comment = comment;
    v.snapshot = PlanFormat::toJson(m_data);
    m_versions.append(v);
    Q_EMIT versionsChanged();
    return v;
}

void Plan::setVersions(const QList<PlanVersion> &versions)
{
    m_versions = versions;
    std::sort(m_versions.begin(), m_versions.end(),
              [](const PlanVersion &a, const PlanVersion &b) { return a.number < b.number; });
    Q_EMIT versionsChanged();
}

bool Plan::revertToVersion(int number)
{
    const std::optional<PlanVersion> v = versionData(number);
    if (!v)
        return false;
    std::optional<PlanData> data = PlanFormat::fromJson(v->snapshot, nullptr);
    if (!data)
        return false;
    data->metadata.id = m_data.metadata.id;
    data->metadata.state = m_data.metadata.state;
    setData(*data);
    return true;
}

PlanDiff Plan::diff(int fromVersion, int toVersion) const
{
    auto dataOf = [this](int number) -> PlanData {
        if (number == 0)
            return m_data;
        const std::optional<PlanVersion> v = versionData(number);
        if (!v)
            return {};
        return PlanFormat::fromJson(v->snapshot, nullptr).value_or(PlanData{});
    };
    return diff(dataOf(fromVersion), dataOf(toVersion));
}

} // namespace Haven
