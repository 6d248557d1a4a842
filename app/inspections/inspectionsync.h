// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/inspections/inspectionrepository.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QTimer;

namespace Haven {

class AgentClient;
struct AgentError;

// The inspection center's traffic with the agents: pushes each task to the agents it concerns
// (and removes it where it no longer runs), asks for runs now, and collects every agent's run
// history incrementally from its stored sequence, so a console started later still gets it all.
class InspectionSync final : public QObject
{
    Q_OBJECT
public:
    using ClientFor = std::function<AgentClient *(const QString &siteId)>;
    using TestDone = std::function<void(std::optional<InspectionCheckResult>, const QString &problem)>;

    InspectionSync(LocalStore &store, ClientFor clients, QObject *parent = nullptr);

    // Collects from every site in siteIds every intervalMs (0: only when asked).
    void setSites(const QStringList &siteIds, const QHash<QString, QString> &names);
    void setCollectInterval(int intervalMs);
    void setPageSize(int runs) { m_pageSize = runs; }

    // Sends perSite[site] to each site in it, and removes the task from the sites in removeFrom.
    void push(const QString &taskId, const QHash<QString, InspectionTask> &perSite, const QStringList &removeFrom);
    void runNow(const QString &taskId, const QStringList &siteIds);
    void test(const QString &siteId, const InspectionCheck &check, TestDone done);
    void collectAll();
    void collect(const QString &siteId);
    bool isCollecting() const { return !m_collecting.isEmpty(); }

Q_SIGNALS:
    void pushed(const QString &taskId, const QString &siteId, const QString &problem); // problem empty: ok
    void runStarted(const QString &taskId, const QString &siteId, const QString &problem);
    // Runs that were not in the store before.
    void runsCollected(const QList<InspectionRunSummary> &added);
    void collectFinished(const QString &siteId, const QString &problem);

private:
    QString problemText(const QString &siteId, const AgentError &error) const;
    void collectPage(const QString &siteId, AgentClient *client);

    LocalStore &m_store;
    ClientFor m_clients;
    QStringList m_siteIds;
    QHash<QString, QString> m_names;
    QSet<QString> m_collecting;
    QTimer *m_timer;
    int m_pageSize = 200;
};

} // namespace Haven
