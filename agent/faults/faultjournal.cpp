// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultjournal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace Haven {

namespace {

const QList<QByteArray> migrations = {
    R"(CREATE TABLE journal (
           id TEXT PRIMARY KEY,
           record TEXT NOT NULL,
           deadline_wall TEXT NOT NULL,
           deadline_monotonic_ms INTEGER NOT NULL,
           boot_id TEXT NOT NULL,
           duration_ms INTEGER NOT NULL,
           end_state TEXT NOT NULL);)",
};

} // namespace

QString FaultJournal::pathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("faults-journal.db"));
}

bool FaultJournal::open(const QString &path)
{
    if (m_db.open(path) && m_db.exec("PRAGMA synchronous=FULL") && m_db.migrate(migrations))
        return true;
    // Start a new journal rather than none: the damaged one is kept for a person to read.
    m_db.close();
    const QString aside = path + QStringLiteral(".damaged-")
                          + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::rename(path + suffix, aside + suffix);
    m_movedAside = aside;
    return m_db.open(path) && m_db.exec("PRAGMA synchronous=FULL") && m_db.migrate(migrations);
}

bool FaultJournal::write(const Entry &entry)
{
    SqliteStatement upsert(m_db, "INSERT OR REPLACE INTO journal (id, record, deadline_wall, deadline_monotonic_ms, "
                                 "boot_id, duration_ms, end_state) VALUES (?,?,?,?,?,?,?)");
    upsert.bind(1, entry.record.id).bind(2, QJsonDocument(entry.record.toJson()).toJson(QJsonDocument::Compact));
    upsert.bind(3, isoTime(entry.deadline.wall)).bind(4, entry.deadline.monotonicMs).bind(5, entry.deadline.bootId);
    upsert.bind(6, entry.deadline.durationMs).bind(7, toString(entry.endState));
    return upsert.run();
}

bool FaultJournal::remove(const QString &faultId)
{
    SqliteStatement remove(m_db, "DELETE FROM journal WHERE id=?");
    remove.bind(1, faultId);
    return remove.run();
}

QList<FaultJournal::Entry> FaultJournal::entries()
{
    SqliteStatement select(m_db, "SELECT record, deadline_wall, deadline_monotonic_ms, boot_id, duration_ms, "
                                 "end_state FROM journal ORDER BY rowid");
    QList<Entry> entries;
    while (select.next()) {
        QString error;
        const std::optional<FaultRecord> record = FaultRecord::fromJson(QJsonDocument::fromJson(select.blob(0)).object(),
                                                                        &error);
        if (!record)
            continue; // written by this agent, so never expected; without its kind it cannot be reverted
        Entry entry;
        entry.record = *record;
        entry.deadline.wall = timeFromIso(select.text(1));
        entry.deadline.monotonicMs = select.integer(2);
        entry.deadline.bootId = select.text(3);
        entry.deadline.durationMs = select.integer(4);
        entry.endState = faultStateFromString(select.text(5)).value_or(FaultState::Reverted);
        entries.append(entry);
    }
    return entries;
}

} // namespace Haven
