// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionscheduler.h"

#include "protocol/protocol.h"

#include <QElapsedTimer>
#include <QUuid>

#include <functional>

namespace Haven {

// One run of a task: its checks through runners, at most `concurrency` at once, each result
// passed through its check's soft/hard state. Destroying it stops what still runs.
class InspectionTaskRun final : public QObject
{
public:
    using Done = std::function<void(InspectionRunRecord &record, const QHash<QString, InspectionCheckState> &states)>;

    InspectionTaskRun(InspectionTask task, InspectionTrigger trigger, QHash<QString, InspectionCheckState> states,
                      const InspectionContext &context, Done done)
        : m_task(std::move(task))
        , m_states(std::move(states))
        , m_context(context)
        , m_done(std::move(done))
    {
        m_record.runId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_record.taskId = m_task.id;
        m_record.taskRevision = m_task.revision;
        m_record.trigger = trigger;
        m_record.results.resize(m_task.checks.size());
    }

    ~InspectionTaskRun() override
    {
        for (InspectionRunner *runner : std::as_const(m_running))
            runner->disconnect(this);
        qDeleteAll(m_running);
    }

    QString runId() const { return m_record.runId; }
    int runningChecks() const { return int(m_running.size()); }

    void start()
    {
        m_record.started = QDateTime::currentDateTimeUtc();
        startMore();
    }

private:
    void startMore()
    {
        while (m_running.size() < m_task.concurrency && m_next < m_task.checks.size()) {
            const qsizetype index = m_next++;
            const InspectionCheck &check = m_task.checks.at(index);
            InspectionRunner::Refusal refusal;
            std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(check, m_context, &refusal);
            if (!runner) {
                // The configuration changed since the task came: the check cannot run here now.
                InspectionCheckResult refused;
                refused.checkId = check.id;
                refused.target = check.target;
                refused.status = InspectionStatus::Unknown;
                refused.summary = refusal.message;
                record(index, refused);
                continue;
            }
            InspectionRunner *raw = runner.release();
            m_running.append(raw);
            connect(raw, &InspectionRunner::finished, this, [this, raw, index](const InspectionCheckResult &result) {
                m_running.removeOne(raw);
                raw->deleteLater();
                record(index, result);
                startMore();
            });
            raw->start();
        }
        if (m_running.isEmpty() && m_next >= m_task.checks.size() && !m_reported) {
            m_reported = true;
            m_record.finished = QDateTime::currentDateTimeUtc();
            m_done(m_record, m_states);
        }
    }

    void record(qsizetype index, InspectionCheckResult result)
    {
        InspectionCheckState &state = m_states[result.checkId];
        state.record(result.status, {m_task.softFailures, m_task.recoveries, m_task.flapThreshold});
        result.hardState = state.hardState();
        result.flapping = state.isFlapping();
        m_record.results[index] = std::move(result);
    }

    InspectionTask m_task;
    QHash<QString, InspectionCheckState> m_states;
    const InspectionContext &m_context;
    Done m_done;
    InspectionRunRecord m_record;
    QList<InspectionRunner *> m_running;
    qsizetype m_next = 0;
    bool m_reported = false;
};

InspectionScheduler::InspectionScheduler(InspectionStore &store, const InspectionContext &context, Settings settings,
                                         QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_context(context)
    , m_settings(settings)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &InspectionScheduler::fire);
}

InspectionScheduler::~InspectionScheduler() = default;

QStringList InspectionScheduler::load()
{
    QStringList damaged;
    const QList<InspectionTask> stored = m_store.tasks(&damaged);
    const QDateTime now = QDateTime::currentDateTime();
    for (const InspectionTask &task : stored)
        m_tasks[task.id] = Scheduled{task, task.enabled ? nextDue(task, now) : QDateTime(), nullptr};
    rearm();
    return damaged;
}

