// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The DR plan model (容灾预案): value types (PlanStep, PlanEdge, PlanData, PlanVersion) and the
// Plan QObject, an id-based graph model in the spirit of QtNodes' AbstractGraphModel. Views and
// undo commands hold StepIds, never step data, and rebuild from the signals below.
//
// A plan has one or two phases (PlanPhase); each phase is a directed acyclic graph of steps.
// An edge (from, to) means "to starts only after from has finished". Edges never cross phases.
// Step ids are unique across the whole plan (both phases), positive, and never reused by the
// model itself (nextStepId() only grows), so an undo command can re-add a step under its old id.
// The dependencies and canvas positions live in the graph core (graph(): a node of kind "step"
// per step, same id); the canvas is a GraphScene of that graph.

#include "models/graph/graphmodel.h"
#include "protocol/protocol.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace Haven {

class FleetTopology;

using StepId = NodeId; // a step is a node of the plan's graph, under the same id
inline constexpr StepId InvalidStepId = InvalidNodeId;
inline constexpr auto StepNodeKind = QLatin1StringView("step");

enum class PlanKind {
    DisasterRecovery, // 容灾预案: switchover + recovery
    Emergency,        // 应急预案: one phase (stored as Switchover)
    Drill             // 故障演练: switchover (the exercise) + recovery
};
enum class PlanState { Draft, Effective, Disabled };
enum class PlanPhase { Switchover, Recovery };
enum class StepTargetKind { FailedSite, EmergencySite, EverySite, NamedSite };
enum class OnFailure { Stop, Pause, Continue };

// Guards: conditions on the live topology checked by the engine just before dispatch.
//   ReplicationLagBelow: every replication link of the product group (or of `component`) that
//       touches a target site has lagSeconds < threshold and is not broken.
//   CapacityBelow: every component of the product group (optionally of `layer` / `component`)
//       at the target sites has metric "capacity" < threshold (percent).
//   ComponentStatusOk: every such component has status ok (or warning with allowWarning).
enum class GuardKind { ReplicationLagBelow, CapacityBelow, ComponentStatusOk };

QString toString(PlanKind kind);
QString toString(PlanState state);
QString toString(PlanPhase phase);
QString toString(StepTargetKind kind);
QString toString(OnFailure onFailure);
QString toString(GuardKind kind);
std::optional<PlanKind> planKindFromString(QStringView text);
std::optional<PlanState> planStateFromString(QStringView text);
std::optional<PlanPhase> planPhaseFromString(QStringView text);
std::optional<StepTargetKind> stepTargetKindFromString(QStringView text);
std::optional<OnFailure> onFailureFromString(QStringView text);
std::optional<GuardKind> guardKindFromString(QStringView text);

// The phases a plan of this kind has, in execution order.
QList<PlanPhase> phasesOf(PlanKind kind);

struct StepTarget
{
    StepTargetKind kind = StepTargetKind::FailedSite;
    QString site; // only for NamedSite: the site id

    friend bool operator==(const StepTarget &, const StepTarget &) = default;
};

// attempts counts the first try (1 = no retry). The n-th retry waits
// backoffSeconds * backoffMultiplier^(n-1) seconds.
struct RetryPolicy
{
    int attempts = 1;
    int backoffSeconds = 0;
    double backoffMultiplier = 2.0;

    int delayBeforeRetry(int retry) const; // retry >= 1; seconds
    friend bool operator==(const RetryPolicy &, const RetryPolicy &) = default;
};

struct StepGuard
{
    GuardKind kind = GuardKind::ReplicationLagBelow;
    double threshold = 0; // seconds (lag) or percent (capacity); unused for status
    QString productGroup; // empty: the step's product group
    QString component;    // optional: one component id (or, for lag, a link endpoint)
    std::optional<Layer> layer;
    bool allowWarning = false; // ComponentStatusOk only

    // {"kind":"replicationLagBelow","seconds":5,"productGroup":"payments"},
    // {"kind":"capacityBelow","percent":80,"layer":"storage"}, {"kind":"componentStatusOk",...}
    QJsonObject toJson() const;
    static std::optional<StepGuard> fromJson(const QJsonObject &json, QString *error);
    QString describe() const; // for people: "replication lag of payments below 5 s"
    friend bool operator==(const StepGuard &, const StepGuard &) = default;
};

struct GuardResult
{
    bool holds = false;
    QString reason; // for people; says what failed (or what was checked when it holds)
};

