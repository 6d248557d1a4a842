// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QHash>
#include <QObject>

#include <memory>

class QTimer;

namespace Haven {

class ActionExecution;
class AgentStore;
class SiteBackend;

// Starts operations exactly once per idempotency key, records their state and log in the
// store before anything else sees them, and cancels them on request.
class ActionManager final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxLogBytes = 4 * 1024 * 1024;

    ActionManager(AgentStore &store, SiteBackend &backend, QObject *parent = nullptr);
    ~ActionManager() override;

    // Marks actions that were running when the agent stopped as failed (they cannot be resumed).
    void recoverAfterRestart();

    struct StartResult
    {
        std::optional<ActionRecord> action;
        bool created = false; // false: the key was seen before, action is the earlier one
        int status = 0;       // HTTP status when action is empty
        QString code;
        QString message;
    };
    StartResult start(const QString &operation, const QJsonObject &parameters, const QString &idempotencyKey);

    std::optional<ActionRecord> action(const QString &id);
    std::optional<ActionRecord> actionByKey(const QString &key);
    QList<ActionRecord> recent(int limit);
    // Bytes [offset, offset+limit) of the log, cut back to whole UTF-8 characters.
    QByteArray log(const QString &id, qint64 offset, qint64 limit);
    // False when the action is unknown; a finished action is left as it is.
    bool cancel(const QString &id);

    int runningCount() const { return int(m_running.size()); }
    QHash<ActionState, int> countsByState() const { return m_finishedCounts; }

Q_SIGNALS:
    void actionChanged(const Haven::ActionRecord &action);

private:
    struct Running
    {
        ActionRecord record;
        std::unique_ptr<ActionExecution> execution;
        QByteArray pendingLog;
    };

    void onLogged(const QString &id, const QString &text);
    void onFinished(const QString &id, ActionState state, const QString &message);
    void flushLogs();

    AgentStore &m_store;
    SiteBackend &m_backend;
    QHash<QString, Running *> m_running;
    QHash<ActionState, int> m_finishedCounts;
    QTimer *m_flushTimer;
};

} // namespace Haven
