// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentstore.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace Haven {

namespace {

const QList<QByteArray> migrations = {
    R"(CREATE TABLE actions (
           id TEXT PRIMARY KEY,
           idempotency_key TEXT NOT NULL UNIQUE,
           operation TEXT NOT NULL,
           parameters TEXT NOT NULL,
           state TEXT NOT NULL,
           created TEXT NOT NULL,
           started TEXT NOT NULL DEFAULT '',
           finished TEXT NOT NULL DEFAULT '',
           message TEXT NOT NULL DEFAULT '',
           log BLOB NOT NULL DEFAULT x'');
       CREATE INDEX actions_created ON actions(created);
       CREATE TABLE faults (
           id TEXT PRIMARY KEY,
           kind TEXT NOT NULL,
           target TEXT NOT NULL,
           parameters TEXT NOT NULL,
           duration_seconds INTEGER NOT NULL,
           state TEXT NOT NULL,
           injected TEXT NOT NULL,
           expires TEXT NOT NULL,
           ended TEXT NOT NULL DEFAULT '',
           end_reason TEXT NOT NULL DEFAULT '');
       CREATE INDEX faults_state ON faults(state);)",
    R"(ALTER TABLE faults ADD COLUMN idempotency_key TEXT NOT NULL DEFAULT '';
       ALTER TABLE faults ADD COLUMN drill_id TEXT NOT NULL DEFAULT '';
       ALTER TABLE faults ADD COLUMN revert_attempts INTEGER NOT NULL DEFAULT 0;
       ALTER TABLE faults ADD COLUMN revert_confirmed INTEGER NOT NULL DEFAULT 0;
       ALTER TABLE faults ADD COLUMN revert_error TEXT NOT NULL DEFAULT '';
       CREATE INDEX faults_key ON faults(idempotency_key) WHERE idempotency_key != '';)",
    // Inspections (agent/inspections/inspectionstore.cpp): tasks, finished runs in the order they
    // were recorded (the sequence consoles ask "since"), and each check's soft/hard state.
    R"(CREATE TABLE inspection_tasks (
           id TEXT PRIMARY KEY,
           definition TEXT NOT NULL);
       CREATE TABLE inspection_runs (
           sequence INTEGER PRIMARY KEY AUTOINCREMENT,
           run_id TEXT NOT NULL UNIQUE,
           task_id TEXT NOT NULL,
           started TEXT NOT NULL,
           record TEXT NOT NULL);
       CREATE INDEX inspection_runs_task ON inspection_runs(task_id, sequence);
       CREATE INDEX inspection_runs_started ON inspection_runs(started);
       CREATE TABLE inspection_states (
           task_id TEXT NOT NULL,
           check_id TEXT NOT NULL,
           state TEXT NOT NULL,
           PRIMARY KEY (task_id, check_id));)",
};

const QByteArray actionColumns = "id, idempotency_key, operation, parameters, state, created, started, finished, "
                                 "message, length(CAST(log AS BLOB))";
const QByteArray faultColumns
    = "id, kind, target, parameters, duration_seconds, state, injected, expires, ended, "
      "end_reason, idempotency_key, drill_id, revert_attempts, revert_confirmed, revert_error";