// Evaluates a guard against the sites the step resolves to. stepProductGroup fills an empty
// guard productGroup. A guard with nothing to check (no matching component or link) does not
// hold: a guard that cannot be verified must not let a step through.
GuardResult evaluateGuard(const StepGuard &guard, const QString &stepProductGroup, const QList<TopologySnapshot> &sites);
GuardResult evaluateGuard(const StepGuard &guard, const QString &stepProductGroup, const FleetTopology &topology,
                          const QStringList &siteIds);

struct PlanStep
{
    StepId id = InvalidStepId;
    PlanPhase phase = PlanPhase::Switchover;
    QString name;
    QString operation; // operation code from the agents' catalog, e.g. "traffic.cut"
    QJsonObject parameters;
    StepTarget target;
    QString productGroup;
    int timeoutSeconds = 300;
    RetryPolicy retry;
    OnFailure onFailure = OnFailure::Stop;
    bool requiresApproval = false; // manual approval gate before dispatch
    QString approvalPrompt;
    std::optional<StepGuard> guard;
    QString notes;
    QPointF position; // top-left corner of the step's box on the canvas (scene coordinates); kept in the file

    friend bool operator==(const PlanStep &, const PlanStep &) = default;
};

struct PlanEdge
{
    StepId from = InvalidStepId;
    StepId to = InvalidStepId;

    friend bool operator==(const PlanEdge &, const PlanEdge &) = default;
    friend auto operator<=>(const PlanEdge &, const PlanEdge &) = default;
};

struct PlanMetadata
{
    QString id; // stable plan id (a UUID without braces)
    QString name;
    QString description;
    PlanKind kind = PlanKind::DisasterRecovery;
    PlanState state = PlanState::Draft;
    int rtoSeconds = 0; // recovery time objective; 0 = not set
    int rpoSeconds = 0; // recovery point objective; 0 = not set

    friend bool operator==(const PlanMetadata &, const PlanMetadata &) = default;
};

// A whole plan as a value: what templates produce, PlanFormat reads and writes, the validator
// checks, and a saved version snapshots. steps are kept sorted by id, edges sorted.
struct PlanData
{
    PlanMetadata metadata;
    QList<PlanStep> steps;
    QList<PlanEdge> edges;

    const PlanStep *step(StepId id) const; // nullptr when absent
    QList<const PlanStep *> stepsOf(PlanPhase phase) const;
    QList<StepId> successors(StepId id) const; // in edge order
    QList<StepId> predecessors(StepId id) const;
    StepId maxStepId() const;
    void normalize(); // sorts steps and edges
    friend bool operator==(const PlanData &, const PlanData &) = default;
};

// One saved version: an immutable snapshot (PlanFormat JSON of the plan at that time).
struct PlanVersion
{
    int number = 0;
    QString author;
    QDateTime time;
    QString comment;
    QJsonObject snapshot;

    friend bool operator==(const PlanVersion &, const PlanVersion &) = default;
};

// The differences between two versions, in words ("step 3 \"Cut traffic\": timeout 300 s → 600 s").
struct PlanDiff
{
    QStringList metadata;
    QList<StepId> addedSteps;
    QList<StepId> removedSteps;
    QList<StepId> changedSteps;
    QList<PlanEdge> addedEdges;
    QList<PlanEdge> removedEdges;
    QStringList lines; // everything above, one sentence per line, for people

    bool isEmpty() const { return lines.isEmpty(); }
};

class Plan final : public QObject
{
    Q_OBJECT
public:
    explicit Plan(QObject *parent = nullptr);
    explicit Plan(const PlanData &data, QObject *parent = nullptr);

    // --- whole plan -------------------------------------------------------------------------
    const PlanData &data() const { return m_data; }
    // The dependency graph of both phases: what the canvas shows and the connection checks use.
    const GraphModel &graph() const { return *m_graph; }
    void setData(const PlanData &data); // emits modelReset() and planChanged()

    // --- metadata (each setter emits metadataChanged() and planChanged() when it changes) ---
    const PlanMetadata &metadata() const { return m_data.metadata; }
    QString id() const { return m_data.metadata.id; }
    QString name() const { return m_data.metadata.name; }
    PlanKind kind() const { return m_data.metadata.kind; }
    PlanState state() const { return m_data.metadata.state; }
    void setMetadata(const PlanMetadata &metadata); // state is NOT taken from here; see setState
    void setId(const QString &id);
    void setName(const QString &name);
    void setDescription(const QString &description);
    void setKind(PlanKind kind); // switching to Emergency keeps recovery steps; the validator flags them
    void setRtoSeconds(int seconds);
    void setRpoSeconds(int seconds);
    QList<PlanPhase> phases() const { return phasesOf(kind()); }

