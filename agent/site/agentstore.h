// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/faults/faultjournal.h"
#include "core/sqlitedatabase.h"
#include "protocol/protocol.h"

#include <optional>

namespace Haven {

// The agent's own memory, in SQLite under its data directory: every action by id and by
// idempotency key (so a key never runs twice, across restarts too) with its log, and
// every fault with its expiry and idempotency key; beside it, in a file of its own, the revert
// journal of the faults that may still act on the site.
class AgentStore final
{
public:
    // Opens the database and, in the same directory, the revert journal.
    bool open(const QString &path);
    // Reads a database that may be damaged, for salvage: no migrations, no journal.
    bool openReadOnly(const QString &path) { return m_db.openReadOnly(path); }
    QString lastError() const { return m_journalError.isEmpty() ? m_db.lastError() : m_journalError; }
    FaultJournal &faultJournal() { return m_journal; }
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
    std::optional<FaultRecord> faultByKey(const QString &idempotencyKey);
    // activeOnly: the faults in effect (isInEffect()).
    QList<FaultRecord> faults(bool activeOnly, int limit = 200);

private:
    QList<ActionRecord> selectActions(const QByteArray &where, const QString &argument, int limit);
    QList<FaultRecord> selectFaults(const QByteArray &where, const QString &argument, int limit);

    SqliteDatabase m_db;
    FaultJournal m_journal;
    QString m_journalError;
};

} // namespace Haven