QJsonObject objectFrom(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QByteArray textOf(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

bool AgentStore::open(const QString &path)
{
    // FULL: a key that was answered survives a power cut of the host (host_down is a drill).
    if (!m_db.open(path) || !m_db.exec("PRAGMA synchronous=FULL") || !m_db.migrate(migrations))
        return false;
    // An in-memory store (bench/fleet: many sites in one process) gets an in-memory journal.
    const QString memory = QStringLiteral(":memory:");
    const QString journal = path == memory ? memory : FaultJournal::pathIn(QFileInfo(path).absolutePath());
    if (!m_journal.open(journal)) {
        m_journalError = QStringLiteral("the revert journal %1: %2").arg(journal, m_journal.lastError());
        m_db.close();
        return false;
    }
    return true;
}

bool AgentStore::insertAction(const ActionRecord &a)
{
    SqliteStatement insert(m_db, "INSERT INTO actions (id, idempotency_key, operation, parameters, state, created, "
                                 "started, finished, message) VALUES (?,?,?,?,?,?,?,?,?)");
    insert.bind(1, a.id).bind(2, a.idempotencyKey).bind(3, a.operation).bind(4, textOf(a.parameters));
    insert.bind(5, toString(a.state)).bind(6, isoTime(a.created)).bind(7, isoTime(a.started));
    insert.bind(8, isoTime(a.finished)).bind(9, a.message);
    return insert.run();
}

bool AgentStore::updateAction(const ActionRecord &a)
{
    SqliteStatement update(m_db, "UPDATE actions SET state=?, started=?, finished=?, message=? WHERE id=?");
    update.bind(1, toString(a.state)).bind(2, isoTime(a.started)).bind(3, isoTime(a.finished));
    update.bind(4, a.message).bind(5, a.id);
    return update.run();
}

bool AgentStore::appendLog(const QString &actionId, const QByteArray &text)
{
    SqliteStatement append(m_db, "UPDATE actions SET log = log || CAST(? AS BLOB) WHERE id=?");
    append.bind(1, text).bind(2, actionId);
    return append.run();
}

QList<ActionRecord> AgentStore::selectActions(const QByteArray &where, const QString &argument, int limit)
{
    SqliteStatement select(m_db, "SELECT " + actionColumns + " FROM actions " + where
                                     + " ORDER BY created DESC, rowid DESC LIMIT ?");
    int index = 1;
    if (!argument.isNull())
        select.bind(index++, argument);
    select.bind(index, qint64(limit));
    QList<ActionRecord> actions;
    while (select.next()) {
        ActionRecord a;
        a.id = select.text(0);
        a.idempotencyKey = select.text(1);
        a.operation = select.text(2);
        a.parameters = objectFrom(select.text(3));
        a.state = actionStateFromString(select.text(4)).value_or(ActionState::Failed);
        a.created = timeFromIso(select.text(5));
        a.started = timeFromIso(select.text(6));
        a.finished = timeFromIso(select.text(7));
        a.message = select.text(8);
        a.logSize = select.integer(9);
        actions.append(a);
    }
    return actions;
}

std::optional<ActionRecord> AgentStore::action(const QString &id)
{
    const QList<ActionRecord> found = selectActions("WHERE id=?", id, 1);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<ActionRecord> AgentStore::actionByKey(const QString &key)
{
    const QList<ActionRecord> found = selectActions("WHERE idempotency_key=?", key, 1);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<ActionRecord> AgentStore::recentActions(int limit)
{
    return selectActions({}, QString(), limit);
}

QList<ActionRecord> AgentStore::unfinishedActions()
{
    return selectActions("WHERE state IN ('pending','running')", QString(), 100000);
}

QByteArray AgentStore::log(const QString &actionId, qint64 offset, qint64 limit)
{
    SqliteStatement select(m_db, "SELECT substr(CAST(log AS BLOB), ?, ?) FROM actions WHERE id=?");
    select.bind(1, offset + 1).bind(2, limit).bind(3, actionId);
    return select.next() ? select.blob(0) : QByteArray();
}

bool AgentStore::saveFault(const FaultRecord &f)
{
    SqliteStatement upsert(m_db, "INSERT OR REPLACE INTO faults (" + faultColumns
                                     + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    upsert.bind(1, f.id).bind(2, toString(f.kind)).bind(3, f.target).bind(4, textOf(f.parameters));
    upsert.bind(5, qint64(f.durationSeconds)).bind(6, toString(f.state)).bind(7, isoTime(f.injected));
    upsert.bind(8, isoTime(f.expires)).bind(9, isoTime(f.ended)).bind(10, f.endReason);
    upsert.bind(11, f.idempotencyKey).bind(12, f.drillId).bind(13, qint64(f.revertAttempts));
    upsert.bind(14, qint64(f.revertConfirmed ? 1 : 0)).bind(15, f.revertError);
    return upsert.run();
}

QList<FaultRecord> AgentStore::selectFaults(const QByteArray &where, const QString &argument, int limit)
{
    SqliteStatement select(m_db, "SELECT " + faultColumns + " FROM faults " + where
                                     + " ORDER BY injected DESC, rowid DESC LIMIT ?");
    int index = 1;
    if (!argument.isNull())
        select.bind(index++, argument);
    select.bind(index, qint64(limit));
    QList<FaultRecord> faults;
    while (select.next()) {
        FaultRecord f;
        f.id = select.text(0);
        f.kind = faultKindFromString(select.text(1)).value_or(FaultKind::Cpu);
        f.target = select.text(2);
        f.parameters = objectFrom(select.text(3));
        f.durationSeconds = int(select.integer(4));
        f.state = faultStateFromString(select.text(5)).value_or(FaultState::Expired);
        f.injected = timeFromIso(select.text(6));
        f.expires = timeFromIso(select.text(7));
        f.ended = timeFromIso(select.text(8));
        f.endReason = select.text(9);
        f.idempotencyKey = select.text(10);
        f.drillId = select.text(11);
        f.revertAttempts = int(select.integer(12));
        f.revertConfirmed = select.integer(13) != 0;
        f.revertError = select.text(14);
        faults.append(f);
    }
    return faults;
}

std::optional<FaultRecord> AgentStore::fault(const QString &id)
{
    const QList<FaultRecord> found = selectFaults("WHERE id=?", id, 1);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

std::optional<FaultRecord> AgentStore::faultByKey(const QString &idempotencyKey)
{
    const QList<FaultRecord> found = selectFaults("WHERE idempotency_key=?", idempotencyKey, 1);
    return found.isEmpty() ? std::nullopt : std::optional(found.first());
}

QList<FaultRecord> AgentStore::faults(bool activeOnly, int limit)
{
    return activeOnly ? selectFaults("WHERE state IN ('injecting','active','reverting','revert_failed','orphaned')",
                                     QString(), limit)
                      : selectFaults({}, QString(), limit);
}

} // namespace Haven
