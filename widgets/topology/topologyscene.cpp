// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyscene.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Haven {

namespace {

constexpr std::array<Layer, 5> Layers = {Layer::Business, Layer::Middleware, Layer::Storage, Layer::Database,
                                         Layer::Physical};

// Worse ends of a link report win; a report from a stale site counts less than a fresh one.
int severity(ReplicationState state)
{
    switch (state) {
    case ReplicationState::Healthy:
        return 0;
    case ReplicationState::Lagging:
        return 1;
    case ReplicationState::Broken:
        return 2;
    }
    return 0;
}

} // namespace

bool TopologyFilter::matches(const Component &component) const
{
    return (productGroups.isEmpty() || productGroups.contains(component.productGroup))
           && (layers.isEmpty() || layers.contains(component.layer))
           && (statuses.isEmpty() || statuses.contains(component.status));
}

TopologyScene::TopologyScene(const FleetTopology &topology, QObject *parent)
    : QGraphicsScene(parent)
    , m_topology(topology)
    , m_style(TopologyStyle::make(ColorScheme::Light))
{
    // Most items are painted on every frame of an overview, and a relayout moves all tiles: with
    // bench/topology a BSP tree rendered no faster and costs a reindex on each relayout.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    setBackgroundBrush(m_style.background);

    for (size_t i = 0; i < Layers.size(); ++i) {
        m_layerLabels[i] = new LayerLabelItem(Layers[i]);
        addItem(m_layerLabels[i]);
    }

    connect(&m_topology, &FleetTopology::sitesReset, this, [this] {
        syncSites();
        layout();
    });
    connect(&m_topology, &FleetTopology::siteChanged, this, &TopologyScene::updateSite);
    connect(&m_topology, &FleetTopology::componentsChanged, this, &TopologyScene::onComponentsChanged);
    connect(&m_topology, &FleetTopology::componentsAboutToBeInserted, this, &TopologyScene::onAboutToBeInserted);
    connect(&m_topology, &FleetTopology::componentsInserted, this, &TopologyScene::onInserted);
    connect(&m_topology, &FleetTopology::componentsAboutToBeRemoved, this, &TopologyScene::onAboutToBeRemoved);
    connect(&m_topology, &FleetTopology::componentsRemoved, this, &TopologyScene::onRemoved);

    // Data ages keep growing while nothing arrives: repaint the stale headers now and then.
    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(15'000);
    connect(m_ageTimer, &QTimer::timeout, this, [this] {
        for (auto it = m_sites.cbegin(); it != m_sites.cend(); ++it) {
            if (isSiteStale(it.key()))
                it->header->update();
        }
    });
    m_ageTimer->start();

    syncSites();
    layout();
}

TopologyScene::~TopologyScene() = default;

ComponentTileItem *TopologyScene::componentItem(const QString &siteId, const QString &componentId) const
{
    auto it = m_sites.constFind(siteId);
    return it == m_sites.cend() ? nullptr : it->tiles.value(componentId);
}

LayerCellItem *TopologyScene::cellItem(const QString &siteId, Layer layer) const
{
    auto it = m_sites.constFind(siteId);
    return it == m_sites.cend() ? nullptr : it->cells[size_t(layer)];
}

SiteHeaderItem *TopologyScene::siteHeaderItem(const QString &siteId) const
{
    auto it = m_sites.constFind(siteId);
    return it == m_sites.cend() ? nullptr : it->header;
}

SiteShadeItem *TopologyScene::siteShadeItem(const QString &siteId) const
{
    auto it = m_sites.constFind(siteId);
    return it == m_sites.cend() ? nullptr : it->shade;
}

ReplicationLinkItem *TopologyScene::linkItem(const QString &linkId) const
{
    return m_links.value(linkId);
}

int TopologyScene::componentItemCount() const
{
    int count = 0;
    for (const SiteItems &site : m_sites)
        count += int(site.tiles.size());
    return count;
}

QList<ComponentTileItem *> TopologyScene::componentItems() const
{
    QList<ComponentTileItem *> items;
    for (const QString &siteId : m_order) {
        for (const Component &c : m_topology.components(siteId)) {
            if (ComponentTileItem *tile = componentItem(siteId, c.id))
                items.append(tile);
        }
    }
    return items;
}

bool TopologyScene::isSiteStale(const QString &siteId) const
{
    const SiteState *site = m_topology.site(siteId);
    return site && (site->fromCache || site->reachability == Reachability::Unreachable);
}

QString TopologyScene::dataAgeText(const QString &siteId) const
{
    const SiteState *site = m_topology.site(siteId);
    if (!site || !isSiteStale(siteId))
        return {};
    const qint64 age = site->dataAgeSeconds(QDateTime::currentDateTimeUtc());
    if (age < 0)
        return tr("no data");
    if (age < 60)
        return tr("%1 s old").arg(age);
    if (age < 3600)
        return tr("%1 min old").arg(age / 60);
    if (age < 48 * 3600)
        return tr("%1 h old").arg(age / 3600);
    return tr("%1 days old").arg(age / 86400);
}

void TopologyScene::setColorScheme(ColorScheme scheme)
{
    if (scheme == m_style.scheme)
        return;
    m_style = TopologyStyle::make(scheme);
    setBackgroundBrush(m_style.background);
    update();
}

void TopologyScene::setFilter(const TopologyFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    for (const QString &siteId : m_order) {
        const SiteItems &items = m_sites[siteId];
        for (const Component &c : m_topology.components(siteId)) {
            if (ComponentTileItem *tile = items.tiles.value(c.id))
                tile->setDimmed(!m_filter.matches(c));
        }
    }
    updateLinks();
}

QList<ComponentTileItem *> TopologyScene::setSearchText(const QString &text)
{
    m_searchText = text.trimmed();
    QList<ComponentTileItem *> matches;
    for (const QString &siteId : m_order) {
        const SiteItems &items = m_sites[siteId];
        for (const Component &c : m_topology.components(siteId)) {
            ComponentTileItem *tile = items.tiles.value(c.id);
            if (!tile)
                continue;
            const bool match = !m_searchText.isEmpty()
                               && (c.name.contains(m_searchText, Qt::CaseInsensitive)
                                   || c.id.contains(m_searchText, Qt::CaseInsensitive)
                                   || c.host.contains(m_searchText, Qt::CaseInsensitive));
            tile->setHighlighted(match);
            if (match)
                matches.append(tile);
        }
    }
    return matches;
}

QList<ComponentTileItem *> TopologyScene::searchMatches() const
{
    QList<ComponentTileItem *> matches;
    const QList<ComponentTileItem *> all = componentItems();
    std::copy_if(all.cbegin(), all.cend(), std::back_inserter(matches),
                 [](const ComponentTileItem *tile) { return tile->isHighlighted(); });
    return matches;
}

void TopologyScene::setWatermarkThreshold(double percent)
{
    if (qFuzzyCompare(percent, m_watermarkThreshold))
        return;
    m_watermarkThreshold = percent;
    update();
}

void TopologyScene::addSiteItems(const QString &siteId)
{
    SiteItems items;
    items.header = new SiteHeaderItem(siteId);
    addItem(items.header);
    items.shade = new SiteShadeItem(siteId);
    addItem(items.shade);
    for (Layer layer : Layers) {
        items.cells[size_t(layer)] = new LayerCellItem(siteId, layer);
        addItem(items.cells[size_t(layer)]);
    }
    m_sites.insert(siteId, items);
}

void TopologyScene::removeSiteItems(const QString &siteId)
{
    SiteItems items = m_sites.take(siteId);
    delete items.header;
    delete items.shade;
    for (LayerCellItem *cell : items.cells)
        delete cell;
    qDeleteAll(items.tiles);
}

ComponentTileItem *TopologyScene::addTile(const QString &siteId, const Component &component)
{
    auto *tile = new ComponentTileItem(siteId, component.id);
    applyAppearance(tile, component);
    addItem(tile);
    m_sites[siteId].tiles.insert(component.id, tile);
    return tile;
}

void TopologyScene::applyAppearance(ComponentTileItem *tile, const Component &component)
{
    tile->refresh(component);
    tile->setDimmed(!m_filter.matches(component));
    if (!m_searchText.isEmpty()) {
        tile->setHighlighted(component.name.contains(m_searchText, Qt::CaseInsensitive)
                             || component.id.contains(m_searchText, Qt::CaseInsensitive)
                             || component.host.contains(m_searchText, Qt::CaseInsensitive));
    }
}

// Brings the items in line with the model's sites and components; items that still match
// keep their identity.
void TopologyScene::syncSites()
{
    const QStringList ids = m_topology.siteIds();
    const QSet<QString> wanted(ids.cbegin(), ids.cend());
    const QStringList existing = m_sites.keys();
    for (const QString &siteId : existing) {
        if (!wanted.contains(siteId))
            removeSiteItems(siteId);
    }
    for (const QString &siteId : ids) {
        if (!m_sites.contains(siteId))
            addSiteItems(siteId);
        SiteItems &items = m_sites[siteId];
        const QList<Component> components = m_topology.components(siteId);
        QSet<QString> present;
        for (const Component &c : components) {
            present.insert(c.id);
            if (ComponentTileItem *tile = items.tiles.value(c.id))
                applyAppearance(tile, c);
            else
                addTile(siteId, c);
        }
        for (auto it = items.tiles.begin(); it != items.tiles.end();) {
            if (present.contains(it.key())) {
                ++it;
            } else {
                delete it.value();
                it = items.tiles.erase(it);
            }
        }
        reorderTiles(siteId);
        updateSummaries(siteId);
        items.shade->setVisible(isSiteStale(siteId));
        items.header->update();
    }
    updateLinks();
}

void TopologyScene::reorderTiles(const QString &siteId)
{
    auto it = m_sites.find(siteId);
    if (it == m_sites.end())
        return;
    it->ordered.clear();
    const QList<Component> components = m_topology.components(siteId);
    it->ordered.reserve(components.size());
    for (const Component &c : components)
        it->ordered.append(it->tiles.value(c.id));
}

void TopologyScene::updateSummaries(const QString &siteId)
{
    auto it = m_sites.find(siteId);
    if (it == m_sites.end())
        return;
    std::array<LayerCellItem::Summary, 5> summaries{};
    for (const ComponentTileItem *tile : std::as_const(it->tiles)) {
        LayerCellItem::Summary &s = summaries[size_t(tile->layer())];
        ++s.total;
        switch (tile->status()) {
        case ComponentStatus::Ok:
            break;
        case ComponentStatus::Warning:
            ++s.warning;
            break;
        case ComponentStatus::Critical:
        case ComponentStatus::Down:
            ++s.critical;
            break;
        case ComponentStatus::Unknown:
            break;
        }
        if (tile->status() != ComponentStatus::Ok)
            ++s.problems;
        s.alerts += tile->alertCount();
        s.capacity = std::max(s.capacity, tile->capacity());
        s.worst = worse(s.worst, tile->status());
    }
    for (Layer layer : Layers)
        it->cells[size_t(layer)]->setSummary(summaries[size_t(layer)]);
}

void TopologyScene::updateSite(const QString &siteId)
{
    auto it = m_sites.constFind(siteId);
    if (it == m_sites.cend())
        return;
    it->header->update();
    it->shade->setVisible(isSiteStale(siteId));
    const SiteState *site = m_topology.site(siteId);
    const auto group = std::pair{site->region, site->city};
    auto inputs = m_linkInputs.constFind(siteId);
    if (inputs == m_linkInputs.cend() || inputs->stale != isSiteStale(siteId)
        || inputs->replication != site->replication)
        updateLinks({siteId});
    else if (m_linkDimmingDirty)
        updateLinkDimming();
    if (m_siteGroup.value(siteId) != group)
        layout(); // the site moves to another region or city
}

void TopologyScene::updateLinkDimming()
{
    m_linkDimmingDirty = false;
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        const LinkEnds &ends = m_linkEnds.value(it.key());
        const ComponentTileItem *from = componentItem(ends.fromSite, ends.fromComponent);
        const ComponentTileItem *to = componentItem(ends.toSite, ends.toComponent);
        it.value()->setDimmed(!m_filter.isEmpty() && (!from || from->isDimmed()) && (!to || to->isDimmed()));
    }
}

