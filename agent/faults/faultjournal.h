// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sqlitedatabase.h"
#include "faultdeadline.h"
#include "protocol/protocol.h"

namespace Haven {

// The faults that may still act on the site, in a SQLite file of their own next to the agent's
// database: written before a fault is applied, removed once its revert succeeded. A restarted
// agent, or `haven-agent --revert-faults` when the main database is damaged, reverts from it.
class FaultJournal final
{
public:
    struct Entry
    {
        FaultRecord record;
        FaultDeadline deadline;
        FaultState endState = FaultState::Reverted; // what the fault becomes once reverted
    };

    static QString pathIn(const QString &dataDir);

    // Opens or creates the file; a damaged file is moved aside (its name and time kept) and a new
    // one started, and movedAside() names it so that the caller can look elsewhere.
    bool open(const QString &path);
    bool isOpen() const { return m_db.isOpen(); }
    QString lastError() const { return m_db.lastError(); }
    QString movedAside() const { return m_movedAside; }

    bool write(const Entry &entry);
    bool remove(const QString &faultId);
    QList<Entry> entries();

private:
    SqliteDatabase m_db;
    QString m_movedAside;
};

} // namespace Haven
