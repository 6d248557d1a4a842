// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionstore.h"

#include "core/sqlitedatabase.h"
#include "protocol/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Haven {

namespace {

QJsonObject objectFrom(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QByteArray textOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

InspectionStore::InspectionStore(SqliteDatabase &db)
    : m_db(db)
{ }

QString InspectionStore::lastError() const
{
    return m_db.lastError();
}

bool InspectionStore::saveTask(const InspectionTask &task)
{
    SqliteStatement upsert(m_db, "INSERT OR REPLACE INTO inspection_tasks (id, definition) VALUES (?, ?)");
    upsert.bind(1, task.id).bind(2, textOf(task.toJson()));
    return upsert.run();
}

bool InspectionStore::deleteTask(const QString &id)
{
    return m_db.transaction([&] {
        SqliteStatement task(m_db, "DELETE FROM inspection_tasks WHERE id=?");
        SqliteStatement states(m_db, "DELETE FROM inspection_states WHERE task_id=?");
        task.bind(1, id);
        states.bind(1, id);
        return task.run() && states.run();
    });
}

QList<InspectionTask> InspectionStore::tasks(QStringList *damaged)
{
    SqliteStatement select(m_db, "SELECT id, definition FROM inspection_tasks ORDER BY id");
    QList<InspectionTask> tasks;
    while (select.next()) {
        QString error;
        std::optional<InspectionTask> task = InspectionTask::fromJson(objectFrom(select.blob(1)), &error);
        if (task)
            tasks.append(std::move(*task));
        else if (damaged)
            damaged->append(select.text(0) + QStringLiteral(": ") + error);
    }
    return tasks;
}

bool InspectionStore::recordRun(InspectionRunRecord *run, const QHash<QString, InspectionCheckState> &states)
{
    quint64 sequence = 0;
    const bool written = m_db.transaction([&] {
        // The record is written without its sequence, which the row id gives.
        SqliteStatement insert(m_db, "INSERT INTO inspection_runs (run_id, task_id, started, record) VALUES (?,?,?,?)");
        insert.bind(1, run->runId).bind(2, run->taskId).bind(3, isoTime(run->started)).bind(4, textOf(run->toJson()));
        if (!insert.run())
            return false;
        SqliteStatement last(m_db, "SELECT last_insert_rowid()");
        if (!last.next())
            return false;
        sequence = quint64(last.integer(0));
        SqliteStatement upsert(m_db,
                               "INSERT OR REPLACE INTO inspection_states (task_id, check_id, state) VALUES (?,?,?)");
        for (auto it = states.cbegin(); it != states.cend(); ++it) {
            upsert.reset();
            upsert.bind(1, run->taskId).bind(2, it.key()).bind(3, textOf(it.value().toJson()));
            if (!upsert.run())
                return false;
        }
        return true;
    });
    if (written)
        run->sequence = sequence;
    return written;
}

QList<InspectionRunRecord> InspectionStore::runs(quint64 since, int limit, const QString &taskId)
{
    SqliteStatement select(m_db, taskId.isEmpty()
                                     ? QByteArray("SELECT sequence, record FROM inspection_runs WHERE sequence > ? "
                                                  "ORDER BY sequence LIMIT ?")
                                     : QByteArray("SELECT sequence, record FROM inspection_runs WHERE sequence > ? "
                                                  "AND task_id = ? ORDER BY sequence LIMIT ?"));
    int index = 1;
    select.bind(index++, qint64(since));
    if (!taskId.isEmpty())
        select.bind(index++, taskId);
    select.bind(index, qint64(limit));
    QList<InspectionRunRecord> runs;
    while (select.next()) {
        QString error;
        std::optional<InspectionRunRecord> run = InspectionRunRecord::fromJson(objectFrom(select.blob(1)), &error);
        if (!run)
            continue; // a damaged record is skipped, not served half read
        run->sequence = quint64(select.integer(0));
        runs.append(std::move(*run));
    }
    return runs;
}

quint64 InspectionStore::lastSequence()
{
    // sqlite_sequence remembers the highest sequence even after pruning removed that row.
    SqliteStatement select(m_db, "SELECT seq FROM sqlite_sequence WHERE name='inspection_runs'");
    return select.next() ? quint64(select.integer(0)) : 0;
}

QHash<QString, InspectionCheckState> InspectionStore::states(const QString &taskId)
{
    SqliteStatement select(m_db, "SELECT check_id, state FROM inspection_states WHERE task_id=?");
    select.bind(1, taskId);
    QHash<QString, InspectionCheckState> states;
    while (select.next())
        states.insert(select.text(0), InspectionCheckState::fromJson(objectFrom(select.blob(1))));
    return states;
}

bool InspectionStore::keepStates(const QString &taskId, const QStringList &checkIds)
{
    const QHash<QString, InspectionCheckState> current = states(taskId);
    return m_db.transaction([&] {
        SqliteStatement remove(m_db, "DELETE FROM inspection_states WHERE task_id=? AND check_id=?");
        for (auto it = current.cbegin(); it != current.cend(); ++it) {
            if (checkIds.contains(it.key()))
                continue;
            remove.reset();
            remove.bind(1, taskId).bind(2, it.key());
            if (!remove.run())
                return false;
        }
        return true;
    });
}

int InspectionStore::prune(const QDateTime &before, int perTask)
{
    int removed = 0;
    const auto changes = [this] {
        SqliteStatement count(m_db, "SELECT changes()");
        return count.next() ? int(count.integer(0)) : 0;
    };
    m_db.transaction([&] {
        SqliteStatement old(m_db, "DELETE FROM inspection_runs WHERE started < ?");
        old.bind(1, isoTime(before));
        if (!old.run())
            return false;
        removed += changes();
        SqliteStatement excess(m_db, "DELETE FROM inspection_runs WHERE sequence IN (SELECT sequence FROM "
                                     "(SELECT sequence, ROW_NUMBER() OVER (PARTITION BY task_id ORDER BY sequence "
                                     "DESC) AS n FROM inspection_runs) WHERE n > ?)");
        excess.bind(1, qint64(perTask));
        if (!excess.run())
            return false;
        removed += changes();
        return true;
    });
    return removed;
}

} // namespace Haven
