// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/environment/environment.h"
#include "models/topology/switchoverreadiness.h"

#include <QObject>

#include <memory>

namespace Haven {

class CurlEngine;
class AgentClient;
class ChatNotifier;
class DemoFleetLauncher;
class DrillService;
class ExecutionEngine;
struct Operator;
class FleetMonitor;
class FleetTopology;
class InspectionService;
class LocalStore;
class MetricArchive;
class MetricHistory;
class ModeController;
class PlanLibrary;
class SecretStore;
class StoreWorker;
class TrendRouter;

// Wires the console's services together and owns them: the local store, the secrets, the
// network engine, the merged topology, the fleet monitor, the mode controller, the execution
// engine and the plan library. It holds
// no logic of its own beyond the order in which they start.
class ConsoleSession final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString databasePath; // empty: QStandardPaths::AppDataLocation/haven.db
        QString secretsFile;  // empty: SecretStore::defaultFilePath()
        bool forceSecretsFile = false;
        QString thresholdsPath; // empty: QStandardPaths::AppConfigLocation/thresholds.json if it exists
    };

    explicit ConsoleSession(const Options &options, QObject *parent = nullptr);
    ~ConsoleSession() override;

    // Shows the cached picture at once, then reads the tokens and starts following the agents.
    void start();
    // Headless runs: follows this environment with these tokens (from a fleet file), without the
    // secret store and without replacing the console's saved environment.
    void startWith(const Environment &environment, const QHash<QString, QByteArray> &tokens);
    // Replaces the environment (Environment page, import): saved, then followed.
    void setEnvironment(const Environment &environment);
    // Reads the tokens again and reconnects every site (after a token changed).
    void reconnect() { follow(); }
    // Imports an environment or fleet file that passes Environment's rules: tokens go to the
    // secret store, never to the cache. False with *error saying what is wrong, nothing changed.
    bool importFile(const QString &path, QString *error, int *siteCount = nullptr);
    // Starts haven-agent --demo-fleet in directory and imports its fleet file once it is written.
    bool startDemo(const QString &agentProgram, const QString &directory, QString *error);

    const Environment &environment() const { return m_environment; }
    // The switchover readiness thresholds every view uses (docs/switchover-readiness.md).
    const ReadinessThresholds &readinessThresholds() const { return m_thresholds; }
    // Why the thresholds file was not used (empty when it was, or when there is none).
    QString thresholdsProblem() const { return m_thresholdsProblem; }
    LocalStore &store() { return *m_store; }
    SecretStore &secrets() { return *m_secrets; }
    FleetTopology &topology() { return *m_topology; }
    FleetMonitor &monitor() { return *m_monitor; }
    ModeController &mode() { return *m_mode; }
    MetricHistory &history() { return *m_history; }
    // The metric history on disk, and where trends come from (it or a region's Prometheus).
    MetricArchive &metricArchive() { return *m_archive; }
    TrendRouter &trends() { return *m_trends; }
    // Runs plan executions; unfinished ones are resumed by start(). Its second-approval setting
    // comes from QSettings "execution/requireSecondApproval".
    ExecutionEngine &executions() { return *m_executions; }
    // The plans: create, version, state changes and deletion, each audited.
    PlanLibrary &plans() { return *m_plans; }
    // Drills: designs, preflight, runs and kill switches. Runs a stopped console left are marked
    // interrupted at start; their faults' true state is read once the agents are followed.
    DrillService &drills() { return *m_drills; }
    // The inspection center: rules, tasks pushed to the agents, their collected history, reports.
    InspectionService &inspections() { return *m_inspections; }
    // Chat digests of inspection reports (signing secrets from the secret store).
    ChatNotifier &notifier() { return *m_notifier; }
    // Why journals found at start could not be resumed (empty when all were).
    QString resumeProblem() const { return m_resumeProblem; }
    // Production setting: a ticket needs a second approver. Saved (QSettings) and audited.
    void setRequireSecondApproval(bool required, const Operator &who);
    // The client the engine uses for a site's agent (nullptr until its token was read).
    AgentClient *client(const QString &siteId);

Q_SIGNALS:
    void environmentChanged();
    void demoFailed(const QString &message);
    // The tokens were read and the agents are being followed (after start() and each change);
    // the first time, unfinished executions have been resumed.
    void followed();

private:
    void follow();                                             // reads every site's token, then followWith()
    void followWith(const QHash<QString, QByteArray> &tokens); // (re)starts the monitor, resumes executions
    void resumed(const QString &problem);
    void writeTokens(const QHash<QString, QByteArray> &tokens, std::function<void()> then);

    std::unique_ptr<LocalStore> m_store;
    SecretStore *m_secrets;
    CurlEngine *m_engine;
    FleetTopology *m_topology;
    std::unique_ptr<MetricHistory> m_history;
    MetricArchive *m_archive;
    TrendRouter *m_trends;
    FleetMonitor *m_monitor;
    ModeController *m_mode;
    ExecutionEngine *m_executions;
    PlanLibrary *m_plans;
    StoreWorker *m_storeWorker = nullptr; // start-up reading off the GUI thread (a store on file only)
    DrillService *m_drills;
    ChatNotifier *m_notifier;
    InspectionService *m_inspections;
    QHash<QString, QByteArray> m_tokens;
    QHash<QString, AgentClient *> m_clients;
    bool m_executionsResumed = false;
    QString m_resumeProblem;
    DemoFleetLauncher *m_demo = nullptr;
    Environment m_environment;
    ReadinessThresholds m_thresholds;
    QString m_thresholdsProblem;
    quint64 m_followGeneration = 0;
};

} // namespace Haven