QDateTime InspectionScheduler::nextDue(const InspectionTask &task, const QDateTime &after) const
{
    if (task.schedule.everyMinutes > 0 && m_settings.minuteSeconds != 60)
        return after.addSecs(qint64(task.schedule.everyMinutes) * m_settings.minuteSeconds);
    return task.schedule.nextAfter(after);
}

InspectionRunner::Refusal InspectionScheduler::putTask(const InspectionTask &task)
{
    // Refuse now what could never run here, so that the console hears it when it pushes.
    for (qsizetype i = 0; i < task.checks.size(); ++i) {
        InspectionRunner::Refusal refusal;
        if (!InspectionRunner::create(task.checks.at(i), m_context, &refusal)) {
            refusal.message = QStringLiteral("checks[%1] (%2): %3").arg(i).arg(task.checks.at(i).id, refusal.message);
            return refusal;
        }
    }
    QStringList checkIds;
    for (const InspectionCheck &check : task.checks)
        checkIds.append(check.id);
    if (!m_store.saveTask(task) || !m_store.keepStates(task.id, checkIds))
        return {500, QStringLiteral("store_failed"), m_store.lastError()};
    Scheduled &scheduled = m_tasks[task.id];
    scheduled.task = task;
    scheduled.next = task.enabled ? nextDue(task, QDateTime::currentDateTime()) : QDateTime();
    rearm();
    return {200, {}, {}};
}

bool InspectionScheduler::deleteTask(const QString &id, QString *error)
{
    if (!m_store.deleteTask(id)) {
        *error = m_store.lastError();
        return false;
    }
    m_tasks.erase(id); // a run in progress stops and is not recorded
    rearm();
    return true;
}

QString InspectionScheduler::runNow(const QString &id, InspectionRunner::Refusal *refusal)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end()) {
        *refusal = {404, QStringLiteral("not_found"), QStringLiteral("no inspection task %1").arg(id)};
        return {};
    }
    if (it->second.run) {
        *refusal = {409, QStringLiteral("task_running"),
                    QStringLiteral("inspection task %1 is running (run %2); ask again when it has finished")
                        .arg(id, it->second.run->runId())};
        return {};
    }
    return startRun(it->second, InspectionTrigger::Manual);
}

QString InspectionScheduler::startRun(Scheduled &scheduled, InspectionTrigger trigger)
{
    const QString taskId = scheduled.task.id;
    scheduled.run = std::make_unique<InspectionTaskRun>(scheduled.task, trigger, m_store.states(taskId), m_context,
                                                        [this,
                                                         taskId](InspectionRunRecord &record,
                                                                 const QHash<QString, InspectionCheckState> &states) {
        QElapsedTimer clock;
        clock.start();
        if (m_store.recordRun(&record, states)) {
            m_writeMicroseconds += clock.nsecsElapsed() / 1000;
            m_resultsWritten += quint64(record.results.size());
            ++m_runsRecorded;
            for (const InspectionCheckResult &result : std::as_const(record.results))
                m_resultCounts[result.status] += 1;
            Q_EMIT runRecorded(record.sequence);
        } else {
            qWarning("haven-agent: inspection run %s of task %s could not be recorded: %s", qPrintable(record.runId),
                     qPrintable(taskId), qPrintable(m_store.lastError()));
        }
        // Not from inside the run's own call stack: it is deleted here.
        QMetaObject::invokeMethod(
            this, [this, taskId] { runFinished(taskId); }, Qt::QueuedConnection);
    });
    const QString runId = scheduled.run->runId();
    scheduled.run->start();
    return runId;
}

void InspectionScheduler::runFinished(const QString &taskId)
{
    const auto it = m_tasks.find(taskId);
    if (it != m_tasks.end())
        it->second.run.reset();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_lastPrune.isValid() || m_lastPrune.secsTo(now) >= 60) {
        m_lastPrune = now;
        m_store.prune(now.addDays(-m_settings.retentionDays), m_settings.runsPerTask);
    }
}

