// SPDX-License-Identifier: GPL-3.0-or-later
#include "localstore.h"

#include "models/plans/planformat.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSysInfo>

#include <sqlite3.h>

namespace Haven {

Q_LOGGING_CATEGORY(lcStore, "haven.store")

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<QJsonObject> objectFrom(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isCorruption(int code)
{
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
}

// Failures of the file itself, after which writing to it again is pointless.
bool isStorageFailure(int code)
{
    switch (code) {
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return true;
    default:
        return false;
    }
}

// The cause in a person's words; SQLite's own message goes to the log.
QString reasonFor(int code)
{
    switch (code) {
    case SQLITE_NOTADB:
        return LocalStore::tr("it is not a database file");
    case SQLITE_CORRUPT:
        return LocalStore::tr("some of its pages are damaged");
    case SQLITE_READONLY:
        return LocalStore::tr("the file can only be read");
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return LocalStore::tr("permission denied");
    case SQLITE_CANTOPEN:
        return LocalStore::tr("the file or its folder cannot be opened or created");
    case SQLITE_FULL:
        return LocalStore::tr("the disk is full");
    case SQLITE_IOERR:
        return LocalStore::tr("the disk reported an input/output error");
    default:
        return QString::fromUtf8(sqlite3_errstr(code));
    }
}

// The hashed form of one audit record: unambiguous, and rebuilt from the stored columns alone.
QByteArray auditRecord(qint64 seq, const QString &time, const QString &user, const QString &host, const QString &action,
                       const QString &details)
{
    const QJsonArray record{double(seq), time, user, host, action, details};
    return QJsonDocument(record).toJson(QJsonDocument::Compact);
}

QString auditHash(const QString &prevHash, const QByteArray &record)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(prevHash.toLatin1() + record), QCryptographicHash::Sha256).toHex());
}

} // namespace

const QList<QByteArray> &LocalStore::migrations()
{
    static const QList<QByteArray> list = {
        // 1: the cache the console shows on start.
        R"(CREATE TABLE environment (
               id INTEGER PRIMARY KEY CHECK (id = 1),
               document TEXT NOT NULL,
               updated_ms INTEGER NOT NULL);
           CREATE TABLE sites (
               site_id TEXT PRIMARY KEY,
               info TEXT NOT NULL,
               snapshot TEXT NOT NULL,
               fetched_ms INTEGER);
           CREATE TABLE metric_buckets (
               series TEXT NOT NULL,
               tier INTEGER NOT NULL,
               start_ms INTEGER NOT NULL,
               min REAL NOT NULL,
               max REAL NOT NULL,
               mean REAL NOT NULL,
               count INTEGER NOT NULL,
               PRIMARY KEY (series, tier, start_ms)) WITHOUT ROWID;
           CREATE INDEX metric_buckets_start ON metric_buckets(start_ms);)",
        // 2: what plans, execution tickets and the audit trail will write.
        R"(CREATE TABLE plans (
               id TEXT PRIMARY KEY,
               name TEXT NOT NULL,
               kind TEXT NOT NULL,
               state TEXT NOT NULL,
               version INTEGER NOT NULL DEFAULT 1,
               document TEXT NOT NULL,
               updated_ms INTEGER NOT NULL);
           CREATE TABLE plan_versions (
               plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
               version INTEGER NOT NULL,
               document TEXT NOT NULL,
               author TEXT NOT NULL DEFAULT '',
               created_ms INTEGER NOT NULL,
               PRIMARY KEY (plan_id, version)) WITHOUT ROWID;
           CREATE TABLE executions (
               id TEXT PRIMARY KEY,
               plan_id TEXT REFERENCES plans(id) ON DELETE SET NULL,
               plan_version INTEGER,
               state TEXT NOT NULL,
               document TEXT NOT NULL,
               created_ms INTEGER NOT NULL,
               updated_ms INTEGER NOT NULL);
           CREATE INDEX executions_state ON executions(state);
           CREATE TABLE execution_events (
               execution_id TEXT NOT NULL REFERENCES executions(id) ON DELETE CASCADE,
               seq INTEGER NOT NULL,
               time_ms INTEGER NOT NULL,
               kind TEXT NOT NULL,
               payload TEXT NOT NULL,
               PRIMARY KEY (execution_id, seq)) WITHOUT ROWID;
           CREATE TABLE audit_log (
               seq INTEGER PRIMARY KEY,
               time TEXT NOT NULL,
               user TEXT NOT NULL,
               host TEXT NOT NULL,
               action TEXT NOT NULL,
               details TEXT NOT NULL,
               prev_hash TEXT NOT NULL,
               hash TEXT NOT NULL);)",
    };
    return list;
}

