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

namespace {

struct SiteRow
{
    QString id;
    QByteArray info;
    QByteArray snapshot;
    QDateTime fetched;
};

// Serialising is most of a write's time, so it is done before the transaction starts.
QList<SiteRow> rowsFor(const QList<CachedSite> &sites)
{
    QList<SiteRow> rows;
    rows.reserve(sites.size());
    for (const CachedSite &site : sites) {
        // The catalog rides along in the info document (SiteInfo ignores keys it does not know).
        QJsonObject info = site.info.toJson();
        QJsonArray operations;
        for (const OperationSpec &operation : site.operations)
            operations.append(operation.toJson());
        info.insert(QStringLiteral("operations"), operations);
        rows.append(SiteRow{site.info.id.isEmpty() ? site.snapshot.siteId : site.info.id, StoredJson::compact(info),
                            StoredJson::compact(site.snapshot.toJson()), site.fetched});
    }
    return rows;
}

bool insertRows(SqliteDatabase &db, const QList<SiteRow> &rows)
{
    SqliteStatement upsert(db,
                           "INSERT OR REPLACE INTO sites (site_id, info, snapshot, fetched_ms) VALUES (?, ?, ?, ?)");
    for (const SiteRow &row : rows) {
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
}

} // namespace

bool TopologyCache::saveSites(const QList<CachedSite> &sites)
{
    const QList<SiteRow> rows = rowsFor(sites);
    // One transaction for the batch: one disk sync, not one per site.
    return m_store.write([&] { return insertRows(m_store.database(), rows); });
}

bool TopologyCache::saveSites(SqliteDatabase &db, const QList<CachedSite> &sites)
{
    const QList<SiteRow> rows = rowsFor(sites);
    return db.isOpen() && db.transaction([&] { return insertRows(db, rows); });
}

bool TopologyCache::removeSite(const QString &siteId)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM sites WHERE site_id = ?");
        return remove.bind(1, siteId).run();
    });
}

namespace {

struct StoredSite
{
    QString id;
    QByteArray info;
    QByteArray snapshot;
    QDateTime fetched;
};

// One row's documents, or nothing (and why) when they cannot be read.
std::optional<CachedSite> parseSite(const StoredSite &row, QString *error)
{
    const std::optional<QJsonObject> info = StoredJson::object(row.info);
    const std::optional<QJsonObject> snapshot = StoredJson::object(row.snapshot);
    if (!info || !snapshot) {
        *error = QStringLiteral("the stored document is not JSON");
        return std::nullopt;
    }
    std::optional<SiteInfo> siteInfo = SiteInfo::fromJson(*info, error);
    std::optional<TopologySnapshot> topology = siteInfo ? TopologySnapshot::fromJson(*snapshot, error) : std::nullopt;
    if (!topology)
        return std::nullopt;
    CachedSite site{std::move(*siteInfo), std::move(*topology), row.fetched, {}};
    const QJsonArray operations = info->value(QStringLiteral("operations")).toArray();
    for (qsizetype i = 0; i < operations.size(); ++i) {
        QString ignored;
        if (std::optional<OperationSpec> operation = OperationSpec::fromJson(operations.at(i).toObject(), &ignored))
            site.operations.append(std::move(*operation));
    }
    return site;
}

} // namespace

QList<CachedSite> TopologyCache::loadSites(
    const std::function<bool(const QString &siteId, const QDateTime &fetched)> &wanted)
{
    QList<StoredSite> rows;
    SqliteStatement select(m_store.database(),
                           "SELECT site_id, info, snapshot, fetched_ms FROM sites ORDER BY site_id");
    while (select.next()) {
        StoredSite row{select.text(0), {}, {}, {}};
        if (!select.isNull(3))
            row.fetched = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        if (wanted && !wanted(row.id, row.fetched))
            continue;
        row.info = select.blob(1);
        row.snapshot = select.blob(2);
        rows.append(std::move(row));
    }

    QList<CachedSite> sites;
    sites.reserve(rows.size());
    for (const StoredSite &row : std::as_const(rows)) {
        QString error;
        if (std::optional<CachedSite> site = parseSite(row, &error))
            sites.append(std::move(*site));
        else // one unreadable row must not hide the others; the agent refills it
            qCWarning(lcStore) << "skipping the cached state of site" << row.id << ":" << error;
    }
    return sites;
}

} // namespace Haven