void InspectionScheduler::fire()
{
    const QDateTime now = QDateTime::currentDateTime();
    for (auto &[id, scheduled] : m_tasks) {
        if (!scheduled.next.isValid() || scheduled.next > now)
            continue;
        scheduled.next = nextDue(scheduled.task, now);
        const bool inWindow = !scheduled.task.window || scheduled.task.window->contains(now.time());
        if (scheduled.run || !inWindow) {
            ++m_runsSkipped; // still running from the last time, or outside its window
            continue;
        }
        startRun(scheduled, InspectionTrigger::Schedule);
    }
    rearm();
}

void InspectionScheduler::rearm()
{
    QDateTime earliest;
    for (const auto &[id, scheduled] : m_tasks) {
        if (scheduled.next.isValid() && (!earliest.isValid() || scheduled.next < earliest))
            earliest = scheduled.next;
    }
    if (!earliest.isValid()) {
        m_timer.stop();
        return;
    }
    // At most an hour at a time, so that a clock that was set meanwhile is noticed.
    const qint64 wait = qBound(qint64(0), QDateTime::currentDateTime().msecsTo(earliest), qint64(3'600'000));
    m_timer.start(std::chrono::milliseconds(wait));
}

QList<InspectionScheduler::TaskStatus> InspectionScheduler::tasks() const
{
    QList<TaskStatus> list;
    for (const auto &[id, scheduled] : m_tasks)
        list.append({scheduled.task, scheduled.next, scheduled.run != nullptr});
    return list;
}

int InspectionScheduler::runningChecks() const
{
    int running = 0;
    for (const auto &[id, scheduled] : m_tasks)
        running += scheduled.run ? scheduled.run->runningChecks() : 0;
    return running;
}

QString InspectionScheduler::metricsText() const
{
    QString page;
    page += QStringLiteral("# HELP haven_agent_inspection_tasks Inspection tasks this agent runs on schedule.\n"
                           "# TYPE haven_agent_inspection_tasks gauge\nhaven_agent_inspection_tasks %1\n")
                .arg(m_tasks.size());
    page += QStringLiteral("# HELP haven_agent_inspection_runs_total Task runs recorded since start.\n"
                           "# TYPE haven_agent_inspection_runs_total counter\nhaven_agent_inspection_runs_total %1\n")
                .arg(m_runsRecorded);
    page += QStringLiteral("# HELP haven_agent_inspection_runs_skipped_total Scheduled runs skipped: still running or "
                           "outside the window.\n# TYPE haven_agent_inspection_runs_skipped_total counter\n"
                           "haven_agent_inspection_runs_skipped_total %1\n")
                .arg(m_runsSkipped);
    page += QStringLiteral("# HELP haven_agent_inspection_results_total Check results recorded since start, by "
                           "status.\n# TYPE haven_agent_inspection_results_total counter\n");
    for (InspectionStatus status :
         {InspectionStatus::Ok, InspectionStatus::Warning, InspectionStatus::Critical, InspectionStatus::Unknown})
        page += QStringLiteral("haven_agent_inspection_results_total{status=\"%1\"} %2\n")
                    .arg(toString(status))
                    .arg(m_resultCounts.value(status));
    page += QStringLiteral("# HELP haven_agent_inspection_write_seconds_total Time spent recording runs and states.\n"
                           "# TYPE haven_agent_inspection_write_seconds_total counter\n"
                           "haven_agent_inspection_write_seconds_total %1\n")
                .arg(double(m_writeMicroseconds) / 1e6, 0, 'f', 6);
    page += QStringLiteral("# HELP haven_agent_inspection_checks_running Checks of scheduled or manual runs running "
                           "now.\n# TYPE haven_agent_inspection_checks_running gauge\n"
                           "haven_agent_inspection_checks_running %1\n")
                .arg(runningChecks());
    return page;
}

} // namespace Haven
