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
    m_lastError = m_db ? context + QStringLiteral(": ") + QString::fromUtf8(sqlite3_errmsg(m_db)) : context;
}

bool SqliteDatabase::open(const QString &path)
{
    close();
    m_lastError.clear();
    QDir().mkpath(QFileInfo(path).absolutePath());
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
    if (sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr) != SQLITE_OK) {
        setError(QStringLiteral("cannot open %1").arg(path));
        close();
        return false;
    }
    sqlite3_busy_timeout(m_db, 5000);
    // quick_check reads every page: a corrupt file is found here, not halfway through a write.
    if (!exec("PRAGMA journal_mode=WAL") || !exec("PRAGMA synchronous=NORMAL") || !exec("PRAGMA foreign_keys=ON")) {
        const QString error = m_lastError;
        close();
        m_lastError = error;
        return false;
    }
    SqliteStatement check(*this, "PRAGMA quick_check");
    if (!check.next() || check.text(0) != QLatin1StringView("ok")) {
        const QString error = m_lastError.isEmpty() ? QStringLiteral("%1 is corrupt").arg(path) : m_lastError;
        close();
        m_lastError = error;
        return false;
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
        m_lastError = QStringLiteral("database is not open");
        return false;
    }
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        m_lastError = QString::fromUtf8(message ? message : sqlite3_errmsg(m_db));
        sqlite3_free(message);
        return false;
    }
    return true;
}

bool SqliteDatabase::transaction(const std::function<bool()> &work)
{
    if (!exec("BEGIN IMMEDIATE"))
        return false;
    if (!work()) {
        const QString error = m_lastError;
        exec("ROLLBACK");
        m_lastError = error;
        return false;
    }
    if (!exec("COMMIT")) {
        const QString error = m_lastError;
        exec("ROLLBACK");
        m_lastError = error;
        return false;
    }
    return true;
}

bool SqliteDatabase::migrate(const QList<QByteArray> &migrations)
{
    SqliteStatement version(*this, "PRAGMA user_version");
    if (!version.next())
        return false;
    const qint64 current = version.integer(0);
    if (current > migrations.size()) {
        m_lastError = QStringLiteral("the database has schema version %1, newer than this program knows (%2)")
                          .arg(current)
                          .arg(migrations.size());
        return false;
    }
    for (qsizetype i = current; i < migrations.size(); ++i) {
        const bool ok = transaction([&] {
            return exec(migrations.at(i)) && exec("PRAGMA user_version=" + QByteArray::number(i + 1));
        });
        if (!ok) {
            m_lastError = QStringLiteral("migration %1 failed: %2").arg(i + 1).arg(m_lastError);
            return false;
        }
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
