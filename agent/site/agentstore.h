// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sqlitedatabase.h"
#include "protocol/protocol.h"

#include <optional>

namespace Haven {

// The agent's own memory, in SQLite under its data directory: every action by id and by
// idempotency key (so a key never runs twice, across restarts too) with its log, and
// every fault with its expiry (so a fault is reverted even if the agent restarted).
class AgentStore final
{
public:
    bool open(const QString &path);
    QString lastError() const { return m_db.lastError(); }
    // For the repositories of the features that keep their tables here (inspections).
    SqliteDatabase &database() { return m_db; }

    bool insertAction(const ActionRecord &action);
    bool updateAction(const ActionRecord &action);
    bool appendLog(const QString &actionId, const QByteArray &text);
    std::optional<ActionRecord> action(const QString &id);
    std::optional<ActionRecord> actionByKey(const QString &key);
    QList<ActionRecord> recentActions(int limit);
    QList<ActionRecord> unfinishedActions();
    QByteArray log(const QString &actionId, qint64 offset, qint64 limit);

    bool saveFault(const FaultRecord &fault);
    std::optional<FaultRecord> fault(const QString &id);
    QList<FaultRecord> faults(bool activeOnly, int limit = 200);

private:
    QList<ActionRecord> selectActions(const QByteArray &where, const QString &argument, int limit);
    QList<FaultRecord> selectFaults(const QByteArray &where, const QString &argument, int limit);

    SqliteDatabase m_db;
};

} // namespace Haven
