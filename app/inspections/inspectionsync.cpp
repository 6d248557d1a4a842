// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionsync.h"

#include "app/agents/agentclient.h"

#include <QJsonArray>
#include <QPointer>
#include <QTimer>
#include <QUrl>

namespace Haven {

InspectionSync::InspectionSync(LocalStore &store, ClientFor clients, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clients(std::move(clients))
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &InspectionSync::collectAll);
}

void InspectionSync::setSites(const QStringList &siteIds, const QHash<QString, QString> &names)
{
    m_siteIds = siteIds;
    m_names = names;
}

void InspectionSync::setCollectInterval(int intervalMs)
{
    if (intervalMs > 0)
        m_timer->start(intervalMs);
    else
        m_timer->stop();
}

QString InspectionSync::problemText(const QString &siteId, const AgentError &error) const
{
    AgentClient *client = m_clients(siteId);
    return error.message(m_names.value(siteId, siteId), client ? client->connection().url : QString());
}

void InspectionSync::push(const QString &taskId, const QHash<QString, InspectionTask> &perSite,
                          const QStringList &removeFrom)
{
    const QString path = QStringLiteral("/v1/inspection-tasks/") + QString::fromLatin1(QUrl::toPercentEncoding(taskId));
    for (auto it = perSite.cbegin(); it != perSite.cend(); ++it) {
        const QString siteId = it.key();
        const qint64 revision = it.value().revision;
        AgentClient *client = m_clients(siteId);
        if (!client) {
            const QString problem = tr("%1 has no token yet; the task goes there once it is connected.")
                                        .arg(m_names.value(siteId, siteId));
            InspectionRepository(m_store).recordPush({taskId, siteId, 0, QDateTime::currentDateTimeUtc(), problem});
            Q_EMIT pushed(taskId, siteId, problem);
            continue;
        }
        client->requestJson("PUT", path, it.value().toJson(),
                            [this, taskId, siteId, revision](const QJsonObject &, const AgentError &error) {
            const QString problem = error.ok() ? QString() : problemText(siteId, error);
            InspectionRepository(m_store).recordPush(
                {taskId, siteId, error.ok() ? revision : 0, QDateTime::currentDateTimeUtc(), problem});
            Q_EMIT pushed(taskId, siteId, problem);
        });
    }
    for (const QString &siteId : removeFrom) {
        AgentClient *client = m_clients(siteId);
        if (!client)
            continue;
        client->requestJson("DELETE", path, {}, [this, taskId, siteId](const QJsonObject &, const AgentError &error) {
            // 404: it was not there, which is what removal wants.
            const bool gone = error.ok() || error.httpStatus == 404;
            InspectionRepository(m_store).recordPush(
                {taskId, siteId, 0, QDateTime::currentDateTimeUtc(), gone ? QString() : problemText(siteId, error)});
            Q_EMIT pushed(taskId, siteId, gone ? QString() : problemText(siteId, error));
        });
    }
}

void InspectionSync::runNow(const QString &taskId, const QStringList &siteIds)
{
    const QString path = QStringLiteral("/v1/inspection-tasks/") + QString::fromLatin1(QUrl::toPercentEncoding(taskId))
                         + QStringLiteral("/run");
    for (const QString &siteId : siteIds) {
        AgentClient *client = m_clients(siteId);
        if (!client) {
            Q_EMIT runStarted(taskId, siteId, tr("%1 is not connected.").arg(m_names.value(siteId, siteId)));
            continue;
        }
        client->requestJson("POST", path, {}, [this, taskId, siteId](const QJsonObject &, const AgentError &error) {
            Q_EMIT runStarted(taskId, siteId, error.ok() ? QString() : problemText(siteId, error));
        });
    }
}

void InspectionSync::test(const QString &siteId, const InspectionCheck &check, TestDone done)
{
    AgentClient *client = m_clients(siteId);
    if (!client) {
        QTimer::singleShot(0, this, [this, siteId, done] {
            done(std::nullopt, tr("%1 is not connected.").arg(m_names.value(siteId, siteId)));
        });
        return;
    }
    client->requestJson("POST", QStringLiteral("/v1/inspections"), check.toJson(),
                        [this, siteId, done](const QJsonObject &json, const AgentError &error) {
        if (!error.ok())
            return done(std::nullopt, problemText(siteId, error));
        QString problem;
        std::optional<InspectionCheckResult> result
            = InspectionCheckResult::fromJson(json.value(QStringLiteral("result")).toObject(), &problem,
                                              QStringLiteral("result"));
        done(result, result ? QString() : tr("The agent's answer cannot be read: %1").arg(problem));
    });
}

void InspectionSync::collectAll()
{
    // A console that knows no task has nothing to report; its agents are not asked.
    if (InspectionRepository(m_store).tasks().isEmpty())
        return;
    for (const QString &siteId : std::as_const(m_siteIds))
        collect(siteId);
}

void InspectionSync::collect(const QString &siteId)
{
    if (m_collecting.contains(siteId))
        return;
    AgentClient *client = m_clients(siteId);
    if (!client)
        return;
    m_collecting.insert(siteId);
    collectPage(siteId, client);
}

void InspectionSync::collectPage(const QString &siteId, AgentClient *client)
{
    const quint64 since = InspectionRepository(m_store).cursor(siteId);
    const QString path = QStringLiteral("/v1/inspection-runs?since=%1&limit=%2").arg(since).arg(m_pageSize);
    QPointer<AgentClient> guard(client);
    client->requestJson("GET", path, {}, [this, siteId, guard](const QJsonObject &json, const AgentError &error) {
        if (!error.ok()) {
            m_collecting.remove(siteId);
            Q_EMIT collectFinished(siteId, problemText(siteId, error));
            return;
        }
        QList<InspectionRunRecord> runs;
        quint64 cursor = InspectionRepository(m_store).cursor(siteId);
        const QJsonArray array = json.value(QStringLiteral("runs")).toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QString problem;
            const std::optional<InspectionRunRecord> run
                = InspectionRunRecord::fromJson(array.at(i).toObject(), &problem, QStringLiteral("runs[%1]").arg(i));
            if (!run) {
                m_collecting.remove(siteId);
                Q_EMIT collectFinished(siteId, tr("%1 sent a run history that cannot be read (%2); nothing of it "
                                                  "was kept. Check that the agent is up to date.")
                                                   .arg(m_names.value(siteId, siteId), problem));
                return;
            }
            runs.append(*run);
            cursor = std::max(cursor, run->sequence);
        }
        const std::optional<QList<InspectionRunSummary>> added = InspectionRepository(m_store).recordRuns(siteId, runs,
                                                                                                          cursor);
        if (!added) {
            m_collecting.remove(siteId);
            Q_EMIT collectFinished(siteId, tr("The runs of %1 could not be stored (%2).")
                                               .arg(m_names.value(siteId, siteId), m_store.status().problem));
            return;
        }
        if (!added->isEmpty())
            Q_EMIT runsCollected(*added);
        if (json.value(QStringLiteral("more")).toBool() && !runs.isEmpty() && guard)
            return collectPage(siteId, guard);
        m_collecting.remove(siteId);
        Q_EMIT collectFinished(siteId, {});
    });
}

} // namespace Haven
