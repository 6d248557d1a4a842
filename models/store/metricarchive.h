// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/trendsource.h"

#include <QList>

#include <memory>

class QThread;
class QTimer;

namespace Haven {

class MetricHistory;
class MetricStore;

// The console's own metric history on disk, run off the GUI thread: a MetricStore on a worker
// thread with its own SQLite connection. Polls are batched here and handed over once a second;
// the worker writes them once a minute in one transaction, prunes once an hour and answers
// trend requests. Nothing here ever waits on the worker, except sync() and the destructor.
class MetricArchive final : public TrendSource
{
    Q_OBJECT
public:
    struct Settings
    {
        int handOverMs = 1'000;  // how long polls wait here before they go to the worker
        int flushMs = 60'000;    // how long samples wait on the worker before a write
        int pruneMs = 3'600'000; // how often old blocks are deleted
    };

    explicit MetricArchive(QObject *parent = nullptr);
    MetricArchive(const Settings &settings, QObject *parent = nullptr);
    // Writes what is pending, buckets still filling included, then stops the worker.
    ~MetricArchive() override;

    // Opens the store file on the worker; an empty path keeps the history in memory.
    // opened() follows.
    void open(const QString &path);

    // Keeps one poll; cheap: it only joins the next hand-over.
    void record(MetricPoll poll);

    quint64 requestTrend(const QStringList &series, qint64 fromMs, qint64 toMs) override;

    // Reads the raw samples since sinceMs on the worker, then gives them to history on this
    // thread a site at a time (each its own event, so the GUI keeps drawing); restored() follows.
    void restoreInto(MetricHistory &history, qint64 sinceMs);

    // Blocks until everything recorded so far is written: shut-down, tests and benches only.
    bool sync();
    // How long the worker spent writing, in total (for the benches).
    qint64 writeNanoseconds() const;
    // The store's file size (blocks until the worker answers; for the benches and tests).
    qint64 fileBytes();

Q_SIGNALS:
    // persistent false: the file could not be used and problem says why; history is kept in
    // memory until the console restarts.
    void opened(bool persistent, const QString &problem);
    void restored(int samples);

private:
    void handOver();

    Settings m_settings;
    std::unique_ptr<QThread> m_thread;
    QObject *m_worker = nullptr; // lives on m_thread; owns the store and its timers
    std::shared_ptr<MetricStore> m_store;
    std::shared_ptr<std::atomic<qint64>> m_writeNs;
    QTimer *m_handOverTimer = nullptr;
    QList<MetricPoll> m_pending;
    quint64 m_nextRequest = 1;
};

} // namespace Haven
