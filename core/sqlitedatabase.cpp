// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitedatabase.h"

#include <QDir>
#include <QFileInfo>

#include <sqlite3.h>

namespace Haven {

SqliteDatabase::SqliteDatabase() = default;

SqliteDatabase::~SqliteDatabase()
{
    close();
}

void SqliteDatabase::setError(const QString &context)
{
    if (!m_db) {
        setError(context, SQLITE_ERROR);
        return;
    }
    setError(context + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_db)), sqlite3_errcode(m_db) & 0xff);
}

void SqliteDatabase::setError(const QString &message, int code)
{
    m_lastError = message;
    m_lastCode = code;
}

bool SqliteDatabase::open(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    return openWith(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, true);
}

bool SqliteDatabase::openReadOnly(const QString &path)
{
    return openWith(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, false);
}

bool SqliteDatabase::openInMemory()
{
    return openWith(QStringLiteral(":memory:"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                    true);
}

bool SqliteDatabase::openWith(const QString &path, int flags, bool configure)
{
    close();
    setError(QString(), SQLITE_OK);
    const auto fail = [this] {
        const QString error = m_lastError;
        const int code = m_lastCode;
        close();
        setError(error, code);
        return false;
    };
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        setError(QStringLiteral("cannot open %1").arg(path));
        return fail();
    }
    sqlite3_busy_timeout(m_db, 5000);
    if (!configure)
        return true;
    // quick_check reads every page before anything is written: a corrupt file is found here,
    // not halfway through a write, and is left exactly as it was.
    {
        SqliteStatement check(*this, "PRAGMA quick_check");
        if (!check.next() || check.text(0) != QLatin1StringView("ok")) {
            if (m_lastError.isEmpty() || m_lastCode == SQLITE_OK) {
                // The report lists every damaged page; the first one says enough.
                const QStringList problems = check.text(0).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                QString first;
                qsizetype count = 0;
                for (const QString &line : problems) {
                    if (line.startsWith(QLatin1StringView("***")))
                        continue;
                    if (count++ == 0)
                        first = line;
                }
                setError(QStringLiteral("%1 is corrupt (quick_check: %2, %3 problems)").arg(path, first).arg(count),
                         SQLITE_CORRUPT);
            }
            return fail();
        }
    }
    if (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=NORMAL") || !exec("PRAGMA foreign_keys=ON"))
        return fail();
    // SQLite silently opens a file it may not write read-only; a writer must know now.
    if (sqlite3_db_readonly(m_db, "main") == 1) {
        setError(QStringLiteral("%1 can only be read").arg(path), SQLITE_READONLY);
        return fail();
    }
    return true;
}

void SqliteDatabase::close()
{
    if (m_db) {
        sqlite3_close_v2(m_db);
        m_db = nullptr;
    }
}

bool SqliteDatabase::exec(const QByteArray &sql)
{
    if (!m_db) {
        setError(QStringLiteral("database is not open"), SQLITE_MISUSE);
        return false;
    }
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        setError(QString::fromUtf8(message ? message : sqlite3_errmsg(m_db)), rc & 0xff);
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqliteDatabase::transaction(const std::function<bool()> &work)
{
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    const auto rollBack = [this] {
        const QString error = m_lastError;
        const int code = m_lastCode;
        exec("ROLLBACK");
        setError(error, code);
        return false;
    };
    if (!work())
        return rollBack();
    if (!exec("COMMIT"))
        return rollBack();
    return true;
}

bool SqliteDatabase::migrate(const QList<QByteArray> &migrations)
{
    SqliteStatement version(*this, "PRAGMA user_version");
    if (!version.next())
        return false;
    const qint64 current = version.integer(0);
    if (current > migrations.size()) {
        setError(QStringLiteral("the database has schema version %1, newer than this program knows (%2)")
                     .arg(current)
                     .arg(migrations.size()),
                 SQLITE_ERROR);
        return false;
    }
    for (qsizetype i = current; i < migrations.size(); ++i) {
        const bool ok = transaction(
            [&] { return exec(migrations.at(i)) && exec("PRAGMA user_version=" + QByteArray::number(i + 1)); });
        if (!ok) {
            setError(QStringLiteral("migration %1 failed: %2").arg(i + 1).arg(m_lastError), m_lastCode);
            return false;
        }
    }
    return true;
}

int SqliteDatabase::userVersion()
{
    SqliteStatement version(*this, "PRAGMA user_version");
    return version.next() ? int(version.integer(0)) : -1;
}

bool SqliteDatabase::copyTo(SqliteDatabase &target)
{
    if (!m_db || !target.m_db) {
        setError(QStringLiteral("database is not open"), SQLITE_MISUSE);
        return false;
    }
    sqlite3_backup *backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!backup) {
        setError(QStringLiteral("cannot copy the database: ") + QString::fromUtf8(sqlite3_errmsg(target.m_db)),
                 sqlite3_errcode(target.m_db) & 0xff);
        return false;
    }
    const int step = sqlite3_backup_step(backup, -1);
    const int finish = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE || finish != SQLITE_OK) {
        const int rc = step != SQLITE_DONE ? step : finish;
        setError(QStringLiteral("cannot copy the database: ") + QString::fromUtf8(sqlite3_errstr(rc)), rc & 0xff);
        return false;
    }
    return true;
}

SqliteStatement::SqliteStatement(SqliteDatabase &db, const QByteArray &sql)
    : m_db(db)
{
    if (!db.m_db || sqlite3_prepare_v2(db.m_db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
        db.setError(QStringLiteral("cannot prepare statement"));
        m_stmt = nullptr;
        m_ok = false;
    }
}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_stmt);
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    return bind(index, value.toUtf8());
}

SqliteStatement &SqliteStatement::bind(int index, const QByteArray &value)
{
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, double value)
{
    if (m_stmt)
        sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bindNull(int index)
{
    if (m_stmt)
        sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool SqliteStatement::next()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE) {
        m_ok = false;
        m_db.setError(QStringLiteral("statement failed"));
    }
    return false;
}

bool SqliteStatement::run()
{
    next();
    return m_ok;
}

void SqliteStatement::reset()
{
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_ok = m_stmt != nullptr;
}

QString SqliteStatement::text(int column) const
{
    return QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column)),
                             sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    return QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                      sqlite3_column_bytes(m_stmt, column));
}

qint64 SqliteStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double SqliteStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

} // namespace Haven
