// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrule.h"
#include "inspectiontaskspec.h"

#include "models/store/localstore.h"

#include <QDateTime>
#include <QHash>

#include <optional>

namespace Haven {

// One task run at one site as the report history keeps it: counts, never the results, so that
// 30 days of a 1-minute schedule stay a quick read (the results are a separate blob per run).
struct InspectionRunSummary
{
    QString siteId;
    QString runId;
    QString taskId;
    qint64 taskRevision = 0;
    quint64 sequence = 0;
    InspectionTrigger trigger = InspectionTrigger::Schedule;
    QDateTime started;
    QDateTime finished;
    int checks = 0;
    int ok = 0;
    int warning = 0;
    int critical = 0;
    int unknown = 0;
    int hardProblems = 0;
    int flapping = 0;
    QStringList targets; // the objects covered

    int failed() const { return checks - ok; }
    double passRate() const { return checks > 0 ? double(ok) / checks : 1.0; } // 0..1
    InspectionStatus worst() const;
    static InspectionRunSummary of(const QString &siteId, const InspectionRunRecord &run);
};

// The pass rate of one site's runs in one time bucket, for the trend.
struct InspectionTrendPoint
{
    QString siteId;
    QDateTime time;        // the bucket's start
    double passRate = 1.0; // 0..1, over every check of the bucket's runs
    int runs = 0;
};

enum class InspectionRiskState { ToDo, Handled };

// A check that reached a hard problem: a risk found, to do until someone marks it handled. It
// becomes to do again when the check fails hard after it had cleared.
struct InspectionRisk
{
    QString taskId;
    QString siteId;
    QString checkId;
    QString target;
    InspectionStatus status = InspectionStatus::Critical;
    InspectionRiskState state = InspectionRiskState::ToDo;
    bool cleared = false; // the check is ok again
    QDateTime firstSeen;
    QDateTime lastSeen;
    QString handledBy;
    QDateTime handled;
};

// Whether a task reached an agent: the revision it runs, or why the push failed.
struct InspectionPush
{
    QString taskId;
    QString siteId;
    qint64 revision = 0; // 0: never pushed, or removed
    QDateTime time;
    QString error;
};

// The inspection center's tables in the local store: rules, tasks, the report history collected
// from the agents (a summary row and a compressed results blob per run), each agent's collection
// cursor, risks and push states. Writes may carry audit records, kept in the same transaction.
class InspectionRepository final
{
public:
    static FeatureSchema schema();

    explicit InspectionRepository(LocalStore &store);

    QList<InspectionRule> rules(); // sorted by name
    std::optional<InspectionRule> rule(const QString &id);
    bool saveRules(const QList<InspectionRule> &rules, const QList<AuditEntry> &audit = {});
    bool deleteRule(const QString &id, const QList<AuditEntry> &audit = {});

    QList<InspectionTaskSpec> tasks(); // sorted by name
    std::optional<InspectionTaskSpec> task(const QString &id);
    bool saveTasks(const QList<InspectionTaskSpec> &tasks, const QList<AuditEntry> &audit = {});
    bool deleteTask(const QString &id, const QList<AuditEntry> &audit = {});
    // Rules and tasks together (an import): all or nothing.
    bool saveFile(const QList<InspectionRule> &rules, const QList<InspectionTaskSpec> &tasks,
                  const QList<AuditEntry> &audit);

    // The last run sequence collected from siteId's agent (0: none yet).
    quint64 cursor(const QString &siteId);
    // Stores the runs an agent sent (finished ones; a run already here is kept as it is) and moves the
    // cursor, in one transaction. Returns the summaries of runs that were new.
    std::optional<QList<InspectionRunSummary>> recordRuns(const QString &siteId, const QList<InspectionRunRecord> &runs,
                                                          quint64 cursor);
    // Newest first; taskId empty: every task; from/to null: no bound; limit 0: no limit.
    QList<InspectionRunSummary> runs(const QString &taskId, const QDateTime &from = {}, const QDateTime &to = {},
                                     int limit = 0);
    std::optional<InspectionRunSummary> run(const QString &siteId, const QString &runId);
    // The pass rate per site in buckets of bucketMs, oldest first: summed in SQL, so 30 days of a
    // 1-minute schedule come back as a few hundred points.
    QList<InspectionTrendPoint> trend(const QString &taskId, const QDateTime &from, const QDateTime &to,
                                      qint64 bucketMs);
    QList<InspectionCheckResult> results(const QString &siteId, const QString &runId);
    // Drops result blobs of runs started before before (their summaries stay for the trend).
    int pruneResults(const QDateTime &before);

    QList<InspectionRisk> risks(const QString &taskId = {});
    bool setRiskState(const QString &taskId, const QString &siteId, const QString &checkId, InspectionRiskState state,
                      const QString &user, const QList<AuditEntry> &audit = {});

    bool recordPush(const InspectionPush &push);
    QList<InspectionPush> pushes(const QString &taskId = {});

private:
    bool insertAudit(const QList<AuditEntry> &audit);
    bool writeRun(const QString &siteId, const InspectionRunRecord &run, bool *isNew);
    bool updateRisks(const QString &siteId, const InspectionRunRecord &run);

    LocalStore &m_store;
};

} // namespace Haven