LocalStore::LocalStore()
    : m_db(std::make_unique<SqliteDatabase>())
{
    m_db->openInMemory();
    m_db->migrate(migrations());
}

LocalStore::~LocalStore() = default;

LocalStore::Status LocalStore::open(const QString &path)
{
    m_db.reset();
    m_status = Status{};
    m_status.path = path;
    m_failedWrites = 0;

    auto file = std::make_unique<SqliteDatabase>();
    if (file->open(path)) {
        const int version = file->userVersion();
        if (version > schemaVersion()) {
            file.reset();
            fallBackToMemory(tr("The local database %1 was written by a newer Haven (schema version %2; this Haven "
                                "knows up to %3), so this Haven leaves it untouched.")
                                 .arg(path)
                                 .arg(version)
                                 .arg(schemaVersion()),
                             tr("Use the newer Haven, or move the file away to start a new database."), false);
            return m_status;
        }
        if (m_pageLimit > 0)
            file->exec("PRAGMA max_page_count=" + QByteArray::number(m_pageLimit));
        if (file->migrate(migrations())) {
            m_db = std::move(file);
            m_status.mode = Mode::Persistent;
            return m_status;
        }
    }
    const int code = file->lastErrorCode();
    const QString detail = reasonFor(code);
    qCWarning(lcStore) << "cannot use" << path << ":" << file->lastError();
    file.reset();

    if (isCorruption(code)) {
        const QString aside = moveAside(path);
        if (!aside.isEmpty()) {
            auto fresh = std::make_unique<SqliteDatabase>();
            if (fresh->open(path) && fresh->migrate(migrations())) {
                if (m_pageLimit > 0)
                    fresh->exec("PRAGMA max_page_count=" + QByteArray::number(m_pageLimit));
                m_db = std::move(fresh);
                m_status.mode = Mode::Persistent;
                m_status.movedAsidePath = aside;
                m_status.problem
                    = tr("The local database %1 was damaged (%2). Haven moved it aside to %3 for inspection and "
                         "started "
                         "a new, empty database: the sites' state refills from the agents, but plans, journal and "
                         "history saved in the old file are not loaded. Keep the damaged file if you need them "
                         "recovered.")
                          .arg(path, detail, aside);
                return m_status;
            }
            fallBackToMemory(tr("The local database %1 was damaged (%2). Haven moved it aside to %3 but cannot "
                                "create a new one (%4).")
                                 .arg(path, detail, aside, reasonFor(fresh->lastErrorCode())),
                             tr("Check the disk and the folder's permissions, then restart Haven."), false);
        } else {
            fallBackToMemory(tr("The local database %1 is damaged (%2) and Haven cannot move it aside.")
                                 .arg(path, detail),
                             tr("Move the file away yourself (keep it for inspection), then restart Haven."), false);
        }
        m_status.movedAsidePath = aside;
        return m_status;
    }

    if (code == SQLITE_FULL) {
        fallBackToMemory(tr("Haven cannot set up its local database %1 because the disk is full.").arg(path),
                         tr("Free some disk space, then restart Haven."), true);
    } else if (code == SQLITE_IOERR) {
        fallBackToMemory(tr("Haven cannot use its local database %1 (%2).").arg(path, detail),
                         tr("Check the disk, then restart Haven."), true);
    } else {
        fallBackToMemory(tr("Haven cannot open its local database %1 for writing (%2).").arg(path, detail),
                         tr("Check that the folder exists and that you may write to it and to the file, then "
                            "restart Haven."),
                         true);
    }
    return m_status;
}

