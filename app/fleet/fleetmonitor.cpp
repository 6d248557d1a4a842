// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetmonitor.h"

#include "app/agents/agentclient.h"
#include "app/agents/curlengine.h"
#include "models/store/localstore.h"
#include "models/store/metricarchive.h"
#include "models/store/metrichistory.h"
#include "models/store/storeworker.h"
#include "models/topology/topologycache.h"

#include <QTimer>

#include <algorithm>

namespace Haven {

namespace {

const QStringList recordedMetrics = {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("qps"),
                                     QStringLiteral("latencyMs"), QStringLiteral("capacity")};

} // namespace

// Follows one site: who it is, its whole topology, then its changes, paced to the site's
// refresh interval. Any failure marks the site unreachable and starts over after an interval.
class SitePoller final : public QObject
{
public:
    SitePoller(FleetMonitor &monitor, const SiteEndpoint &endpoint, const QByteArray &token)
        : QObject(&monitor)
        , m_monitor(monitor)
        , m_intervalMs(std::clamp(endpoint.refreshSeconds, 1, 3600) * 1000)
        , m_timer(new QTimer(this))
    {
        AgentConnection connection = AgentConnection::forSite(endpoint, token);
        // The long-poll waits half an interval and may overrun it by a quarter (at least 1 s):
        // with the pacing of one request per interval, a site that stops answering shows as
        // unreachable within two refresh intervals.
        connection.connectTimeoutMs = std::clamp(m_intervalMs / 2, 1000, 5000);
        connection.requestTimeoutMs = std::clamp(m_intervalMs, 2000, 15'000);
        connection.longPollMarginMs = std::max(1000, m_intervalMs / 4);
        m_client = new AgentClient(monitor.m_engine, connection, this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &SitePoller::step);
    }

    const QString &siteId() const { return m_client->connection().siteId; }

    void start()
    {
        m_stopped = false;
        step();
    }

    void stop()
    {
        m_stopped = true;
        m_timer->stop();
        m_client->cancelAll();
    }

    // One request of whatever the site needs next, without waiting on the agent.
    void refreshOnce(std::function<void()> done)
    {
        m_onceDone = std::move(done);
        m_once = true;
        step();
    }

private:
    enum class Phase { Identify, Snapshot, Follow };

    void step()
    {
        m_started.start();
        switch (m_phase) {
        case Phase::Identify:
            m_client->fetchSite([this](std::optional<SiteInfo> info, const AgentError &error) {
                if (!info)
                    return failed(error);
                topology().setSiteInfo(siteId(), *info);
                m_monitor.markDirty(siteId());
                answered(false);
                // The catalog changes only with the agent: ask once per (re)connection.
                m_client->fetchOperations([this](std::optional<QList<OperationSpec>> operations, const AgentError &) {
                    if (operations) {
                        topology().setOperations(siteId(), *operations);
                        m_monitor.markDirty(siteId());
                    }
                    m_phase = Phase::Snapshot;
                    if (m_once)
                        return step(); // headless: go straight on to the topology
                    schedule(0);
                });
            });
            return;
        case Phase::Snapshot:
            m_client->fetchTopology([this](std::optional<TopologySnapshot> snapshot, const AgentError &error) {
                if (!snapshot)
                    return failed(error);
                topology().applySnapshot(siteId(), *snapshot, QDateTime::currentDateTimeUtc(), false);
                m_monitor.recordMetrics(siteId(), snapshot->components, snapshot->replication);
                m_monitor.markDirty(siteId());
                answered(false);
                m_phase = Phase::Follow;
                finishRound(m_intervalMs);
            });
            return;
        case Phase::Follow: {
            const SiteState *state = topology().site(siteId());
            const int waitSeconds = m_monitor.settings().longPoll && !m_once ? std::max(1, m_intervalMs / 2000) : 0;
            m_client->fetchChanges(state->revision, state->epoch, waitSeconds,
                                   [this, waitSeconds](std::optional<TopologyChanges> changes, const AgentError &error) {
                if (!changes)
                    return failed(error);
                if (!changes->isEmpty() || changes->revision != topology().site(siteId())->revision) {
                    if (!topology().applyChanges(siteId(), *changes, QDateTime::currentDateTimeUtc())) {
                        m_phase = Phase::Snapshot; // a gap: take the whole picture again
                        answered(false);
                        return finishRound(0);
                    }
                    m_monitor.recordMetrics(siteId(), changes->components, changes->replication);
                    m_monitor.markDirty(siteId());
                } else {
                    // Nothing new: the data we hold is current as of now.
                    topology().applyChanges(siteId(), *changes, QDateTime::currentDateTimeUtc());
                }
                answered(waitSeconds > 0, waitSeconds);
                // At most one request per interval: a busy site cannot flood the console.
                finishRound(std::max<qint64>(0, m_intervalMs - m_started.elapsed()));
            });
            return;
        }
        }
    }

    void answered(bool longPoll, int waitSeconds = 0)
    {
        // A long-poll that came back early had news; one that took its whole wait is only
        // slow if it overran the wait.
        const qint64 elapsed = m_started.elapsed() - (longPoll ? qint64(waitSeconds) * 1000 : 0);
        const Reachability reachability = elapsed > m_monitor.settings().slowThresholdMs ? Reachability::Slow
                                                                                         : Reachability::Online;
        setReachability(reachability, {});
    }

    void failed(const AgentError &error)
    {
        // The name the agent gave when it last answered reads better than the configured id.
        const SiteState *site = topology().site(siteId());
        const QString name = site ? site->displayName() : m_client->connection().siteName;
        setReachability(Reachability::Unreachable, error.message(name, m_client->connection().url));
        // Start over: the agent may have restarted with a new epoch, or been replaced.
        m_phase = Phase::Identify;
        finishRound(m_intervalMs);
    }

    void setReachability(Reachability reachability, const QString &problem)
    {
        const SiteState *before = topology().site(siteId());
        const bool changed = before && before->reachability != reachability;
        topology().setReachability(siteId(), reachability, problem,
                                   reachability == Reachability::Unreachable ? QDateTime()
                                                                             : QDateTime::currentDateTimeUtc());
        if (changed)
            Q_EMIT m_monitor.reachabilityChanged(siteId(), reachability);
    }

    void finishRound(qint64 delayMs)
    {
        if (m_once) {
            if (m_phase == Phase::Snapshot && delayMs == 0)
                return step(); // the changes did not apply: one more request completes the pass
            m_once = false;
            if (auto done = std::exchange(m_onceDone, {}))
                done();
            return;
        }
        schedule(delayMs);
    }

    void schedule(qint64 delayMs)
    {
        if (!m_stopped)
            m_timer->start(int(delayMs));
    }

    FleetTopology &topology() { return m_monitor.m_topology; }

    FleetMonitor &m_monitor;
    AgentClient *m_client = nullptr;
    int m_intervalMs;
    QTimer *m_timer;
    Phase m_phase = Phase::Identify;
    QElapsedTimer m_started;
    bool m_stopped = true;
    bool m_once = false;
    std::function<void()> m_onceDone;
};

FleetMonitor::FleetMonitor(CurlEngine &engine, FleetTopology &topology, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_topology(topology)
    , m_cacheTimer(new QTimer(this))
{
    connect(m_cacheTimer, &QTimer::timeout, this, [this] { writeCache(); });
}

FleetMonitor::~FleetMonitor()
{
    stop();
    if (m_cacheWorker)
        m_cacheWorker->finish(); // the last write lands before the monitor is gone
}

int FleetMonitor::loadCache()
{
    if (!m_store)
        return 0;
    int loaded = 0;
    // Never replace what an agent told us (or an earlier load) with an older picture from the
    // cache; such rows are not even parsed.
    const auto wanted = [this](const QString &siteId, const QDateTime &fetched) {
        const SiteState *state = m_topology.site(siteId);
        return state && !(state->dataTime.isValid() && state->dataTime >= fetched);
    };
    const QList<CachedSite> cached = m_store->topologyCache().loadSites(wanted);
    for (const CachedSite &site : cached) {
        if (!wanted(site.info.id, site.fetched))
            continue;
        m_topology.setSiteInfo(site.info.id, site.info);
        m_topology.setOperations(site.info.id, site.operations);
        m_topology.applySnapshot(site.info.id, site.snapshot, site.fetched, true);
        ++loaded;
    }
    return loaded;
}

void FleetMonitor::setEnvironment(const Environment &environment, const QHash<QString, QByteArray> &tokens)
{
    const bool wasRunning = m_running;
    stop();
    qDeleteAll(m_pollers);
    m_pollers.clear();
    QList<SiteState> sites;
    for (const SiteEndpoint &endpoint : environment.sites) {
        if (!endpoint.enabled)
            continue; // "not watched": left out of every view, readiness and headless status
        SiteState state;
        state.id = endpoint.id;
        state.name = endpoint.name;
        state.region = endpoint.region;
        if (const Region *region = environment.region(endpoint.region); region && !region->name.isEmpty())
            state.region = region->name;
        state.city = endpoint.city;
        sites.append(state);
    }
    m_topology.setSites(sites);
    for (const SiteEndpoint &endpoint : environment.sites) {
        if (endpoint.enabled)
            m_pollers.append(new SitePoller(*this, endpoint, tokens.value(endpoint.id)));
    }
    if (wasRunning)
        start();
}

void FleetMonitor::start()
{
    m_running = true;
    for (SitePoller *poller : std::as_const(m_pollers))
        poller->start();
    if (m_store)
        m_cacheTimer->start(m_settings.cacheWriteIntervalMs);
}

void FleetMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    for (SitePoller *poller : std::as_const(m_pollers))
        poller->stop();
    m_cacheTimer->stop();
    writeCache();
}

void FleetMonitor::refreshOnce(std::function<void()> done)
{
    auto remaining = std::make_shared<qsizetype>(m_pollers.size());
    if (*remaining == 0) {
        QTimer::singleShot(0, this, std::move(done));
        return;
    }
    auto callback = std::make_shared<std::function<void()>>(std::move(done));
    for (SitePoller *poller : std::as_const(m_pollers)) {
        poller->refreshOnce([remaining, callback] {
            if (--*remaining == 0)
                (*callback)();
        });
    }
}

void FleetMonitor::recordMetrics(const QString &siteId, const QList<Component> &components,
                                 const QList<ReplicationLink> &links)
{
    if (!m_history && !m_archive)
        return;
    // One poll, one time: the history keeps a single timestamp for all of its samples.
    MetricPoll poll{siteId, QDateTime::currentMSecsSinceEpoch(), {}};
    poll.samples.reserve(components.size() * recordedMetrics.size() + links.size());
    for (const Component &c : components) {
        for (const QString &name : recordedMetrics) {
            auto it = c.metrics.constFind(name);
            if (it != c.metrics.cend())
                poll.samples.append(MetricSample{MetricHistory::seriesKey(siteId, c.id, name), *it});
        }
    }
    for (const ReplicationLink &link : links) {
        poll.samples.append(MetricSample{MetricHistory::seriesKey(siteId, QStringLiteral("link:") + link.id,
                                                                  QStringLiteral("lagSeconds")),
                                         link.lagSeconds});
    }
    if (m_history)
        m_history->add(poll);
    if (m_archive)
        m_archive->record(std::move(poll));
}

StoreWorker *FleetMonitor::cacheWorker()
{
    if (!m_store || !m_store->isPersistent() || m_cacheWorkerFailed)
        return nullptr; // an in-memory store has no file another connection could share
    const QString path = m_store->status().path;
    if (m_cacheWorker && m_cacheWorker->path() == path)
        return m_cacheWorker;
    delete m_cacheWorker;
    m_cacheWorker = new StoreWorker(this);
    connect(m_cacheWorker, &StoreWorker::failed, this, [this](const QString &message) {
        m_cacheWorkerFailed = true;
        Q_EMIT cacheWriteFailed(message);
    });
    m_cacheWorker->open(path);
    return m_cacheWorker;
}

void FleetMonitor::waitForCacheWrites()
{
    if (m_cacheWorker)
        m_cacheWorker->waitForIdle();
}

void FleetMonitor::writeCache(CacheWrite what)
{
    if (what == CacheWrite::All) {
        const QStringList ids = m_topology.siteIds();
        m_dirty.unite(QSet<QString>(ids.cbegin(), ids.cend()));
    }
    if (!m_store || m_dirty.isEmpty())
        return;
    QList<CachedSite> sites;
    for (const QString &siteId : std::as_const(m_dirty)) {
        const SiteState *state = m_topology.site(siteId);
        if (!state || state->fromCache)
            continue;
        CachedSite cached;
        cached.info = state->info;
        if (cached.info.id.isEmpty())
            cached.info.id = siteId;
        cached.snapshot = m_topology.snapshot(siteId); // shares the data: copying is cheap
        cached.fetched = state->dataTime;
        cached.operations = state->operations;
        sites.append(cached);
    }
    const QSet<QString> written = std::exchange(m_dirty, {});
    if (StoreWorker *worker = cacheWorker()) {
        worker->run<bool>([sites](SqliteDatabase &db) { return TopologyCache::saveSites(db, sites); }, this,
                          [this, written, count = int(sites.size())](bool ok) {
            if (ok)
                return Q_EMIT cacheWritten(count);
            // Written again with the next write; the sites' state is still in memory.
            m_dirty.unite(written);
            if (m_cacheWorkerFailed)
                return; // said once already, when its connection did not open
            Q_EMIT cacheWriteFailed(tr("Haven could not save the sites' state to its local database %1 in the "
                                       "background; it tries again at the next write.")
                                        .arg(m_cacheWorker ? m_cacheWorker->path() : QString()));
        });
    } else if (m_store->topologyCache().saveSites(sites)) {
        Q_EMIT cacheWritten(int(sites.size()));
    }
}

} // namespace Haven
