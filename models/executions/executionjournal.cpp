// SPDX-License-Identifier: GPL-3.0-or-later
#include "executionjournal.h"

#include "models/store/storedjson.h"

#include <sqlite3.h>

namespace Haven {

FeatureSchema ExecutionJournal::schema()
{
    // Version 1 is the tables as they were before the features had their own schemas: IF NOT
    // EXISTS lets a database from then adopt them unchanged.
    return {QStringLiteral("executions"), {R"(CREATE TABLE IF NOT EXISTS executions (
                    id TEXT PRIMARY KEY,
                    plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
                    plan_version INTEGER,
                    state TEXT NOT NULL,
                    document TEXT NOT NULL,
                    created_ms INTEGER NOT NULL,
                    updated_ms INTEGER NOT NULL);
                CREATE INDEX IF NOT EXISTS executions_state ON executions(state);
                CREATE TABLE IF NOT EXISTS execution_events (
                    execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    time_ms INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    PRIMARY KEY (execution_id, seq)) WITHOUT ROWID;)"}};
}

ExecutionJournal::ExecutionJournal(LocalStore &store)
    : m_store(store)
{ }

bool ExecutionJournal::appendEvents(const QString &executionId, const QList<ExecutionEvent> &events,
                                    ExecutionState state, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        for (const AuditEntry &entry : audit) {
            if (!m_store.insertAudit(entry))
                return false;
        }
        const QString stateName = toString(state);
        for (const ExecutionEvent &event : events) {
            if (event.kind == ExecutionEvent::Kind::Created) {
                const QJsonObject ticket = event.payload.value(QStringLiteral("ticket")).toObject();
                // plan_id refers to the plans table; a plan run from a file is not there.
                SqliteStatement insert(m_store.database(),
                                       "INSERT INTO executions (id, plan_id, plan_version, state, document, "
                                       "created_ms, updated_ms) VALUES (?, (SELECT id FROM plans WHERE id = ?), "
                                       "?, ?, ?, ?, ?)");
                if (!insert.bind(1, executionId)
                         .bind(2, ticket.value(QStringLiteral("planId")).toString())
                         .bind(3, qint64(ticket.value(QStringLiteral("planVersion")).toInt()))
                         .bind(4, stateName)
                         .bind(5, StoredJson::compact(ticket))
                         .bind(6, event.timeMs)
                         .bind(7, event.timeMs)
                         .run())
                    return false;
            }
            SqliteStatement insert(m_store.database(),
                                   "INSERT INTO execution_events (execution_id, seq, time_ms, kind, payload) "
                                   "VALUES (?, ?, ?, ?, ?)");
            if (!insert.bind(1, executionId)
                     .bind(2, event.seq)
                     .bind(3, event.timeMs)
                     .bind(4, ExecutionEvent::kindName(event.kind))
                     .bind(5, StoredJson::compact(event.payload))
                     .run())
                return false;
        }
        SqliteStatement update(m_store.database(), "UPDATE executions SET state = ?, updated_ms = ? WHERE id = ?");
        return update.bind(1, stateName)
                   .bind(2, events.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : events.last().timeMs)
                   .bind(3, executionId)
                   .run()
               && sqlite3_changes(m_store.database().handle()) == 1;
    });
}

QList<ExecutionEvent> ExecutionJournal::loadEvents(const QString &executionId, QString *error)
{
    return loadEvents(m_store.database(), executionId, error);
}

QList<ExecutionEvent> ExecutionJournal::loadEvents(SqliteDatabase &db, const QString &executionId, QString *error)
{
    QList<ExecutionEvent> events;
    SqliteStatement select(db, "SELECT seq, time_ms, kind, payload FROM execution_events "
                               "WHERE execution_id = ? ORDER BY seq");
    select.bind(1, executionId);
    while (select.next()) {
        ExecutionEvent event;
        event.seq = select.integer(0);
        event.timeMs = select.integer(1);
        const std::optional<ExecutionEvent::Kind> kind = ExecutionEvent::kindFromName(select.text(2));
        const std::optional<QJsonObject> payload = StoredJson::object(select.blob(3));
        if (!kind || !payload) {
            if (error)
                *error = tr("Event %1 of execution %2 cannot be read.").arg(event.seq).arg(executionId);
            return events;
        }
        event.kind = *kind;
        event.payload = *payload;
        events.append(event);
    }
    if (!select.ok() && error)
        *error = tr("The journal of execution %1 cannot be read: %2").arg(executionId, db.lastError());
    return events;
}

QList<ExecutionSummary> ExecutionJournal::list()
{
    return list(m_store.database());
}

QList<ExecutionSummary> ExecutionJournal::list(SqliteDatabase &db)
{
    QList<ExecutionSummary> list;
    SqliteStatement select(db, "SELECT id, state, document, created_ms, updated_ms FROM executions "
                               "ORDER BY created_ms DESC, id");
    while (select.next()) {
        ExecutionSummary summary;
        summary.id = select.text(0);
        summary.state = executionStateFromString(select.text(1)).value_or(ExecutionState::Failed);
        if (const std::optional<QJsonObject> json = StoredJson::object(select.blob(2))) {
            if (std::optional<ExecutionTicket> ticket = ExecutionTicket::fromJson(*json, nullptr))
                summary.ticket = *ticket;
        }
        summary.created = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        summary.updated = QDateTime::fromMSecsSinceEpoch(select.integer(4), Qt::UTC);
        list.append(summary);
    }
    return list;
}

QList<Execution> ExecutionJournal::replayUnfinished(SqliteDatabase &db, const QSet<QString> &skip, QStringList *problems)
{
    QList<Execution> unfinished;
    for (const ExecutionSummary &summary : list(db)) {
        // Only a cancelled or stopped run can still have actions in flight once it is final.
        if (skip.contains(summary.id) || summary.state == ExecutionState::Succeeded)
            continue;
        QString problem;
        const QList<ExecutionEvent> events = loadEvents(db, summary.id, &problem);
        std::optional<Execution> execution = problem.isEmpty() ? Execution::replay(summary.id, events, &problem)
                                                               : std::nullopt;
        if (!execution) {
            problems->append(problem);
            continue;
        }
        bool inFlight = false;
        for (const StepRun &run : execution->steps()) {
            for (const SiteRun &site : run.sites)
                inFlight |= !site.finished();
        }
        if (isFinal(execution->state()) && !inFlight)
            continue;
        unfinished.append(std::move(*execution));
    }
    return unfinished;
}

} // namespace Haven