void LocalStore::fallBackToMemory(const QString &happened, const QString &advice, bool copyFile)
{
    auto memory = std::make_unique<SqliteDatabase>();
    memory->openInMemory();
    bool copied = false;
    if (copyFile) {
        if (m_db && m_status.mode == Mode::Persistent) {
            copied = m_db->copyTo(*memory);
        } else if (QFile::exists(m_status.path)) {
            SqliteDatabase source;
            copied = source.openReadOnly(m_status.path) && source.userVersion() <= schemaVersion()
                     && source.copyTo(*memory);
        }
        if (!copied) {
            memory->openInMemory(); // a half-done copy is not something to build on
        }
    }
    if (!memory->migrate(migrations())) {
        qCWarning(lcStore) << "cannot migrate the in-memory copy:" << memory->lastError();
        copied = false;
        memory->openInMemory();
        memory->migrate(migrations());
    }
    m_db = std::move(memory);
    m_status.mode = Mode::InMemory;
    const QString kept
        = copied ? tr("Haven goes on with a copy of it in memory: what was saved before is kept, unchanged, in the "
                      "file, but changes made from now on are lost when Haven closes.")
                 : tr("Haven goes on in memory, starting empty and refilling from the agents; the file was not "
                      "changed, and changes made from now on are lost when Haven closes.");
    m_status.problem = happened + QLatin1Char(' ') + kept + QLatin1Char(' ') + advice;
    qCWarning(lcStore).noquote() << m_status.problem;
    if (m_onStatusChanged)
        m_onStatusChanged(m_status);
}

QString LocalStore::moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QStringLiteral(".corrupt-") + stamp;
    for (int n = 2; QFile::exists(target) || QFile::exists(target + QStringLiteral("-wal")); ++n)
        target = path + QStringLiteral(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    if (!QFile::rename(path, target))
        return {};
    // The -wal holds committed pages of the damaged file: they belong with it.
    for (const QLatin1StringView suffix : {QLatin1StringView("-wal"), QLatin1StringView("-shm")}) {
        if (QFile::exists(path + suffix) && !QFile::rename(path + suffix, target + suffix))
            qCWarning(lcStore) << "cannot move" << path + suffix << "aside";
    }
    return target;
}

bool LocalStore::write(const std::function<bool()> &work)
{
    if (m_db->transaction(work))
        return true;
    ++m_failedWrites;
    const int code = m_db->lastErrorCode();
    const QString detail = reasonFor(code);
    qCWarning(lcStore) << "write failed:" << m_db->lastError();
    if (!isPersistent() || !isStorageFailure(code))
        return false;

    const QString &path = m_status.path;
    if (code == SQLITE_FULL) {
        fallBackToMemory(tr("Haven could not save to its local database %1 because the disk is full.").arg(path),
                         tr("Free some disk space, then restart Haven to go back to the file."), true);
    } else if (isCorruption(code)) {
        fallBackToMemory(tr("Haven found its local database %1 damaged while saving (%2).").arg(path, detail),
                         tr("Restart Haven: it sets the damaged file aside for inspection and starts a new one."),
                         true);
    } else if (code == SQLITE_IOERR) {
        fallBackToMemory(tr("Haven could not write its local database %1 (%2).").arg(path, detail),
                         tr("Check the disk, then restart Haven."), true);
    } else {
        fallBackToMemory(tr("Haven may no longer write its local database %1 (%2).").arg(path, detail),
                         tr("Check that you may write to the file and its folder, then restart Haven."), true);
    }
    return m_db->transaction(work);
}

void LocalStore::setPageLimitForTesting(int pages)
{
    m_pageLimit = pages;
    if (isPersistent())
        m_db->exec("PRAGMA max_page_count=" + QByteArray::number(pages));
}

