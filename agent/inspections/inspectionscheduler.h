// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrunner.h"
#include "inspectionstore.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>

#include <map>
#include <memory>

namespace Haven {

class InspectionTaskRun;

// Runs the inspection tasks consoles pushed, by itself: one timer set to the next due task (no
// polling), each task's window and concurrency respected, every finished run recorded with its
// checks' soft/hard states, history pruned to the retention. Tasks survive the agent's restart.
class InspectionScheduler final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int retentionDays = 30;
        int runsPerTask = 5000;
        int minuteSeconds = 60; // what "everyMinutes" counts; only tests and benches shorten it
    };

    struct TaskStatus
    {
        InspectionTask task;
        QDateTime nextRun;
        bool running = false;
    };

    InspectionScheduler(InspectionStore &store, const InspectionContext &context, Settings settings,
                        QObject *parent = nullptr);
    ~InspectionScheduler() override;

    // Loads the stored tasks and schedules them; the problems of tasks that cannot be read.
    QStringList load();

    // Empty when the task is stored and scheduled; otherwise why not, with the HTTP status.
    InspectionRunner::Refusal putTask(const InspectionTask &task);
    bool deleteTask(const QString &id, QString *error);
    // The run id; empty with *refusal set when there is no such task or it is running.
    QString runNow(const QString &id, InspectionRunner::Refusal *refusal);

    QList<TaskStatus> tasks() const;
    int runningChecks() const;
    QString metricsText() const;

Q_SIGNALS:
    void runRecorded(quint64 sequence);

private:
    struct Scheduled
    {
        InspectionTask task;
        QDateTime next;
        std::unique_ptr<InspectionTaskRun> run;
    };

    QDateTime nextDue(const InspectionTask &task, const QDateTime &after) const;
    void rearm();
    void fire();
    QString startRun(Scheduled &scheduled, InspectionTrigger trigger);
    void runFinished(const QString &taskId);

    InspectionStore &m_store;
    const InspectionContext &m_context;
    Settings m_settings;
    std::map<QString, Scheduled> m_tasks;
    QTimer m_timer;
    QDateTime m_lastPrune;
    quint64 m_runsRecorded = 0;
    quint64 m_runsSkipped = 0;
    quint64 m_resultsWritten = 0;
    qint64 m_writeMicroseconds = 0;
    QHash<InspectionStatus, quint64> m_resultCounts;
};

} // namespace Haven
