// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/environment/environment.h"
#include "models/topology/fleettopology.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>

class QTimer;

namespace Haven {

class CurlEngine;
class LocalStore;
class MetricArchive;
class MetricHistory;
class SitePoller;
class StoreWorker;

// Keeps every site's topology current through its agent's change feed, tracks whether each
// agent answers (online / slow / unreachable) and since when, persists what it learns to the
// local cache and records metric history. Sites that do not answer keep their last state.
class FleetMonitor final : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        int slowThresholdMs = 2000; // an answer slower than this marks the site slow
        bool longPoll = true;       // wait for changes on the agent instead of asking repeatedly
        int cacheWriteIntervalMs = 10'000;
    };

    FleetMonitor(CurlEngine &engine, FleetTopology &topology, QObject *parent = nullptr);
    ~FleetMonitor() override;

    void setSettings(const Settings &settings) { m_settings = settings; }
    const Settings &settings() const { return m_settings; }
    void setStore(LocalStore *store) { m_store = store; }
    void setHistory(MetricHistory *history) { m_history = history; }
    // Where polls go to be written off the GUI thread (optional).
    void setArchive(MetricArchive *archive) { m_archive = archive; }

    // Shows what the cache holds for the environment's sites, marked as cached.
    int loadCache();
    // (Re)creates one poller per enabled site; tokens come from the SecretStore.
    void setEnvironment(const Environment &environment, const QHash<QString, QByteArray> &tokens);
    void start();
    void stop();
    bool isRunning() const { return m_running; }

    // One pass over every site without long-poll: identity, topology or changes. done runs
    // once every site answered or failed. For `haven --headless status` and benchmarks.
    void refreshOnce(std::function<void()> done);

    // Writes the sites that changed since the last write. With a store on file the write runs
    // on a worker thread with its own connection; the GUI thread only collects the sites.
    enum class CacheWrite { Changed, All };
    void writeCache(CacheWrite what = CacheWrite::Changed);
    // Blocks until the writes queued so far are on disk (tests, benchmarks, before reading the
    // file with another connection).
    void waitForCacheWrites();
    int pollerCount() const { return int(m_pollers.size()); }

Q_SIGNALS:
    void reachabilityChanged(const QString &siteId, Haven::Reachability reachability);
    // A background cache write failed; the sites stay marked and are written again next time.
    void cacheWriteFailed(const QString &message);
    void cacheWritten(int sites); // a write reached the store

private:
    friend class SitePoller;
    void recordMetrics(const QString &siteId, const QList<Component> &components, const QList<ReplicationLink> &links);
    void markDirty(const QString &siteId) { m_dirty.insert(siteId); }
    StoreWorker *cacheWorker();

    CurlEngine &m_engine;
    FleetTopology &m_topology;
    LocalStore *m_store = nullptr;
    MetricHistory *m_history = nullptr;
    MetricArchive *m_archive = nullptr;
    Settings m_settings;
    QList<SitePoller *> m_pollers;
    QSet<QString> m_dirty;
    QTimer *m_cacheTimer;
    StoreWorker *m_cacheWorker = nullptr; // created with the first write to a file
    bool m_cacheWorkerFailed = false;     // its connection did not open: write on this thread
    bool m_running = false;
};

} // namespace Haven