bool LocalStore::saveEnvironment(const Environment &environment)
{
    const QByteArray document = compact(environment.toJson());
    return write([&] {
        SqliteStatement upsert(*m_db, "INSERT OR REPLACE INTO environment (id, document, updated_ms) VALUES (1, ?, ?)");
        return upsert.bind(1, document).bind(2, nowMs()).run();
    });
}

std::optional<Environment> LocalStore::loadEnvironment()
{
    SqliteStatement select(*m_db, "SELECT document FROM environment WHERE id = 1");
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = objectFrom(select.blob(0));
    QString error;
    std::optional<Environment> environment = json ? Environment::fromJson(*json, nullptr, &error) : std::nullopt;
    if (!environment)
        qCWarning(lcStore) << "the cached environment cannot be read:" << (json ? error : QStringLiteral("not JSON"));
    return environment;
}

bool LocalStore::saveSite(const CachedSite &site)
{
    return saveSites({site});
}

bool LocalStore::saveSites(const QList<CachedSite> &sites)
{
    struct Row
    {
        QString id;
        QByteArray info;
        QByteArray snapshot;
        QDateTime fetched;
    };
    QList<Row> rows;
    rows.reserve(sites.size());
    for (const CachedSite &site : sites) {
        // The catalog rides along in the info document (SiteInfo ignores keys it does not know).
        QJsonObject info = site.info.toJson();
        QJsonArray operations;
        for (const OperationSpec &operation : site.operations)
            operations.append(operation.toJson());
        info.insert(QStringLiteral("operations"), operations);
        rows.append(Row{site.info.id.isEmpty() ? site.snapshot.siteId : site.info.id, compact(info),
                        compact(site.snapshot.toJson()), site.fetched});
    }
    // One transaction for the batch: one disk sync, not one per site.
    return write([&] {
        SqliteStatement upsert(*m_db, "INSERT OR REPLACE INTO sites (site_id, info, snapshot, fetched_ms) "
                                      "VALUES (?, ?, ?, ?)");
        for (const Row &row : std::as_const(rows)) {
            upsert.reset();
            upsert.bind(1, row.id).bind(2, row.info).bind(3, row.snapshot);
            if (row.fetched.isValid())
                upsert.bind(4, row.fetched.toMSecsSinceEpoch());
            else
                upsert.bindNull(4);
            if (!upsert.run())
                return false;
        }
        return true;
    });
}

bool LocalStore::removeSite(const QString &siteId)
{
    return write([&] {
        SqliteStatement remove(*m_db, "DELETE FROM sites WHERE site_id = ?");
        return remove.bind(1, siteId).run();
    });
}

QList<CachedSite> LocalStore::loadSites()
{
    QList<CachedSite> sites;
    SqliteStatement select(*m_db, "SELECT site_id, info, snapshot, fetched_ms FROM sites ORDER BY site_id");
    while (select.next()) {
        const std::optional<QJsonObject> info = objectFrom(select.blob(1));
        const std::optional<QJsonObject> snapshot = objectFrom(select.blob(2));
        QString error;
        std::optional<SiteInfo> siteInfo = info ? SiteInfo::fromJson(*info, &error) : std::nullopt;
        std::optional<TopologySnapshot> topology = siteInfo && snapshot ? TopologySnapshot::fromJson(*snapshot, &error)
                                                                        : std::nullopt;
        if (!topology) {
            // One unreadable row must not hide the others; the agent refills it.
            qCWarning(lcStore) << "skipping the cached state of site" << select.text(0) << ":" << error;
            continue;
        }
        CachedSite site{std::move(*siteInfo), std::move(*topology), {}, {}};
        const QJsonArray operations = info->value(QStringLiteral("operations")).toArray();
        for (qsizetype i = 0; i < operations.size(); ++i) {
            if (std::optional<OperationSpec> operation = OperationSpec::fromJson(operations.at(i).toObject(), &error))
                site.operations.append(std::move(*operation));
        }
        if (!select.isNull(3))
            site.fetched = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        sites.append(std::move(site));
    }
    return sites;
}

