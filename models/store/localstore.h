// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sqlitedatabase.h"
#include "models/environment/environment.h"
#include "models/executions/execution.h"
#include "models/plans/plan.h"
#include "protocol/protocol.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>
#include <memory>
#include <optional>

namespace Haven {

// The last known state of one site, as the cache keeps it.
struct CachedSite
{
    SiteInfo info;
    TopologySnapshot snapshot;
    QDateTime fetched;               // when the agent last answered with this state
    QList<OperationSpec> operations; // the site's catalog, so plans validate offline
};

// One closed, downsampled bucket of a metric series ("<site>/<component>/<metric>").
struct MetricBucket
{
    QString series;
    int tier = 0;       // MetricHistory's tier index
    qint64 startMs = 0; // bucket start, ms since epoch, UTC
    double minimum = 0;
    double maximum = 0;
    double mean = 0;
    int count = 0;

    friend bool operator==(const MetricBucket &, const MetricBucket &) = default;
};

// One row of the plan list, read without parsing the plan document.
struct PlanSummary
{
    QString id;
    QString name;
    PlanKind kind = PlanKind::DisasterRecovery;
    PlanState state = PlanState::Draft;
    int version = 0; // latest saved version; 0 when never saved
    QDateTime updated;
};

// One record for the audit log (its time, host, sequence and hashes are added when written).
struct AuditEntry
{
    QString user;
    QString action;
    QJsonObject details;
};

// One row of the execution list, read without the journal.
struct ExecutionSummary
{
    QString id;
    ExecutionTicket ticket;
    ExecutionState state = ExecutionState::Ready;
    QDateTime created;
    QDateTime updated;
};

// The console's local database: environment, topology snapshots, metric history, and the
// tables later features write (plans, executions journal, audit log). It never stops the
// console: when the file cannot be opened or written it moves to memory and says why.
class LocalStore final
{
    Q_DECLARE_TR_FUNCTIONS(LocalStore)

public:
    enum class Mode { Persistent, InMemory };
    struct Status
    {
        Mode mode = Mode::InMemory;
        QString path;
        // For the banner: why the store is in memory, or (still persistent) that a damaged file
        // was replaced. Says what happened, what was kept and what to do. Empty when all is well.
        QString problem;
        QString movedAsidePath; // a corrupt file that was set aside, kept for inspection
    };

    // The schema, one migration per version (PRAGMA user_version = how many have run).
    static const QList<QByteArray> &migrations();
    static int schemaVersion() { return int(migrations().size()); }

    // Starts in memory until open() is called.
    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // Opens (creating, migrating) the database at path; on any failure opens an in-memory
    // database instead. A corrupt file is renamed aside, never deleted or overwritten.
    Status open(const QString &path);
    Status status() const { return m_status; }
    // Called when the store leaves its file while running (disk full, I/O error, damage), so
    // that the console can say so at once; open() reports through its return value instead.
    void setStatusCallback(std::function<void(const Status &)> callback) { m_onStatusChanged = std::move(callback); }
    bool isPersistent() const { return m_status.mode == Mode::Persistent; }

    bool saveEnvironment(const Environment &environment);
    std::optional<Environment> loadEnvironment();

    bool saveSite(const CachedSite &site);
    bool saveSites(const QList<CachedSite> &sites); // in one transaction
    bool removeSite(const QString &siteId);
    QList<CachedSite> loadSites();

    bool appendMetricBuckets(const QList<MetricBucket> &buckets);
    QList<MetricBucket> loadMetricBuckets(qint64 sinceMs);
    // Deletes buckets starting before olderThanMs: of one tier, or of all when tier < 0.
    bool pruneMetricBuckets(qint64 olderThanMs, int tier = -1);

    // Plans: the working copy (PlanFormat JSON, plus state and latest version number) and the
    // saved versions (immutable: saving a version number twice fails). Deleting a plan deletes
    // its versions. A version's document is {"comment":..., "snapshot":<PlanFormat JSON>}.
    bool savePlan(const PlanData &plan, int version);
    std::optional<PlanData> loadPlan(const QString &planId); // with its state
    QList<PlanSummary> listPlans();                          // sorted by name
    bool deletePlan(const QString &planId);
    bool savePlanVersion(const QString &planId, const PlanVersion &version);
    QList<PlanVersion> loadPlanVersions(const QString &planId); // oldest first

    // The execution journal. Appending the Created event makes the execution's row (its document
    // is the ticket); each event also sets the row's state. One transaction per call, with the
    // audit records of the operator commands the events carry out (both or neither are kept).
    bool appendExecutionEvents(const QString &executionId, const QList<ExecutionEvent> &events, ExecutionState state,
                               const QList<AuditEntry> &audit = {});
    // In seq order. *error when a row cannot be read (the events before it are returned).
    QList<ExecutionEvent> loadExecutionEvents(const QString &executionId, QString *error = nullptr);
    QList<ExecutionSummary> listExecutions(); // newest first

    // Appends one record to the audit log: hash = SHA-256(prev_hash + the record's compact JSON).
    bool appendAudit(const QString &user, const QString &action, const QJsonObject &details);
    // True when every record's hash matches; otherwise *brokenSeq is the first record that does not.
    // *records: how many records were checked.
    bool verifyAuditChain(qint64 *brokenSeq = nullptr, qint64 *records = nullptr);

    // Caps the file at this many pages (PRAGMA max_page_count) so a test can fill the "disk".
    void setPageLimitForTesting(int pages);

    // How many writes failed since open (a write failure switches to memory).
    int failedWrites() const { return m_failedWrites; }

private:
    bool write(const std::function<bool()> &work);
    bool insertAudit(const AuditEntry &entry); // inside a transaction
    void fallBackToMemory(const QString &happened, const QString &advice, bool copyFile);
    QString moveAside(const QString &path);

    std::unique_ptr<SqliteDatabase> m_db;
    Status m_status;
    std::function<void(const Status &)> m_onStatusChanged;
    int m_failedWrites = 0;
    int m_pageLimit = 0;
};

} // namespace Haven
