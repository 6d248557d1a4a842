// SPDX-License-Identifier: GPL-3.0-or-later
#include "storeworker.h"

#include "localstore.h"

#include <QSemaphore>
#include <QThread>

namespace Haven {

// The worker thread's side: its connection, touched only on that thread.
class StoreWorker::Context final : public QObject
{
public:
    SqliteDatabase db;
};

StoreWorker::StoreWorker(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread)
    , m_context(new Context)
{
    m_thread->setObjectName(QStringLiteral("haven-store"));
    m_context->moveToThread(m_thread);
    m_thread->start(QThread::LowPriority);
}

StoreWorker::~StoreWorker()
{
    finish();
}

void StoreWorker::open(const QString &path)
{
    m_path = path;
    QPointer<StoreWorker> self(this);
    post([self, path](SqliteDatabase &db) {
        db.close();
        if (db.open(path))
            return;
        const QString message = tr("Haven cannot open its local database %1 a second time to save the sites' state "
                                   "in the background (%2). The state is kept in memory and saved on the GUI thread "
                                   "instead; check the file if this persists.")
                                    .arg(path, db.lastError());
        qCWarning(lcStore).noquote() << message;
        QMetaObject::invokeMethod(
            self.data(),
            [self, message] {
            if (self)
                Q_EMIT self->failed(message);
            },
            Qt::QueuedConnection);
    });
}

void StoreWorker::post(std::function<void(SqliteDatabase &)> job)
{
    if (!m_context)
        return;
    Context *context = m_context;
    QMetaObject::invokeMethod(
        context, [context, job = std::move(job)] { job(context->db); }, Qt::QueuedConnection);
}

void StoreWorker::waitForIdle()
{
    if (!m_context)
        return;
    QSemaphore done;
    post([&done](SqliteDatabase &) { done.release(); });
    done.acquire();
}

void StoreWorker::finish()
{
    if (!m_thread)
        return;
    // Queued after every job, so they all run before the thread ends.
    Context *context = std::exchange(m_context, nullptr);
    QThread *thread = m_thread;
    QMetaObject::invokeMethod(
        context,
        [context, thread] {
        delete context; // closes the connection on its own thread
        thread->quit();
        },
        Qt::QueuedConnection);
    thread->wait();
    delete std::exchange(m_thread, nullptr);
}

} // namespace Haven