// Links as the sites report them, one item per link id. Both ends usually report a link; the
// fresher report wins, and between equally fresh ones the worse. Only the links of the given
// sites are looked at: a status wave over a hundred sites must not redo every link each time.
void TopologyScene::updateLinks(const QStringList &siteIds)
{
    const QStringList sites = siteIds.isEmpty() ? m_topology.siteIds() : siteIds;
    QSet<QString> affected;
    if (siteIds.isEmpty()) {
        for (auto it = m_links.cbegin(); it != m_links.cend(); ++it)
            affected.insert(it.key());
    }
    for (const QString &siteId : sites) {
        const QStringList before = m_reported.take(siteId);
        for (const QString &id : before) {
            affected.insert(id);
            QStringList &reporters = m_reporters[id];
            reporters.removeAll(siteId);
            if (reporters.isEmpty())
                m_reporters.remove(id);
        }
        const SiteState *site = m_topology.site(siteId);
        if (!site) {
            m_linkInputs.remove(siteId);
            continue;
        }
        m_linkInputs.insert(siteId, LinkInputs{site->replication, isSiteStale(siteId)});
        QStringList now;
        now.reserve(site->replication.size());
        for (const ReplicationLink &link : site->replication) {
            now.append(link.id);
            affected.insert(link.id);
            m_reporters[link.id].append(siteId);
        }
        m_reported.insert(siteId, now);
    }

    bool geometryChanged = false;
    for (const QString &id : std::as_const(affected)) {
        const ReplicationLink *best = nullptr;
        bool bestStale = true;
        for (const QString &reporter : m_reporters.value(id)) {
            const SiteState *site = m_topology.site(reporter);
            if (!site)
                continue;
            const bool stale = isSiteStale(reporter);
            for (const ReplicationLink &link : site->replication) {
                if (link.id != id)
                    continue;
                const bool better = !best || (bestStale && !stale)
                                    || (bestStale == stale
                                        && (severity(link.state) > severity(best->state)
                                            || (link.state == best->state && link.lagSeconds > best->lagSeconds)));
                if (better) {
                    best = &link;
                    bestStale = stale;
                }
                break;
            }
        }
        const bool drawable = best && best->fromSite != best->toSite && m_sites.contains(best->fromSite)
                              && m_sites.contains(best->toSite);
        ReplicationLinkItem *item = m_links.value(id);
        if (!drawable) {
            if (item) {
                delete m_links.take(id);
                m_linkEnds.remove(id);
            }
            continue;
        }
        if (!item) {
            item = new ReplicationLinkItem(id);
            addItem(item);
            m_links.insert(id, item);
            geometryChanged = true;
        }
        LinkEnds &known = m_linkEnds[id];
        if (known.fromSite != best->fromSite || known.fromComponent != best->fromComponent
            || known.toSite != best->toSite || known.toComponent != best->toComponent) {
            known = LinkEnds{best->fromSite, best->fromComponent, best->toSite, best->toComponent};
            geometryChanged = true;
        }
        item->refresh(best->state, best->lagSeconds);
        const ComponentTileItem *from = componentItem(best->fromSite, best->fromComponent);
        const ComponentTileItem *to = componentItem(best->toSite, best->toComponent);
        item->setDimmed(!m_filter.isEmpty() && (!from || from->isDimmed()) && (!to || to->isDimmed()));
    }
    if (siteIds.isEmpty())
        m_linkDimmingDirty = false; // every link was dimmed above
    else if (m_linkDimmingDirty)
        updateLinkDimming();
    if (geometryChanged && m_layoutCount > 0)
        layoutLinks();
}

