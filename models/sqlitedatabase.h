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

    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_db != nullptr; }

    // Runs the migrations whose index is at or above PRAGMA user_version, each in a transaction.
    bool migrate(const QList<QByteArray> &migrations);

    bool exec(const QByteArray &sql);
    bool transaction(const std::function<bool()> &work);

    QString lastError() const { return m_lastError; }
    sqlite3 *handle() const { return m_db; }

private:
    friend class SqliteStatement;
    void setError(const QString &context);

    sqlite3 *m_db = nullptr;
    QString m_lastError;
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
