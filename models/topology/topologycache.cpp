// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologycache.h"

#include "models/store/storedjson.h"

#include <QJsonArray>

namespace Haven {

FeatureSchema TopologyCache::schema()
{
    // Version 1 is the tables as they were before the features had their own schemas: IF NOT
    // EXISTS lets a database from then adopt them unchanged.
    return {QStringLiteral("topology"),
            {R"(CREATE TABLE IF NOT EXISTS sites (
                    site_id TEXT PRIMARY KEY,
                    info TEXT NOT NULL,
                    snapshot TEXT NOT NULL,
                    fetched_ms INTEGER);
                CREATE TABLE IF NOT EXISTS metric_buckets (
                    series TEXT NOT NULL,
                    tier INTEGER NOT NULL,
                    start_ms INTEGER NOT NULL,
                    min REAL NOT NULL,
                    max REAL NOT NULL,
                    mean REAL NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (series, tier, start_ms)) WITHOUT ROWID;
                CREATE INDEX IF NOT EXISTS metric_buckets_start ON metric_buckets(start_ms);)",
             // The metric history moved to its own file (MetricStore).
             "DROP TABLE IF EXISTS metric_buckets;"}};
}

TopologyCache::TopologyCache(LocalStore &store)
    : m_store(store)
{ }

bool TopologyCache::saveSite(const CachedSite &site)
{
    return saveSites({site});
}

bool TopologyCache::saveSites(const QList<CachedSite> &sites)
{
    struct Row
    {
        QString id;
        QByteArray info;
        QByteArray snapshot;
        QDateTime fetched;
    };
    QList<Row> rows;
    rows.reserve(sites.size());
    for (const CachedSite &site : sites) {
        // The catalog rides along in the info document (SiteInfo ignores keys it does not know).
        QJsonObject info = site.info.toJson();
        QJsonArray operations;
        for (const OperationSpec &operation : site.operations)
            operations.append(operation.toJson());
        info.insert(QStringLiteral("operations"), operations);
        rows.append(Row{site.info.id.isEmpty() ? site.snapshot.siteId : site.info.id, StoredJson::compact(info),
                        StoredJson::compact(site.snapshot.toJson()), site.fetched});
    }
    // One transaction for the batch: one disk sync, not one per site.
    return m_store.write([&] {
        SqliteStatement upsert(m_store.database(), "INSERT OR REPLACE INTO sites (site_id, info, snapshot, fetched_ms) "
                                                   "VALUES (?, ?, ?, ?)");
        for (const Row &row : std::as_const(rows)) {
            upsert.reset();
            upsert.bind(1, row.id).bind(2, row.info).bind(3, row.snapshot);
            if (row.fetched.isValid())
                upsert.bind(4, row.fetched.toMSecsSinceEpoch());
            else
                upsert.bindNull(4);
            if (!upsert.run())
                return false;
        }
        return true;
    });
}

bool TopologyCache::removeSite(const QString &siteId)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM sites WHERE site_id = ?");
        return remove.bind(1, siteId).run();
    });
}

QList<CachedSite> TopologyCache::loadSites()
{
    QList<CachedSite> sites;
    SqliteStatement select(m_store.database(),
                           "SELECT site_id, info, snapshot, fetched_ms FROM sites ORDER BY site_id");
    while (select.next()) {
        const std::optional<QJsonObject> info = StoredJson::object(select.blob(1));
        const std::optional<QJsonObject> snapshot = StoredJson::object(select.blob(2));
        QString error;
        std::optional<SiteInfo> siteInfo = info ? SiteInfo::fromJson(*info, &error) : std::nullopt;
        std::optional<TopologySnapshot> topology = siteInfo && snapshot ? TopologySnapshot::fromJson(*snapshot, &error)
                                                                        : std::nullopt;
        if (!topology) {
            // One unreadable row must not hide the others; the agent refills it.
            qCWarning(lcStore) << "skipping the cached state of site" << select.text(0) << ":" << error;
            continue;
        }
        CachedSite site{std::move(*siteInfo), std::move(*topology), {}, {}};
        const QJsonArray operations = info->value(QStringLiteral("operations")).toArray();
        for (qsizetype i = 0; i < operations.size(); ++i) {
            if (std::optional<OperationSpec> operation = OperationSpec::fromJson(operations.at(i).toObject(), &error))
                site.operations.append(std::move(*operation));
        }
        if (!select.isNull(3))
            site.fetched = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        sites.append(std::move(site));
    }
    return sites;
}

} // namespace Haven