// Links meet a site at the edge of the component's cell, at the height of its tile (spread a
// little by the tile's column), so they run in the corridors between sites, not over tiles.
QPointF TopologyScene::linkAnchor(const QString &siteId, const QString &componentId, bool leftSide, bool *found) const
{
    using namespace TopologyMetrics;
    const ComponentTileItem *tile = componentItem(siteId, componentId);
    *found = tile != nullptr;
    const LayerCellItem *cell = cellItem(siteId, tile ? tile->layer() : Layer::Database);
    if (!cell)
        return {};
    const QRectF c = cell->sceneBoundingRect();
    double y = c.center().y();
    if (tile) {
        const QRectF r = tile->sceneBoundingRect();
        const double column = std::round((tile->x() - c.left() - CellPadding) / (TileWidth + TileGap));
        y = r.center().y() + (column - (TileColumns - 1) / 2.0) * 5;
    }
    return {leftSide ? c.left() : c.right(), y};
}

void TopologyScene::layoutLinks()
{
    for (auto it = m_links.cbegin(); it != m_links.cend(); ++it) {
        const LinkEnds &ends = m_linkEnds.value(it.key());
        const double fromX = m_siteX.value(ends.fromSite);
        const double toX = m_siteX.value(ends.toSite);
        const bool rightwards = toX > fromX;
        bool fromFound = false;
        bool toFound = false;
        const QPointF from = linkAnchor(ends.fromSite, ends.fromComponent, !rightwards, &fromFound);
        const QPointF to = linkAnchor(ends.toSite, ends.toComponent, rightwards, &toFound);
        // Links that jump over other sites bow upwards, above the rows they cross.
        const bool adjacent = std::abs(toX - fromX) < TopologyMetrics::SiteWidth + TopologyMetrics::SiteGap * 1.5
                                                          + TopologyMetrics::RegionGap;
        it.value()->setEnds(from, to, adjacent ? 0 : 60 + 0.05 * std::abs(to.x() - from.x()));
    }
}