bool LocalStore::appendMetricBuckets(const QList<MetricBucket> &buckets)
{
    if (buckets.isEmpty())
        return true;
    return write([&] {
        SqliteStatement upsert(*m_db, "INSERT OR REPLACE INTO metric_buckets (series, tier, start_ms, min, max, mean, "
                                      "count) VALUES (?, ?, ?, ?, ?, ?, ?)");
        for (const MetricBucket &b : buckets) {
            upsert.reset();
            upsert.bind(1, b.series)
                .bind(2, qint64(b.tier))
                .bind(3, b.startMs)
                .bind(4, b.minimum)
                .bind(5, b.maximum)
                .bind(6, b.mean)
                .bind(7, qint64(b.count));
            if (!upsert.run())
                return false;
        }
        return true;
    });
}

QList<MetricBucket> LocalStore::loadMetricBuckets(qint64 sinceMs)
{
    QList<MetricBucket> buckets;
    SqliteStatement select(*m_db, "SELECT series, tier, start_ms, min, max, mean, count FROM metric_buckets "
                                  "WHERE start_ms >= ? ORDER BY series, tier, start_ms");
    select.bind(1, sinceMs);
    while (select.next()) {
        buckets.append(MetricBucket{select.text(0), int(select.integer(1)), select.integer(2), select.real(3),
                                    select.real(4), select.real(5), int(select.integer(6))});
    }
    return buckets;
}

bool LocalStore::pruneMetricBuckets(qint64 olderThanMs, int tier)
{
    return write([&] {
        SqliteStatement remove(*m_db, "DELETE FROM metric_buckets WHERE start_ms < ? AND (? < 0 OR tier = ?)");
        return remove.bind(1, olderThanMs).bind(2, qint64(tier)).bind(3, qint64(tier)).run();
    });
}

// --- plans -------------------------------------------------------------------------------

bool LocalStore::savePlan(const PlanData &plan, int version)
{
    const QByteArray document = compact(PlanFormat::toJson(plan));
    return write([&] {
        SqliteStatement upsert(*m_db, "INSERT INTO plans (id, name, kind, state, version, document, updated_ms) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                                      "name = excluded.name, kind = excluded.kind, state = excluded.state, "
                                      "version = excluded.version, document = excluded.document, "
                                      "updated_ms = excluded.updated_ms");
        return upsert.bind(1, plan.metadata.id)
            .bind(2, plan.metadata.name)
            .bind(3, toString(plan.metadata.kind))
            .bind(4, toString(plan.metadata.state))
            .bind(5, qint64(version))
            .bind(6, document)
            .bind(7, nowMs())
            .run();
    });
}

std::optional<PlanData> LocalStore::loadPlan(const QString &planId)
{
    SqliteStatement select(*m_db, "SELECT state, document FROM plans WHERE id = ?");
    select.bind(1, planId);
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = objectFrom(select.blob(1));
    QString error;
    std::optional<PlanData> plan = json ? PlanFormat::fromJson(*json, &error) : std::nullopt;
    if (!plan) {
        qCWarning(lcStore) << "the cached plan" << planId
                           << "cannot be read:" << (json ? error : QStringLiteral("not JSON"));
        return std::nullopt;
    }
    plan->metadata.id = planId;
    plan->metadata.state = planStateFromString(select.text(0)).value_or(PlanState::Draft);
    return plan;
}

QList<PlanSummary> LocalStore::listPlans()
{
    QList<PlanSummary> plans;
    SqliteStatement select(*m_db, "SELECT id, name, kind, state, version, updated_ms FROM plans ORDER BY name, id");
    while (select.next()) {
        PlanSummary summary;
        summary.id = select.text(0);
        summary.name = select.text(1);
        summary.kind = planKindFromString(select.text(2)).value_or(PlanKind::DisasterRecovery);
        summary.state = planStateFromString(select.text(3)).value_or(PlanState::Draft);
        summary.version = int(select.integer(4));
        summary.updated = QDateTime::fromMSecsSinceEpoch(select.integer(5), Qt::UTC);
        plans.append(summary);
    }
    return plans;
}

