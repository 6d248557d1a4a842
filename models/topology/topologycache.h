// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/localstore.h"
#include "protocol/protocol.h"

#include <QDateTime>

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
    bool removeSite(const QString &siteId);
    QList<CachedSite> loadSites();

private:
    LocalStore &m_store;
};

} // namespace Haven