void TopologyScene::layout()
{
    using namespace TopologyMetrics;
    ++m_layoutCount;

    // Column order: regions, then cities, in the order the environment lists them.
    const QStringList ids = m_topology.siteIds();
    QStringList regions;
    QHash<QString, QStringList> cities;  // region -> cities
    QHash<QString, QStringList> sitesOf; // region + '\n' + city -> sites
    m_siteGroup.clear();
    for (const QString &siteId : ids) {
        const SiteState *site = m_topology.site(siteId);
        if (!regions.contains(site->region))
            regions.append(site->region);
        QStringList &c = cities[site->region];
        if (!c.contains(site->city))
            c.append(site->city);
        sitesOf[site->region + QLatin1Char('\n') + site->city].append(siteId);
        m_siteGroup.insert(siteId, {site->region, site->city});
    }

    qDeleteAll(m_bands);
    m_bands.clear();
    m_order.clear();
    m_siteX.clear();
    const double top = Margin;
    const double cityTop = top + RegionBandHeight + 4;
    const double headerTop = cityTop + CityBandHeight + 8;
    double x = Margin + LabelWidth;
    for (const QString &region : std::as_const(regions)) {
        const double regionLeft = x;
        for (const QString &city : cities.value(region)) {
            const double cityLeft = x;
            for (const QString &siteId : sitesOf.value(region + QLatin1Char('\n') + city)) {
                m_order.append(siteId);
                m_siteX.insert(siteId, x);
                x += SiteWidth + SiteGap;
            }
            auto *band = new GroupBandItem(city.isEmpty() ? tr("(no city)") : city, false);
            band->setRect(QRectF(cityLeft, cityTop, x - SiteGap - cityLeft, CityBandHeight));
            addItem(band);
            m_bands.append(band);
            x += CityGap;
        }
        auto *band = new GroupBandItem(region.isEmpty() ? tr("(no region)") : region, true);
        band->setRect(QRectF(regionLeft, top, x - CityGap - SiteGap - regionLeft, RegionBandHeight));
        addItem(band);
        m_bands.append(band);
        x += RegionGap;
    }
    const double right = m_order.isEmpty() ? Margin + LabelWidth + SiteWidth : x - RegionGap - CityGap - SiteGap;

    // Tiles per site and layer in the model's order; a layer's row is as tall as its fullest cell.
    QHash<QString, std::array<QList<ComponentTileItem *>, 5>> byLayer;
    std::array<int, 5> rows{1, 1, 1, 1, 1};
    for (const QString &siteId : std::as_const(m_order)) {
        const SiteItems &items = m_sites[siteId];
        auto &lists = byLayer[siteId];
        for (const Component &c : m_topology.components(siteId)) {
            if (ComponentTileItem *tile = items.tiles.value(c.id))
                lists[size_t(tile->layer())].append(tile);
        }
        for (size_t i = 0; i < lists.size(); ++i)
            rows[i] = std::max(rows[i], int((lists[i].size() + TileColumns - 1) / TileColumns));
    }

    double y = headerTop + SiteHeaderHeight + LayerGap;
    for (Layer layer : Layers) {
        const size_t li = size_t(layer);
        const double cellHeight = SummaryHeight + rows[li] * (TileHeight + TileGap) - TileGap + CellPadding;
        m_layerLabels[li]->setRect(QRectF(Margin, y, LabelWidth - 16, cellHeight));
        for (const QString &siteId : std::as_const(m_order)) {
            const double sx = m_siteX.value(siteId);
            m_sites[siteId].cells[li]->setRect(QRectF(sx, y, SiteWidth, cellHeight));
            const QList<ComponentTileItem *> &tiles = byLayer[siteId][li];
            for (int i = 0; i < tiles.size(); ++i) {
                const int column = i % TileColumns;
                const int row = i / TileColumns;
                tiles[i]->setPos(sx + CellPadding + column * (TileWidth + TileGap),
                                 y + SummaryHeight + row * (TileHeight + TileGap));
            }
        }
        y += cellHeight + LayerGap;
    }
    const double bottom = y - LayerGap;
    for (const QString &siteId : std::as_const(m_order)) {
        const double sx = m_siteX.value(siteId);
        SiteItems &items = m_sites[siteId];
        items.header->setRect(QRectF(sx, headerTop, SiteWidth, SiteHeaderHeight));
        items.shade->setRect(QRectF(sx - 4, headerTop - 4, SiteWidth + 8, bottom - headerTop + 8));
    }
    layoutLinks();

    m_contentRect = QRectF(0, 0, right + Margin, bottom + Margin);
    setSceneRect(m_contentRect);
    Q_EMIT layoutChanged();
}

