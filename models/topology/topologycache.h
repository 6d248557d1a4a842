// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/localstore.h"
#include "protocol/protocol.h"

#include <QDateTime>

#include <functional>

namespace Haven {

// The last known state of one site, as the cache keeps it.
struct CachedSite
{
    SiteInfo info;
    TopologySnapshot snapshot;
    QDateTime fetched;               // when the agent last answered with this state
    QList<OperationSpec> operations; // the site's catalog, so plans validate offline
};

// The topology cache's tables in the local store: each site's last known state and catalog, so
// the console shows the fleet before any agent answers. (The metric history has its own file:
// MetricStore.)
class TopologyCache final
{
public:
    static FeatureSchema schema();

    explicit TopologyCache(LocalStore &store);

    bool saveSite(const CachedSite &site);
    bool saveSites(const QList<CachedSite> &sites); // in one transaction
    // The same on another connection to the store's file (a worker thread's); the caller decides
    // what a failure means, since the store's fallback to memory cannot reach that connection.
    static bool saveSites(SqliteDatabase &db, const QList<CachedSite> &sites);
    bool removeSite(const QString &siteId);
    // Every cached site, or only those wanted says to read (by id and time), decided before any
    // JSON is parsed: parsing is most of the time the console waits for at start-up.
    QList<CachedSite> loadSites(const std::function<bool(const QString &siteId, const QDateTime &fetched)> &wanted = {});

private:
    LocalStore &m_store;
};

} // namespace Haven
