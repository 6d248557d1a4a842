// SPDX-License-Identifier: GPL-3.0-or-later
#include "localstore.h"

#include "models/drills/drillrepository.h"
#include "models/environment/environmentrepository.h"
#include "models/executions/executionjournal.h"
#include "models/inspections/inspectionrepository.h"
#include "models/inspections/notificationrepository.h"
#include "models/plans/planrepository.h"
#include "models/topology/topologycache.h"
#include "storedjson.h"

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
    // Before the split into features, versions 1 and 2 created every table; a file at version 2
    // keeps them, and each feature's first migration adopts its own (CREATE TABLE IF NOT EXISTS).
    static const QList<QByteArray> list = {
        "-- 1: the cache tables, now created by the topology and environment features",
        "-- 2: plans, the execution journal and the audit log, now created by their features",
        // 3: the audit chain stays with the store; each feature counts its own migrations.
        R"(CREATE TABLE IF NOT EXISTS audit_log (
               seq INTEGER PRIMARY KEY,
               time TEXT NOT NULL,
               user TEXT NOT NULL,
               host TEXT NOT NULL,
               action TEXT NOT NULL,
               details TEXT NOT NULL,
               prev_hash TEXT NOT NULL,
               hash TEXT NOT NULL);
           CREATE TABLE schema_versions (
               feature TEXT PRIMARY KEY,
               version INTEGER NOT NULL);)",
    };
    return list;
}

const QList<FeatureSchema> &LocalStore::features()
{
    static const QList<FeatureSchema> list = {EnvironmentRepository::schema(), TopologyCache::schema(),
                                              PlanRepository::schema(),        ExecutionJournal::schema(),
                                              DrillRepository::schema(),       InspectionRepository::schema(),
                                              NotificationRepository::schema()};
    return list;
}

namespace {

// -1 when the database has no schema_versions table yet (written before the split).
int featureVersion(SqliteDatabase &db, const QString &feature)
{
    SqliteStatement select(db, "SELECT version FROM schema_versions WHERE feature = ?");
    if (!select.isValid())
        return -1;
    select.bind(1, feature);
    return select.next() ? int(select.integer(0)) : 0;
}

} // namespace

bool LocalStore::migrate(SqliteDatabase &db)
{
    if (!db.migrate(migrations()))
        return false;
    for (const FeatureSchema &schema : features()) {
        const int current = featureVersion(db, schema.feature);
        if (current < 0 || current > schema.migrations.size())
            return false;
        for (qsizetype i = current; i < schema.migrations.size(); ++i) {
            const bool ok = db.transaction([&] {
                SqliteStatement record(db, "INSERT OR REPLACE INTO schema_versions (feature, version) VALUES (?, ?)");
                return db.exec(schema.migrations.at(i)) && record.bind(1, schema.feature).bind(2, qint64(i + 1)).run();
            });
            if (!ok) {
                qCWarning(lcStore) << "migration" << i + 1 << "of" << schema.feature << "failed:" << db.lastError();
                return false;
            }
        }
    }
    return true;
}

QString LocalStore::newerSchema(SqliteDatabase &db)
{
    const int version = db.userVersion();
    if (version > schemaVersion())
        return tr("schema version %1; this Haven knows up to %2").arg(version).arg(schemaVersion());
    if (version < schemaVersion())
        return {}; // written before schema_versions existed
    QStringList newer;
    for (const FeatureSchema &schema : features()) {
        const int current = featureVersion(db, schema.feature);
        if (current > schema.migrations.size())
            newer.append(tr("%1 at version %2; this Haven knows up to %3")
                             .arg(schema.feature)
                             .arg(current)
                             .arg(schema.migrations.size()));
    }
    return newer.join(QStringLiteral("; "));
}

LocalStore::LocalStore()
    : m_db(std::make_unique<SqliteDatabase>())
    , m_plans(std::make_unique<PlanRepository>(*this))
    , m_journal(std::make_unique<ExecutionJournal>(*this))
    , m_topologyCache(std::make_unique<TopologyCache>(*this))
    , m_environment(std::make_unique<EnvironmentRepository>(*this))
    , m_drills(std::make_unique<DrillRepository>(*this))
{
    m_db->openInMemory();
    migrate(*m_db);
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
        const QString newer = newerSchema(*file);
        if (!newer.isEmpty()) {
            file.reset();
            fallBackToMemory(tr("The local database %1 was written by a newer Haven (%2), so this Haven leaves it "
                                "untouched.")
                                 .arg(path, newer),
                             tr("Use the newer Haven, or move the file away to start a new database."), false);
            return m_status;
        }
        if (m_pageLimit > 0)
            file->exec("PRAGMA max_page_count=" + QByteArray::number(m_pageLimit));
        if (migrate(*file)) {
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
            if (fresh->open(path) && migrate(*fresh)) {
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
            copied = source.openReadOnly(m_status.path) && newerSchema(source).isEmpty() && source.copyTo(*memory);
        }
        if (!copied) {
            memory->openInMemory(); // a half-done copy is not something to build on
        }
    }
    if (!migrate(*memory)) {
        qCWarning(lcStore) << "cannot migrate the in-memory copy:" << memory->lastError();
        copied = false;
        memory->openInMemory();
        migrate(*memory);
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

bool LocalStore::appendAudit(const QString &user, const QString &action, const QJsonObject &details)
{
    return write([&] { return insertAudit({user, action, details}); });
}

bool LocalStore::insertAudit(const AuditEntry &entry)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    const QString host = QSysInfo::machineHostName();
    const QString detailText = QString::fromUtf8(StoredJson::compact(entry.details));
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

QList<AuditRecord> LocalStore::auditRecords(qint64 sinceSeq)
{
    QList<AuditRecord> list;
    SqliteStatement select(*m_db, "SELECT seq, time, user, host, action, details FROM audit_log WHERE seq > ? "
                                  "ORDER BY seq");
    select.bind(1, sinceSeq);
    while (select.next()) {
        list.append({select.integer(0), QDateTime::fromString(select.text(1), Qt::ISODateWithMs), select.text(2),
                     select.text(3), select.text(4), StoredJson::object(select.blob(5)).value_or(QJsonObject())});
    }
    return list;
}

} // namespace Haven