void TopologyScene::onComponentsChanged(const QList<int> &rows)
{
    QSet<QString> dirtySites;
    bool moved = false;
    // Rows come site by site: find the site once per run of rows, then the tile by position.
    QString siteId;
    const SiteItems *items = nullptr;
    int first = 0;
    for (int row : rows) {
        if (!items || row < first || row - first >= items->ordered.size()) {
            siteId = m_topology.componentSite(row);
            auto it = m_sites.constFind(siteId);
            if (it == m_sites.cend()) {
                items = nullptr;
                continue;
            }
            items = &*it;
            first = m_topology.firstRow(siteId);
            dirtySites.insert(siteId);
        }
        const Component &c = m_topology.component(row);
        ComponentTileItem *tile = items->ordered.value(row - first);
        if (!tile || tile->componentId() != c.id)
            tile = items->tiles.value(c.id);
        if (!tile)
            continue;
        const Layer before = tile->layer();
        const bool dimmed = tile->isDimmed();
        applyAppearance(tile, c);
        moved = moved || tile->layer() != before;
        m_linkDimmingDirty = m_linkDimmingDirty || tile->isDimmed() != dimmed;
    }
    for (const QString &site : std::as_const(dirtySites))
        updateSummaries(site);
    if (moved)
        layout();
}

