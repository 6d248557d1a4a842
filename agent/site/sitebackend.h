// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/inspections.h"
#include "protocol/protocol.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace Haven {

class TopologyState;

// What the backend needs to run one action.
struct ActionContext
{
    QString actionId;
    QString idempotencyKey;
    QString operation;
    QJsonObject parameters;
};

// One running operation. The action manager owns it, records its log and its outcome.
class ActionExecution : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ActionExecution() override = default;

    virtual void start() = 0;
    // Stops the work as soon as it safely can; finished(Cancelled, ...) follows (maybe later).
    virtual void cancel() = 0;

Q_SIGNALS:
    void logged(const QString &text);                                // appended to the action's log as it is
    void finished(Haven::ActionState state, const QString &message); // exactly once, a final state
};

// One step of a fault, its injection or its revert. The fault manager owns it; destroying it
// stops whatever still runs.
class FaultExecution : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~FaultExecution() override = default;

    virtual void start() = 0;

Q_SIGNALS:
    void finished(const QString &error); // exactly once, never from inside start(); empty on success
};

// A fault step the agent does itself (the simulated site): it runs from the event loop, so
// that the caller sees the same order of events as with a hook.
class FaultStage final : public FaultExecution
{
public:
    explicit FaultStage(std::function<QString()> work)
        : m_work(std::move(work))
    { }

    void start() override
    {
        QTimer::singleShot(0, this, [this] { Q_EMIT finished(m_work()); });
    }

private:
    std::function<QString()> m_work;
};

// A site as seen by its agent: the simulated datacenter or the real one behind hooks.
class SiteBackend : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SiteBackend() override = default;

    virtual SiteInfo siteInfo() const = 0;
    virtual const TopologyState &topology() const = 0;
    virtual QList<OperationSpec> operations() const = 0;

    // Parameters have already been checked against the operation's schema.
    // Returns nullptr with *error set when the operation cannot start at all.
    virtual std::unique_ptr<ActionExecution> createExecution(const ActionContext &context, QString *error) = 0;

    virtual QList<FaultKind> supportedFaults() const = 0;
    // Checks the target and parameters; empty when the fault can be applied.
    virtual QString checkFault(const FaultRecord &fault) const = 0;
    // Neither blocks: the step reports through FaultExecution::finished() once started.
    virtual std::unique_ptr<FaultExecution> injectFault(const FaultRecord &fault) = 0;
    virtual std::unique_ptr<FaultExecution> revertFault(const FaultRecord &fault) = 0;
    // After a revert: finishes with an empty error when the fault's effect is gone, with what
    // is still there otherwise. nullptr: this backend cannot check (the revert is unconfirmed).
    virtual std::unique_ptr<FaultExecution> verifyFault(const FaultRecord &) { return nullptr; }
    // Faults whose revert could not be confirmed: the backend shows each as a critical alert.
    virtual void setOrphanedFaults(const QList<FaultRecord> &) { }

    // Prometheus exposition lines specific to this backend (no trailing summary lines).
    virtual QString metricsText() const = 0;

    // The simulated site answers the starter library's catalog checks from its model
    // (docs/inspections.md); nullopt: the check runs for real.
    virtual std::optional<InspectionCheckResult> simulateInspection(const InspectionCheck &check) const
    {
        Q_UNUSED(check);
        return std::nullopt;
    }

Q_SIGNALS:
    void topologyChanged(quint64 revision);
};

} // namespace Haven
