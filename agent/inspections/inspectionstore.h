// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/inspections.h"
#include "protocol/inspectionstate.h"

#include <QHash>

namespace Haven {

class SqliteDatabase;

// The inspection tables of the agent's database (created by AgentStore's migrations): tasks as
// their JSON, finished runs by sequence, and each check's soft/hard state.
class InspectionStore final
{
public:
    explicit InspectionStore(SqliteDatabase &db);

    bool saveTask(const InspectionTask &task);
    bool deleteTask(const QString &id);
    QList<InspectionTask> tasks(QStringList *damaged = nullptr);

    // Records a finished run and the states of its checks in one transaction; sets
    // run->sequence. False (and nothing written) when the database refuses.
    bool recordRun(InspectionRunRecord *run, const QHash<QString, InspectionCheckState> &states);
    QList<InspectionRunRecord> runs(quint64 since, int limit, const QString &taskId = {});
    quint64 lastSequence();

    QHash<QString, InspectionCheckState> states(const QString &taskId);
    // Keeps the states of these checks only.
    bool keepStates(const QString &taskId, const QStringList &checkIds);

    // Removes runs started before `before`, and all but the newest `perTask` of each task.
    // Returns how many went.
    int prune(const QDateTime &before, int perTask);

    QString lastError() const;

private:
    SqliteDatabase &m_db;
};

} // namespace Haven