bool LocalStore::deletePlan(const QString &planId)
{
    return write([&] {
        SqliteStatement versions(*m_db, "DELETE FROM plan_versions WHERE plan_id = ?");
        SqliteStatement plan(*m_db, "DELETE FROM plans WHERE id = ?");
        return versions.bind(1, planId).run() && plan.bind(1, planId).run();
    });
}

bool LocalStore::savePlanVersion(const QString &planId, const PlanVersion &version)
{
    const QByteArray document = compact(
        QJsonObject{{QStringLiteral("comment"), version.comment}, {QStringLiteral("snapshot"), version.snapshot}});
    return write([&] {
        SqliteStatement insert(*m_db, "INSERT INTO plan_versions (plan_id, version, document, author, created_ms) "
                                      "VALUES (?, ?, ?, ?, ?)");
        return insert.bind(1, planId)
            .bind(2, qint64(version.number))
            .bind(3, document)
            .bind(4, version.author)
            .bind(5, version.time.toMSecsSinceEpoch())
            .run();
    });
}

QList<PlanVersion> LocalStore::loadPlanVersions(const QString &planId)
{
    QList<PlanVersion> versions;
    SqliteStatement select(*m_db, "SELECT version, document, author, created_ms FROM plan_versions "
                                  "WHERE plan_id = ? ORDER BY version");
    select.bind(1, planId);
    while (select.next()) {
        const std::optional<QJsonObject> json = objectFrom(select.blob(1));
        if (!json) {
            qCWarning(lcStore) << "skipping unreadable version" << select.integer(0) << "of plan" << planId;
            continue;
        }
        PlanVersion version;
        version.number = int(select.integer(0));
        version.comment = json->value(QStringLiteral("comment")).toString();
        version.snapshot = json->value(QStringLiteral("snapshot")).toObject();
        version.author = select.text(2);
        version.time = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        versions.append(version);
    }
    return versions;
}

bool LocalStore::appendExecutionEvents(const QString &executionId, const QList<ExecutionEvent> &events,
                                       ExecutionState state, const QList<AuditEntry> &audit)
{
    return write([&] {
        for (const AuditEntry &entry : audit) {
            if (!insertAudit(entry))
                return false;
        }
        const QString stateName = toString(state);
        for (const ExecutionEvent &event : events) {
            if (event.kind == ExecutionEvent::Kind::Created) {
                const QJsonObject ticket = event.payload.value(QStringLiteral("ticket")).toObject();
                // plan_id refers to the plans table; a plan run from a file is not there.
                SqliteStatement insert(*m_db, "INSERT INTO executions (id, plan_id, plan_version, state, document, "
                                              "created_ms, updated_ms) VALUES (?, (SELECT id FROM plans WHERE id = ?), "
                                              "?, ?, ?, ?, ?)");
                if (!insert.bind(1, executionId)
                         .bind(2, ticket.value(QStringLiteral("planId")).toString())
                         .bind(3, qint64(ticket.value(QStringLiteral("planVersion")).toInt()))
                         .bind(4, stateName)
                         .bind(5, compact(ticket))
                         .bind(6, event.timeMs)
                         .bind(7, event.timeMs)
                         .run())
                    return false;
            }
            SqliteStatement insert(*m_db, "INSERT INTO execution_events (execution_id, seq, time_ms, kind, payload) "
                                          "VALUES (?, ?, ?, ?, ?)");
            if (!insert.bind(1, executionId)
                     .bind(2, event.seq)
                     .bind(3, event.timeMs)
                     .bind(4, ExecutionEvent::kindName(event.kind))
                     .bind(5, compact(event.payload))
                     .run())
                return false;
        }
        SqliteStatement update(*m_db, "UPDATE executions SET state = ?, updated_ms = ? WHERE id = ?");
        return update.bind(1, stateName)
                   .bind(2, events.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : events.last().timeMs)
                   .bind(3, executionId)
                   .run()
               && sqlite3_changes(m_db->handle()) == 1;
    });
}