void TopologyScene::onAboutToBeInserted(int first, int last)
{
    m_pendingInsert = {first, last};
}

void TopologyScene::onInserted()
{
    const auto [first, last] = std::exchange(m_pendingInsert, {-1, -1});
    if (first < 0)
        return;
    QSet<QString> dirtySites;
    for (int row = first; row <= last && row < m_topology.componentCount(); ++row) {
        const QString &siteId = m_topology.componentSite(row);
        if (!m_sites.contains(siteId))
            continue;
        const Component &c = m_topology.component(row);
        if (ComponentTileItem *tile = componentItem(siteId, c.id))
            applyAppearance(tile, c);
        else
            addTile(siteId, c);
        dirtySites.insert(siteId);
    }
    for (const QString &siteId : std::as_const(dirtySites)) {
        reorderTiles(siteId);
        updateSummaries(siteId);
    }
    updateLinks();
    layout();
}

void TopologyScene::onAboutToBeRemoved(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_pendingRemoval.append({m_topology.componentSite(row), m_topology.component(row).id});
}

void TopologyScene::onRemoved()
{
    const auto removed = std::exchange(m_pendingRemoval, {});
    QSet<QString> dirtySites;
    for (const auto &[siteId, componentId] : removed) {
        auto it = m_sites.find(siteId);
        if (it == m_sites.end())
            continue;
        delete it->tiles.take(componentId);
        dirtySites.insert(siteId);
    }
    for (const QString &siteId : std::as_const(dirtySites)) {
        reorderTiles(siteId);
        updateSummaries(siteId);
    }
    layout();
}

} // namespace Haven
