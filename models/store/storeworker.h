// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/sqlitedatabase.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace Haven {

// Slow store work off the GUI thread: one thread with its own SQLite connection to the local
// database file, running jobs in the order they were queued. Results come back as a call on the
// receiver's thread (queued), and only while the receiver lives. Destroying the worker (or
// finish()) runs every job already queued first, so a write queued at shutdown is not lost.
class StoreWorker final : public QObject
{
    Q_OBJECT
public:
    explicit StoreWorker(QObject *parent = nullptr);
    ~StoreWorker() override;

    // Opens path on the worker's thread (WAL lets the GUI thread's connection go on reading and
    // writing). Jobs queued after a failed open get an unopened database and should report that;
    // error() says why, and failed() is emitted once with the same words.
    void open(const QString &path);
    QString path() const { return m_path; }

    // Runs work(db) on the worker thread, then done(result) on receiver's thread.
    template<typename Result>
    void run(std::function<Result(SqliteDatabase &)> work, QObject *receiver, std::function<void(Result)> done)
    {
        post([work = std::move(work), receiver = QPointer<QObject>(receiver),
              done = std::move(done)](SqliteDatabase &db) mutable {
            auto result = std::make_shared<Result>(work(db));
            if (receiver && done)
                QMetaObject::invokeMethod(
                    receiver.data(),
                    [receiver, done, result] {
                    if (receiver)
                        done(std::move(*result));
                    },
                    Qt::QueuedConnection);
        });
    }
    // The same without a result.
    void run(std::function<void(SqliteDatabase &)> work) { post(std::move(work)); }

    // Blocks until every job queued so far has run (results may still be on their way).
    void waitForIdle();
    // Runs what is queued, closes the connection and ends the thread. Idempotent.
    void finish();

Q_SIGNALS:
    void failed(const QString &message); // the worker's connection cannot be opened

private:
    void post(std::function<void(SqliteDatabase &)> job);

    class Context;
    QThread *m_thread = nullptr;
    Context *m_context = nullptr; // lives on m_thread
    QString m_path;
};

} // namespace Haven