QList<ExecutionEvent> LocalStore::loadExecutionEvents(const QString &executionId, QString *error)
{
    QList<ExecutionEvent> events;
    SqliteStatement select(*m_db, "SELECT seq, time_ms, kind, payload FROM execution_events "
                                  "WHERE execution_id = ? ORDER BY seq");
    select.bind(1, executionId);
    while (select.next()) {
        ExecutionEvent event;
        event.seq = select.integer(0);
        event.timeMs = select.integer(1);
        const std::optional<ExecutionEvent::Kind> kind = ExecutionEvent::kindFromName(select.text(2));
        const std::optional<QJsonObject> payload = objectFrom(select.blob(3));
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
        *error = tr("The journal of execution %1 cannot be read: %2").arg(executionId, m_db->lastError());
    return events;
}

QList<ExecutionSummary> LocalStore::listExecutions()
{
    QList<ExecutionSummary> list;
    SqliteStatement select(*m_db, "SELECT id, state, document, created_ms, updated_ms FROM executions "
                                  "ORDER BY created_ms DESC, id");
    while (select.next()) {
        ExecutionSummary summary;
        summary.id = select.text(0);
        summary.state = executionStateFromString(select.text(1)).value_or(ExecutionState::Failed);
        if (const std::optional<QJsonObject> json = objectFrom(select.blob(2))) {
            if (std::optional<ExecutionTicket> ticket = ExecutionTicket::fromJson(*json, nullptr))
                summary.ticket = *ticket;
        }
        summary.created = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        summary.updated = QDateTime::fromMSecsSinceEpoch(select.integer(4), Qt::UTC);
        list.append(summary);
    }
    return list;
}

bool LocalStore::appendAudit(const QString &user, const QString &action, const QJsonObject &details)
{
    return write([&] { return insertAudit({user, action, details}); });
}

bool LocalStore::insertAudit(const AuditEntry &entry)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString host = QSysInfo::machineHostName();
    const QString detailText = QString::fromUtf8(compact(entry.details));
    qint64 seq = 1;
    QString prevHash;
    {
        SqliteStatement last(*m_db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.next()) {
            seq = last.integer(0) + 1;
            prevHash = last.text(1);
        } else if (!last.ok()) {
            return false;
        }
    }
    const QString hash = auditHash(prevHash, auditRecord(seq, time, entry.user, host, entry.action, detailText));
    SqliteStatement insert(*m_db, "INSERT INTO audit_log (seq, time, user, host, action, details, prev_hash, hash) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    return insert.bind(1, seq)
        .bind(2, time)
        .bind(3, entry.user)
        .bind(4, host)
        .bind(5, entry.action)
        .bind(6, detailText)
        .bind(7, prevHash)
        .bind(8, hash)
        .run();
}

bool LocalStore::verifyAuditChain(qint64 *brokenSeq, qint64 *records)
{
    SqliteStatement select(*m_db, "SELECT seq, time, user, host, action, details, prev_hash, hash FROM audit_log "
                                  "ORDER BY seq");
    QString expectedPrev;
    if (records)
        *records = 0;
    while (select.next()) {
        if (records)
            ++*records;
        const qint64 seq = select.integer(0);
        const QString prevHash = select.text(6);
        const QString hash = auditHash(prevHash, auditRecord(seq, select.text(1), select.text(2), select.text(3),
                                                             select.text(4), select.text(5)));
        if (prevHash != expectedPrev || hash != select.text(7)) {
            if (brokenSeq)
                *brokenSeq = seq;
            return false;
        }
        expectedPrev = hash;
    }
    return select.ok();
}

} // namespace Haven
