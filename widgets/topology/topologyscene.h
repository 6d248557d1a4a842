// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/topology/fleettopology.h"
#include "topologyitems.h"
#include "widgets/common/statuscolors.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

#include <array>

class QTimer;

namespace Haven {

// What the operator wants to see; an empty set lets everything through.
struct TopologyFilter
{
    QSet<QString> productGroups;
    QSet<Layer> layers;
    QSet<ComponentStatus> statuses;

    bool isEmpty() const { return productGroups.isEmpty() && layers.isEmpty() && statuses.isEmpty(); }
    bool matches(const Component &component) const;
    friend bool operator==(const TopologyFilter &, const TopologyFilter &) = default;
};

// The runtime dashboard (容灾运行大盘) as a graphics scene: sites as columns grouped by region and
// city, a row per layer, a tile per component, replication links between sites. It reflects a
// FleetTopology and follows its signals: changed components repaint only their tiles, inserted
// and removed components add and remove tiles, site changes repaint headers and links.
class TopologyScene final : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit TopologyScene(const FleetTopology &topology, QObject *parent = nullptr);
    TopologyScene(const FleetTopology &&, QObject * = nullptr) = delete; // the model must outlive the scene
    ~TopologyScene() override;

    const FleetTopology &topology() const { return m_topology; }

    ComponentTileItem *componentItem(const QString &siteId, const QString &componentId) const;
    LayerCellItem *cellItem(const QString &siteId, Layer layer) const;
    SiteHeaderItem *siteHeaderItem(const QString &siteId) const;
    SiteShadeItem *siteShadeItem(const QString &siteId) const;
    ReplicationLinkItem *linkItem(const QString &linkId) const;
    int componentItemCount() const;
    int linkItemCount() const { return int(m_links.size()); }
    QList<ReplicationLinkItem *> linkItems() const { return m_links.values(); }
    QList<ComponentTileItem *> componentItems() const;

    // Sites in the order they are drawn (grouped by region, then city).
    QStringList siteOrder() const { return m_order; }
    // Full geometry passes so far (construction, sites reset, components inserted or removed).
    // A status change never causes one.
    int layoutCount() const { return m_layoutCount; }

    // Stale: the data came from the local cache or the agent is unreachable.
    bool isSiteStale(const QString &siteId) const;
    // "12 min old"; empty when the data is fresh.
    QString dataAgeText(const QString &siteId) const;

    void setColorScheme(ColorScheme scheme);
    ColorScheme colorScheme() const { return m_style.scheme; }
    const TopologyStyle &style() const { return m_style; }

    void setFilter(const TopologyFilter &filter);
    const TopologyFilter &filter() const { return m_filter; }

    // Highlights the components whose name, id or host contains text (case-insensitive) and
    // returns them in display order; an empty text clears the highlight.
    QList<ComponentTileItem *> setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    QList<ComponentTileItem *> searchMatches() const;

    // The watermark (水位) mark drawn on capacity gauges, percent.
    void setWatermarkThreshold(double percent);
    double watermarkThreshold() const { return m_watermarkThreshold; }

    // Scene rectangle of everything drawn (what zoom-to-fit shows).
    QRectF contentRect() const { return m_contentRect; }

Q_SIGNALS:
    void layoutChanged();

private:
    struct SiteItems
    {
        SiteHeaderItem *header = nullptr;
        SiteShadeItem *shade = nullptr;
        std::array<LayerCellItem *, 5> cells{};
        QHash<QString, ComponentTileItem *> tiles;
        // The tiles in the model's order, so a changed row finds its tile without hashing ids.
        QList<ComponentTileItem *> ordered;
    };
    // What the links of one site were last computed from: a status wave that leaves both alone
    // does not touch the links.
    struct LinkInputs
    {
        QList<ReplicationLink> replication;
        bool stale = false;
    };
    struct LinkEnds
    {
        QString fromSite;
        QString fromComponent;
        QString toSite;
        QString toComponent;
    };

    void syncSites();
    void addSiteItems(const QString &siteId);
    void removeSiteItems(const QString &siteId);
    ComponentTileItem *addTile(const QString &siteId, const Component &component);
    void applyAppearance(ComponentTileItem *tile, const Component &component);
    void updateSummaries(const QString &siteId);
    void reorderTiles(const QString &siteId);
    void updateLinkDimming();
    void updateSite(const QString &siteId);
    // Recomputes the links reported by these sites (all links when empty).
    void updateLinks(const QStringList &siteIds = {});
    void layout();
    void layoutLinks();
    QPointF linkAnchor(const QString &siteId, const QString &componentId, bool leftSide, bool *found) const;
    void applyStyle();

    void onComponentsChanged(const QList<int> &rows);
    void onAboutToBeInserted(int first, int last);
    void onInserted();
    void onAboutToBeRemoved(int first, int last);
    void onRemoved();

    const FleetTopology &m_topology;
    TopologyStyle m_style;
    TopologyFilter m_filter;
    QString m_searchText;
    double m_watermarkThreshold = 80;

    QHash<QString, SiteItems> m_sites;
    QStringList m_order;
    QHash<QString, double> m_siteX;
    QHash<QString, std::pair<QString, QString>> m_siteGroup; // region, city at the last layout
    std::array<LayerLabelItem *, 5> m_layerLabels{};
    QList<GroupBandItem *> m_bands;
    QHash<QString, ReplicationLinkItem *> m_links;
    QHash<QString, LinkEnds> m_linkEnds;
    QHash<QString, QStringList> m_reported;  // site -> ids of the links it reported last
    QHash<QString, QStringList> m_reporters; // link id -> sites that report it
    QHash<QString, LinkInputs> m_linkInputs;
    bool m_linkDimmingDirty = false; // a tile's dimming changed since the links were dimmed
    QRectF m_contentRect;
    int m_layoutCount = 0;

    std::pair<int, int> m_pendingInsert{-1, -1};
    QList<std::pair<QString, QString>> m_pendingRemoval;
    QTimer *m_ageTimer = nullptr;
};

} // namespace Haven
