// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The drill service (故障演练): keeps the designs, checks a drill before anything is injected
// (preflight), runs it through the agents with a DrillRunner per run, and holds the kill switches
// that stop running drills and refuse new ones. It decides and audits; pages show and ask.

#include "models/drills/blastradius.h"
#include "models/drills/drillrepository.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

class QTimer;

namespace Haven {

class AgentClient;
class DrillRunner;
class ExecutionEngine;
class FleetTopology;
class LocalStore;
struct Operator;

// What preflight found. Nothing is injected unless problems is empty.
struct DrillPreflight
{
    BlastRadius radius;
    QStringList problems; // blocking, in a person's words
    QStringList warnings;
    QStringList passed; // the checks that held, for the report

    bool ok() const { return problems.isEmpty(); }
    QJsonObject toJson() const;
};

class DrillService final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int evaluateIntervalMs = 250;  // halt conditions are checked on every feed change and this often
        int faultPollMs = 1000;        // the faults' state is read from the agents this often
        int resendMs = 3000;           // a request not answered by then is sent again (same key)
        int confirmTimeoutMs = 30'000; // a halted drill waits this long for every revert to be confirmed
        int notDrilledDays = 90;       // a plan not drilled for longer is flagged
    };
    using ClientProvider = std::function<AgentClient *(const QString &siteId)>;
    using SignalSource = std::function<std::optional<bool>(const QString &name)>;

    DrillService(LocalStore &store, FleetTopology &topology, ExecutionEngine &executions, ClientProvider clients,
                 QObject *parent = nullptr);
    ~DrillService() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }
    // The hook for halt conditions of kind "signal" (inspection rules land here).
    void setSignalSource(SignalSource source) { m_signals = std::move(source); }
    const SignalSource &signalSource() const { return m_signals; }

    // Designs. saveDrill() gives a new drill an id; both are audited.
    bool saveDrill(Drill &drill, const Operator &who, QString *error);
    bool deleteDrill(const QString &drillId, const Operator &who, QString *error);
    QList<Drill> drills() const;
    std::optional<Drill> drill(const QString &drillId) const;

    // Checks the drill against the live picture and asks each of its agents (reachable, offers
    // the fault kinds); done runs once every agent answered or failed.
    void preflight(const Drill &drill, std::function<void(const DrillPreflight &)> done);
    // Starts a run after a preflight that passed. confirmation must be the drill's name.
    // Returns the run id, or empty and *error (nothing was created then).
    QString start(const Drill &drill, const DrillPreflight &preflight, const QString &confirmation, const Operator &who,
                  QString *error);
    // Preflight, then start: done(runId, error).
    void preflightAndStart(const Drill &drill, const QString &confirmation, const Operator &who,
                           std::function<void(const QString &runId, const QString &error)> done);
    // A person stops a run: every fault reverted, the rehearsed execution paused.
    bool stop(const QString &runId, const Operator &who, const QString &reason, QString *error = nullptr);

    // Kill switches: engaging one stops the running drills in its scope at once.
    bool engageKillSwitch(KillSwitch::Scope scope, const QString &key, const Operator &who, const QString &reason,
                          QString *error = nullptr);
    bool releaseKillSwitch(KillSwitch::Scope scope, const QString &key, const Operator &who, QString *error = nullptr);
    QList<KillSwitch> killSwitches() const { return m_switches; }
    // The engaged switch that covers the drill, if any.
    std::optional<KillSwitch> blockingSwitch(const Drill &drill) const;
    // Reads the switches again (another console or `haven --headless drill stop-all` may have
    // engaged one) and stops what they cover.
    void reloadKillSwitches();

    // Runs of this console, running or finished since it started, oldest first.
    QStringList runIds() const;
    const DrillRunRecord *run(const QString &runId) const;
    DrillRunner *runner(const QString &runId) const;
    bool hasActiveRun() const;
    // Every stored run (of one drill, or all), newest first, and one with its events.
    QList<DrillRunRecord> history(const QString &drillId = {}) const;
    std::optional<DrillRunRecord> storedRun(const QString &runId) const;
    // Effective plans whose last drill is older than notDrilledDays (or never), with the days (-1: never).
    QList<QPair<QString, int>> staleDrilledPlans() const;

    // At start: runs the store holds as running were left by a console that stopped; they are
    // marked interrupted (returns how many). refreshInterrupted() reads their faults' true state
    // from the agents and stores it; done runs when every agent answered or failed.
    int markInterrupted();
    void refreshInterrupted(std::function<void()> done = {});
    QStringList interruptedRunIds() const { return m_interrupted; }

    // For the runners.
    LocalStore &store() { return m_store; }
    FleetTopology &topology() { return m_topology; }
    ExecutionEngine &executions() { return m_executions; }
    AgentClient *client(const QString &siteId) const { return m_clients(siteId); }

Q_SIGNALS:
    void drillsChanged();
    void runStarted(const QString &runId);
    void runChanged(const QString &runId);
    void runEnded(const QString &runId, Haven::DrillRunState state);
    void killSwitchesChanged();

private:
    QString overlap(const Drill &drill) const;
    void stopCovered(const KillSwitch &killSwitch, const Operator &who);
    static bool covers(const KillSwitch &killSwitch, const Drill &drill);

    LocalStore &m_store;
    FleetTopology &m_topology;
    ExecutionEngine &m_executions;
    ClientProvider m_clients;
    SignalSource m_signals;
    Settings m_settings;
    QList<DrillRunner *> m_runners;
    QList<KillSwitch> m_switches;
    QStringList m_interrupted;
    QTimer *m_switchTimer;
};

} // namespace Haven
