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

// One closed, downsampled bucket of a metric series ("<site>/<component>/<metric>").
struct MetricBucket
{
    QString series;
    int tier = 0;       // MetricHistory's tier index
    qint64 startMs = 0; // bucket start, ms since epoch, UTC
    double minimum = 0;
    double maximum = 0;
    double mean = 0;
    int count = 0;

    friend bool operator==(const MetricBucket &, const MetricBucket &) = default;
};

// The topology cache's tables in the local store: each site's last known state and catalog, and
// the closed buckets of the metric history, so the console shows the fleet before any agent answers.
class TopologyCache final
{
public:
    static FeatureSchema schema();

    explicit TopologyCache(LocalStore &store);

    bool saveSite(const CachedSite &site);
    bool saveSites(const QList<CachedSite> &sites); // in one transaction
    bool removeSite(const QString &siteId);
    QList<CachedSite> loadSites();

    bool appendMetricBuckets(const QList<MetricBucket> &buckets);
    QList<MetricBucket> loadMetricBuckets(qint64 sinceMs);
    // Deletes buckets starting before olderThanMs: of one tier, or of all when tier < 0.
    bool pruneMetricBuckets(qint64 olderThanMs, int tier = -1);

private:
    LocalStore &m_store;
};

} // namespace Haven
