// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricarchive.h"

#include "models/store/metrichistory.h"
#include "models/store/metricstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <atomic>

namespace Haven {

MetricArchive::MetricArchive(QObject *parent)
    : MetricArchive(Settings{}, parent)
{ }

MetricArchive::MetricArchive(const Settings &settings, QObject *parent)
    : TrendSource(parent)
    , m_settings(settings)
    , m_thread(std::make_unique<QThread>())
    , m_store(std::make_shared<MetricStore>())
    , m_writeNs(std::make_shared<std::atomic<qint64>>(0))
    , m_handOverTimer(new QTimer(this))
{
    m_thread->setObjectName(QStringLiteral("metric-history"));
    m_worker = new QObject;
    m_worker->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start(QThread::LowPriority);

    // The worker's timers are made on its thread; they die with the worker.
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, store = m_store, writeNs = m_writeNs, settings] {
        auto *flush = new QTimer(worker);
        flush->setInterval(settings.flushMs);
        QObject::connect(flush, &QTimer::timeout, worker, [store, writeNs] {
            QElapsedTimer timer;
            timer.start();
            store->flush();
            *writeNs += timer.nsecsElapsed();
        });
        flush->start();
        auto *prune = new QTimer(worker);
        prune->setInterval(settings.pruneMs);
        QObject::connect(prune, &QTimer::timeout, worker,
                         [store] { store->prune(QDateTime::currentMSecsSinceEpoch()); });
        prune->start();
    });

    m_handOverTimer->setInterval(m_settings.handOverMs);
    connect(m_handOverTimer, &QTimer::timeout, this, &MetricArchive::handOver);
}

MetricArchive::~MetricArchive()
{
    handOver();
    QMetaObject::invokeMethod(
        m_worker, [store = m_store] { store->flush(true); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void MetricArchive::open(const QString &path)
{
    QPointer<MetricArchive> self(this);
    QMetaObject::invokeMethod(m_worker, [self, store = m_store, path] {
        const bool persistent = store->open(path) && !path.isEmpty();
        const QString problem = path.isEmpty() ? QString() : store->lastError();
        QMetaObject::invokeMethod(self, [self, persistent, problem] {
            if (self)
                Q_EMIT self->opened(persistent, problem);
        });
        store->prune(QDateTime::currentMSecsSinceEpoch());
    });
}

void MetricArchive::record(MetricPoll poll)
{
    if (poll.samples.isEmpty())
        return;
    m_pending.append(std::move(poll));
    if (!m_handOverTimer->isActive())
        m_handOverTimer->start();
}

void MetricArchive::handOver()
{
    m_handOverTimer->stop();
    if (m_pending.isEmpty())
        return;
    QMetaObject::invokeMethod(m_worker, [store = m_store, writeNs = m_writeNs, polls = std::exchange(m_pending, {})] {
        QElapsedTimer timer;
        timer.start();
        for (const MetricPoll &poll : polls)
            store->add(poll);
        *writeNs += timer.nsecsElapsed();
    });
}

quint64 MetricArchive::requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs)
{
    const quint64 id = m_nextRequest++;
    QPointer<MetricArchive> self(this);
    QMetaObject::invokeMethod(m_worker, [self, store = m_store, id, series, fromMs, toMs] {
        TrendResult result = store->loadTrend(series, fromMs, toMs, QDateTime::currentMSecsSinceEpoch());
        QMetaObject::invokeMethod(self, [self, id, result = std::move(result)] {
            if (self)
                Q_EMIT self->trendLoaded(id, result);
        });
    });
    return id;
}

void MetricArchive::restoreInto(MetricHistory &history, qint64 sinceMs)
{
    QPointer<MetricArchive> self(this);
    QMetaObject::invokeMethod(m_worker, [self, store = m_store, sinceMs, history = &history] {
        // Sites follow one another in recentPolls(): each site is one event on the GUI thread.
        const QList<MetricPoll> polls = store->recentPolls(sinceMs);
        QList<QList<MetricPoll>> sites;
        for (const MetricPoll &poll : polls) {
            if (sites.isEmpty() || sites.last().constFirst().siteId != poll.siteId)
                sites.append(QList<MetricPoll>());
            sites.last().append(poll);
        }
        auto total = std::make_shared<int>(0);
        for (QList<MetricPoll> &site : sites) {
            QMetaObject::invokeMethod(self, [self, history, total, site = std::move(site)] {
                if (self)
                    *total += history->restore(site);
            });
        }
        QMetaObject::invokeMethod(self, [self, total] {
            if (self)
                Q_EMIT self->restored(*total);
        });
    });
}

bool MetricArchive::sync()
{
    handOver();
    bool ok = false;
    QMetaObject::invokeMethod(
        m_worker,
        [store = m_store, writeNs = m_writeNs, &ok] {
        QElapsedTimer timer;
        timer.start();
        ok = store->flush();
        *writeNs += timer.nsecsElapsed();
        },
        Qt::BlockingQueuedConnection);
    return ok;
}

qint64 MetricArchive::writeNanoseconds() const
{
    return *m_writeNs;
}

qint64 MetricArchive::fileBytes()
{
    qint64 bytes = 0;
    QMetaObject::invokeMethod(
        m_worker, [store = m_store, &bytes] { bytes = store->fileBytes(); }, Qt::BlockingQueuedConnection);
    return bytes;
}

} // namespace Haven
