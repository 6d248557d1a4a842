// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/notify/chatnotifier.h"
#include "models/inspections/inspectionreport.h"
#include "models/inspections/inspectionrepository.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;
#include <optional>

namespace Haven {

class AgentClient;
class FleetTopology;
class InspectionSync;
struct Operator;

// The inspection center (巡检中心): rules and tasks (each change audited with the change), their
// push to the agents that run them, the run history collected from every agent, reports, risks
// and chat digests. It decides; the pages show and ask. Built-in starter rules are always
// available; saving one keeps an edited copy in the store.
class InspectionService final : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool ok = false;
        QString message;
        explicit operator bool() const { return ok; }
    };
    using ClientFor = std::function<AgentClient *(const QString &siteId)>;

    InspectionService(LocalStore &store, FleetTopology &topology, ClientFor clients, QObject *parent = nullptr);
    ~InspectionService() override;

    // Digests of reports go to the tasks' webhooks through notifier (may be null: none are sent).
    void setNotifier(ChatNotifier *notifier) { m_notifier = notifier; }
    // How often every agent's history is collected (0: only collectNow()).
    void setCollectInterval(int intervalMs);
    InspectionSync &sync() { return *m_sync; }

    QList<InspectionRule> rules();                         // stored and built-in, sorted by name
    std::optional<InspectionRule> rule(const QString &id); // stored first, then built-in
    QList<InspectionTaskSpec> tasks();
    std::optional<InspectionTaskSpec> task(const QString &id);

    Outcome saveRule(const InspectionRule &rule, const Operator &who);
    Outcome deleteRule(const QString &id, const Operator &who);
    // Saves (a new revision) and pushes to the agents the task concerns.
    Outcome saveTask(InspectionTaskSpec task, const Operator &who);
    Outcome deleteTask(const QString &id, const Operator &who);
    // A rule file (docs/inspection-format.md): all of it or, on any bad field, nothing.
    Outcome importFile(const QString &path, const Operator &who);
    Outcome importData(const QByteArray &data, const Operator &who);
    // ruleIds empty: every stored rule and task (built-in ones only when includeBuiltIn).
    Outcome exportFile(const QString &path, const QStringList &ruleIds = {}, bool includeBuiltIn = false);

    // Where a task runs now (sites of the fleet that hold one of its targets).
    QStringList sitesOf(const InspectionTaskSpec &task);
    QStringList sitesOf(const InspectionTarget &target);
    // Sends task to the agents it concerns and removes it where it no longer runs.
    void pushTask(const InspectionTaskSpec &task);
    // Pushes every task again (after the fleet or its topology changed).
    void pushAll();
    Outcome runNow(const QString &taskId, const Operator &who);
    // Runs one rule now at siteId, outside any task ("Test now").
    void testRule(const InspectionRule &rule, const QString &siteId,
                  std::function<void(std::optional<InspectionCheckResult>, const QString &problem)> done);
    void collectNow();
    // The agents are (re)connected: tasks are pushed again once their topology is in, and history
    // is collected.
    void agentsFollowed();

    // The report history: summaries only, newest first.
    QList<InspectionRunSummary> runs(const QString &taskId, const QDateTime &from = {}, const QDateTime &to = {},
                                     int limit = 0);
    std::optional<InspectionReport> report(const QString &siteId, const QString &runId);
    QList<InspectionTrendPoint> trend(const QString &taskId, const QDateTime &from, const QDateTime &to,
                                      qint64 bucketMs);
    QList<InspectionPush> pushes(const QString &taskId = {});
    QList<InspectionRisk> risks(const QString &taskId = {});
    Outcome setRiskState(const InspectionRisk &risk, InspectionRiskState state, const Operator &who);
    // Checks failing now (latest run of every task at every site): site id → layer name
    // ("database", or "site" for a site-wide rule) → how many. For the runtime dashboard's badges.
    QHash<QString, QHash<QString, int>> failingByLayer();

    QString siteName(const QString &siteId) const;

Q_SIGNALS:
    void rulesChanged();
    void tasksChanged();
    void reportsChanged();
    void pushStateChanged(const QString &taskId);
    // A problem to show (a push or collection that failed), already in a person's words.
    void problem(const QString &message);

private:
    QHash<QString, InspectionRule> ruleMap();
    QHash<QString, QList<Component>> components() const;
    void notify(const QList<InspectionRunSummary> &added);
    void followFleet();
    Outcome refusal(const QString &message) const { return {false, message}; }
    QString memoryNote() const;

    LocalStore &m_store;
    FleetTopology &m_topology;
    InspectionSync *m_sync;
    QPointer<ChatNotifier> m_notifier;
    QTimer *m_pushTimer;
};

} // namespace Haven
