// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace Haven {

// A thin owner of one SQLite connection: WAL, foreign keys, a busy timeout and
// versioned migrations. Every call reports failure through lastError() instead of throwing.
class SqliteDatabase final
{
public:
    SqliteDatabase();
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    // Opens (creating) the file read-write with WAL. Fails if the file is corrupt
    // (PRAGMA quick_check, run before anything is written) or can only be read.
    bool open(const QString &path);
    // Opens an existing file without writing to it (to copy what it holds elsewhere).
    bool openReadOnly(const QString &path);
    bool openInMemory();
    void close();
    bool isOpen() const { return m_db != nullptr; }

    // Runs the migrations whose index is at or above PRAGMA user_version, each in a transaction.
    bool migrate(const QList<QByteArray> &migrations);

    bool exec(const QByteArray &sql);
    bool transaction(const std::function<bool()> &work);

    // PRAGMA user_version, or -1 when it cannot be read.
    int userVersion();
    // Copies the whole database into target (the SQLite online backup API).
    bool copyTo(SqliteDatabase &target);

    QString lastError() const { return m_lastError; }
    // The primary SQLite result code of the last failure (SQLITE_FULL, SQLITE_CORRUPT, ...).
    int lastErrorCode() const { return m_lastCode; }
    sqlite3 *handle() const { return m_db; }

private:
    friend class SqliteStatement;
    void setError(const QString &context);
    void setError(const QString &message, int code);
    bool openWith(const QString &path, int flags, bool configure);

    sqlite3 *m_db = nullptr;
    QString m_lastError;
    int m_lastCode = 0;
};

class SqliteStatement final
{
public:
    SqliteStatement(SqliteDatabase &db, const QByteArray &sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    SqliteStatement &bind(int index, const QString &value);
    SqliteStatement &bind(int index, const QByteArray &value);
    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, double value);
    SqliteStatement &bindNull(int index);

    // Returns true while a row is available. Check ok() after the last step.
    bool next();
    // Steps a statement that returns no rows; true on success.
    bool run();
    bool ok() const { return m_ok; }
    void reset();

    QString text(int column) const;
    QByteArray blob(int column) const;
    qint64 integer(int column) const;
    double real(int column) const;
    bool isNull(int column) const;

private:
    SqliteDatabase &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = true;
};

} // namespace Haven
