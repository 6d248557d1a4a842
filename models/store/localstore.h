// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sqlitedatabase.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>

#include <functional>
#include <memory>
#include <optional>

namespace Haven {

Q_DECLARE_LOGGING_CATEGORY(lcStore)

class DrillRepository;
class EnvironmentRepository;
class ExecutionJournal;
class PlanRepository;
class TopologyCache;

// One record for the audit log (its time, host, sequence and hashes are added when written).
struct AuditEntry
{
    QString user;
    QString action;
    QJsonObject details;
};

// One record as the audit log keeps it.
struct AuditRecord
{
    qint64 seq = 0;
    QDateTime time;
    QString user;
    QString host;
    QString action;
    QJsonObject details;
};

// One feature's tables: its migrations run in order, each once, counted in schema_versions.
struct FeatureSchema
{
    QString feature;
    QList<QByteArray> migrations;
};

// The console's local database file. It keeps opening the file, the fallback to memory when the
// file is unusable, transactions, schema bookkeeping and the audit chain; each feature's tables
// live in its repository (plans(), journal(), topologyCache(), environment()), which brings its
// own migrations. It never stops the console: when the file cannot be opened or written it moves
// to memory and says why.
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

    // The store's own schema (PRAGMA user_version = how many have run): the audit log and the
    // per-feature schema_versions table.
    static const QList<QByteArray> &migrations();
    static int schemaVersion() { return int(migrations().size()); }
    // The features' schemas, in the order they migrate (a feature after those it refers to).
    static const QList<FeatureSchema> &features();
    // Brings db to this Haven's schema: the store's migrations, then each feature's.
    static bool migrate(SqliteDatabase &db);
    // What in db is newer than this Haven knows, in a person's words; empty when nothing is.
    static QString newerSchema(SqliteDatabase &db);

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

    PlanRepository &plans() { return *m_plans; }
    ExecutionJournal &journal() { return *m_journal; }
    TopologyCache &topologyCache() { return *m_topologyCache; }
    EnvironmentRepository &environment() { return *m_environment; }
    DrillRepository &drills() { return *m_drills; }

    // For the repositories: the open database (it changes when the store falls back to memory,
    // so never keep it) and one transaction that moves to memory when the file fails.
    SqliteDatabase &database() { return *m_db; }
    bool write(const std::function<bool()> &work);
    // Inside write(): adds one record to the chain, so a change and its record are kept together.
    bool insertAudit(const AuditEntry &entry);

    // Appends one record to the audit log: hash = SHA-256(prev_hash + the record's compact JSON).
    bool appendAudit(const QString &user, const QString &action, const QJsonObject &details);
    // True when every record's hash matches; otherwise *brokenSeq is the first record that does not.
    // *records: how many records were checked.
    bool verifyAuditChain(qint64 *brokenSeq = nullptr, qint64 *records = nullptr);
    // The records after sinceSeq, oldest first.
    QList<AuditRecord> auditRecords(qint64 sinceSeq = 0);

    // Caps the file at this many pages (PRAGMA max_page_count) so a test can fill the "disk".
    void setPageLimitForTesting(int pages);

    // How many writes failed since open (a write failure switches to memory).
    int failedWrites() const { return m_failedWrites; }

private:
    void fallBackToMemory(const QString &happened, const QString &advice, bool copyFile);
    QString moveAside(const QString &path);

    std::unique_ptr<SqliteDatabase> m_db;
    std::unique_ptr<PlanRepository> m_plans;
    std::unique_ptr<ExecutionJournal> m_journal;
    std::unique_ptr<TopologyCache> m_topologyCache;
    std::unique_ptr<EnvironmentRepository> m_environment;
    std::unique_ptr<DrillRepository> m_drills;
    Status m_status;
    std::function<void(const Status &)> m_onStatusChanged;
    int m_failedWrites = 0;
    int m_pageLimit = 0;
};

} // namespace Haven