    // Only a plan that validates without errors against the catalog can become effective.
    bool canBecomeEffective(const QList<OperationSpec> &catalog, QString *why = nullptr) const;
    // Draft and Disabled are always allowed; Effective only when canBecomeEffective(catalog).
    // Emits stateChanged() and metadataChanged(). Returns false (and sets *error) when refused.
    bool setState(PlanState state, const QList<OperationSpec> &catalog = {}, QString *error = nullptr);

    // --- steps ------------------------------------------------------------------------------
    QList<StepId> stepIds() const;                // all, sorted
    QList<StepId> stepIds(PlanPhase phase) const; // one phase, sorted
    bool hasStep(StepId id) const;
    PlanStep step(StepId id) const; // a default PlanStep (id 0) when absent
    StepId nextStepId() const { return m_nextId; }

    // Adds a step. step.id == InvalidStepId: a fresh id is assigned. Otherwise the given id is
    // used (undo re-adding a removed step) and must be free. Returns the id, or InvalidStepId.
    StepId addStep(const PlanStep &step);
    // Removes the step and its edges (edgeRemoved for each edge first, then stepRemoved).
    bool removeStep(StepId id);
    // Replaces the step with the same id. Changing the phase is refused while it has edges.
    bool setStep(const PlanStep &step);
    // Moves on the canvas; emits stepMoved() only (not planChanged: positions are not logic).
    bool setStepPosition(StepId id, const QPointF &position);

    // --- edges ------------------------------------------------------------------------------
    QList<PlanEdge> edges() const { return m_data.edges; }
    QList<PlanEdge> edges(PlanPhase phase) const;
    QList<PlanEdge> edgesOf(StepId id) const; // in and out
    QList<StepId> successors(StepId id) const { return m_graph->successors(id); }
    QList<StepId> predecessors(StepId id) const { return m_graph->predecessors(id); }
    bool hasEdge(StepId from, StepId to) const;

    // Both steps exist, differ, are in the same phase, the edge is not there yet and would not
    // close a cycle. connectionProblem() says why not, for people (empty when possible).
    bool connectionPossible(StepId from, StepId to) const;
    QString connectionProblem(StepId from, StepId to) const;
    bool addEdge(StepId from, StepId to); // only when connectionPossible
    bool removeEdge(StepId from, StepId to);

    // --- versions ---------------------------------------------------------------------------
    int version() const; // number of the latest saved version; 0 when never saved
    const QList<PlanVersion> &versions() const { return m_versions; }
    std::optional<PlanVersion> versionData(int number) const;
    // Snapshots the current plan as version() + 1 and returns it. Emits versionsChanged().
    PlanVersion saveVersion(const QString &author, const QString &comment,
                            const QDateTime &time = QDateTime::currentDateTimeUtc());
    void setVersions(const QList<PlanVersion> &versions); // loading from the store
    // Restores the content of a saved version (metadata except id and state, steps, edges).
    bool revertToVersion(int number);
    // Differences between two saved versions; number 0 means the current (unsaved) plan.
    PlanDiff diff(int fromVersion, int toVersion) const;
    static PlanDiff diff(const PlanData &from, const PlanData &to);

Q_SIGNALS:
    void stepAdded(Haven::StepId id);
    void stepRemoved(Haven::StepId id);
    void stepChanged(Haven::StepId id);
    void stepMoved(Haven::StepId id);
    void edgeAdded(Haven::StepId from, Haven::StepId to);
    void edgeRemoved(Haven::StepId from, Haven::StepId to);
    void metadataChanged();
    void stateChanged(Haven::PlanState state);
    void versionsChanged();
    void modelReset();
    // After every change to logic (steps, edges, metadata) — not after moves. Rerun validation.
    void planChanged();

private:
    PlanStep *findStep(StepId id);
    void resetGraph();

    // m_data is the plan as a value (what data() hands out); m_graph mirrors its steps and edges
    // and is the one the structure checks ask.
    PlanData m_data;
    GraphModel *m_graph;
    QList<PlanVersion> m_versions;
    StepId m_nextId = 1;
};

} // namespace Haven
