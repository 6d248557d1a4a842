// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/executions/execution.h"
#include "models/store/localstore.h"

#include <QDateTime>
#include <QSet>

namespace Haven {

// One row of the execution list, read without the journal.
struct ExecutionSummary
{
    QString id;
    ExecutionTicket ticket;
    ExecutionState state = ExecutionState::Ready;
    QDateTime created;
    QDateTime updated;
};

// The execution journal's tables in the local store: one row per execution and its events.
class ExecutionJournal final
{
    Q_DECLARE_TR_FUNCTIONS(ExecutionJournal)

public:
    // Refers to the plans table, so it migrates after the plans.
    static FeatureSchema schema();

    explicit ExecutionJournal(LocalStore &store);

    // Appending the Created event makes the execution's row (its document is the ticket); each
    // event also sets the row's state. One transaction per call, with the audit records of the
    // operator commands the events carry out (both or neither are kept).
    bool appendEvents(const QString &executionId, const QList<ExecutionEvent> &events, ExecutionState state,
                      const QList<AuditEntry> &audit = {});
    // In seq order. *error when a row cannot be read (the events before it are returned).
    QList<ExecutionEvent> loadEvents(const QString &executionId, QString *error = nullptr);
    QList<ExecutionSummary> list(); // newest first

    // The same on any connection to the store's file (a worker thread's).
    static QList<ExecutionEvent> loadEvents(SqliteDatabase &db, const QString &executionId, QString *error = nullptr);
    static QList<ExecutionSummary> list(SqliteDatabase &db);
    // What start-up continues: every execution that is not final or still has actions in flight,
    // replayed from its events, newest first; those in skip are left out. *problems lists the
    // journals that cannot be read. Pure reading and replaying: it can run off the GUI thread.
    static QList<Execution> replayUnfinished(SqliteDatabase &db, const QSet<QString> &skip, QStringList *problems);

private:
    LocalStore &m_store;
};

} // namespace Haven
