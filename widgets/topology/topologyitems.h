// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/topology/fleettopology.h"
#include "protocol/protocol.h"
#include "widgets/common/statuscolors.h"

#include <QFont>
#include <QGraphicsItem>
#include <QPainterPath>

#include <array>

namespace Haven {

class TopologyScene;

// Sizes in scene units. At the default fit of three sites on a 1920×1080 wall one unit is close
// to one pixel, so the fonts below are what an operator reads from 5 m.
namespace TopologyMetrics {
inline constexpr double Margin = 24;
inline constexpr double LabelWidth = 270;
inline constexpr int TileColumns = 6;
inline constexpr double TileWidth = 84;
inline constexpr double TileHeight = 56;
inline constexpr double TileGap = 8;
inline constexpr double CellPadding = 12;
inline constexpr double SiteWidth = TileColumns * TileWidth + (TileColumns - 1) * TileGap + 2 * CellPadding;
inline constexpr double SiteGap = 76;   // a corridor for the replication links
inline constexpr double CityGap = 16;   // extra space between cities
inline constexpr double RegionGap = 40; // extra space between regions
inline constexpr double RegionBandHeight = 46;
inline constexpr double CityBandHeight = 38;
inline constexpr double SiteHeaderHeight = 182;
inline constexpr double SummaryHeight = 46;
inline constexpr double LayerGap = 10;
} // namespace TopologyMetrics

// Colours and fonts shared by all items of one scene.
struct TopologyStyle
{
    ColorScheme scheme = ColorScheme::Light;
    QColor background;
    QColor cell;
    QColor cellBorder;
    QColor header;
    QColor band;
    QColor text;
    QColor mutedText;
    QColor okTile; // calm: OK must not shout
    QColor okTileText;
    QColor dimTile;
    QColor highlight;
    QColor shade;
    QColor hatch;
    QColor linkHealthy;
    std::array<QColor, 5> statusFill; // by ComponentStatus
    std::array<QColor, 5> statusText;
    std::array<QString, 5> statusSymbol;
    QFont siteTitle;
    QFont siteLine;
    QFont small;
    QFont layerLabel;
    QFont summary;
    QFont regionBand;
    QFont cityBand;
    QFont tileName;
    QFont tileDetail;
    QFont badge;

    static TopologyStyle make(ColorScheme scheme);
    const QColor &fill(ComponentStatus status) const { return statusFill[size_t(status)]; }
    const QColor &textOn(ComponentStatus status) const { return statusText[size_t(status)]; }
    const QString &symbol(ComponentStatus status) const { return statusSymbol[size_t(status)]; }
};

// Graphics items of the runtime dashboard. They hold ids (site, component, layer, link) and
// the few derived values they paint (status, alert count, watermark), refreshed by the scene
// from FleetTopology's signals. Everything is drawn with QPainter: no widgets or text items, so
// a scene of 10,000 components stays fast.
//
// Level of detail: lod is the view's scale (1 = one scene unit per pixel). Items decide from it
// what is readable: solid status blocks from across the room, names and metrics close up.

enum class TopologyItemType {
    Tile = QGraphicsItem::UserType + 401,
    Cell,
    SiteHeader,
    SiteShade,
    LayerLabel,
    GroupBand,
    Link,
};

// One component.
class ComponentTileItem final : public QGraphicsItem
{
public:
    ComponentTileItem(QString siteId, QString componentId);

    enum { Type = int(TopologyItemType::Tile) };
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &siteId() const { return m_siteId; }
    const QString &componentId() const { return m_componentId; }

    // Takes what paint() needs from the component; returns true (and schedules a repaint) when
    // something visible changed.
    bool refresh(const Component &component);
    ComponentStatus status() const { return m_status; }
    Layer layer() const { return m_layer; }
    int alertCount() const { return m_alerts; }
    double capacity() const { return m_capacity; } // percent, < 0 when not reported

    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

private:
    QString m_siteId;
    QString m_componentId;
    ComponentStatus m_status = ComponentStatus::Unknown;
    Layer m_layer = Layer::Business;
    int m_alerts = 0;
    int m_criticalAlerts = 0;
    double m_capacity = -1;
    bool m_dimmed = false;
    bool m_highlighted = false;
};

// One site × layer: the cell background and its summary line (counts, alerts, watermark).
class LayerCellItem final : public QGraphicsItem
{
public:
    struct Summary
    {
        int total = 0;
        int problems = 0; // not OK (warning, critical, down, unknown)
        int warning = 0;
        int critical = 0; // critical or down
        int alerts = 0;
        double capacity = -1; // the highest watermark in the cell, percent
        ComponentStatus worst = ComponentStatus::Ok;
        friend bool operator==(const Summary &, const Summary &) = default;
    };

    LayerCellItem(QString siteId, Layer layer);

    enum { Type = int(TopologyItemType::Cell) };
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &siteId() const { return m_siteId; }
    Layer layer() const { return m_layer; }
    void setRect(const QRectF &rect);
    void setSummary(const Summary &summary);
    const Summary &summary() const { return m_summary; }

private:
    QString m_siteId;
    Layer m_layer;
    QRectF m_rect;
    Summary m_summary;
};

// An item covering part of one site's column: it knows its site and its rectangle.
class SiteRectItem : public QGraphicsItem
{
public:
    explicit SiteRectItem(QString siteId);

    QRectF boundingRect() const override { return m_rect; }
    const QString &siteId() const { return m_siteId; }
    void setRect(const QRectF &rect);

protected:
    const QRectF &rect() const { return m_rect; }

private:
    QString m_siteId;
    QRectF m_rect;
};

// The head of a site column: name, reachability, traffic share per product group, data age.
class SiteHeaderItem final : public SiteRectItem
{
public:
    explicit SiteHeaderItem(QString siteId);

    enum { Type = int(TopologyItemType::SiteHeader) };
    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

// Greys and hatches a whole site column while its data is stale (from the cache or unreachable).
class SiteShadeItem final : public SiteRectItem
{
public:
    explicit SiteShadeItem(QString siteId);

    enum { Type = int(TopologyItemType::SiteShade) };
    int type() const override { return Type; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;
};

// The name of a layer at the left of its row.
class LayerLabelItem final : public QGraphicsItem
{
public:
    explicit LayerLabelItem(Layer layer);

    enum { Type = int(TopologyItemType::LayerLabel) };
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    Layer layer() const { return m_layer; }
    void setRect(const QRectF &rect);

private:
    Layer m_layer;
    QRectF m_rect;
};

// A region or city band above the sites it groups.
class GroupBandItem final : public QGraphicsItem
{
public:
    GroupBandItem(QString title, bool region);

    enum { Type = int(TopologyItemType::GroupBand) };
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &title() const { return m_title; }
    void setRect(const QRectF &rect);

private:
    QString m_title;
    bool m_region;
    QRectF m_rect;
};

// A data replication link between two sites, deduplicated by link id.
class ReplicationLinkItem final : public QGraphicsItem
{
public:
    explicit ReplicationLinkItem(QString linkId);

    enum { Type = int(TopologyItemType::Link) };
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const QString &linkId() const { return m_linkId; }
    // Returns true (and schedules a repaint) when the state or the lag changed.
    bool refresh(ReplicationState state, double lagSeconds);
    ReplicationState state() const { return m_state; }
    double lagSeconds() const { return m_lagSeconds; }
    // from and to in scene coordinates; bow bends the curve (0 for neighbouring sites).
    void setEnds(const QPointF &from, const QPointF &to, double bow);
    bool isLong() const { return m_long; } // jumps over other sites

    void setDimmed(bool dimmed);
    bool isDimmed() const { return m_dimmed; }

private:
    QString m_linkId;
    ReplicationState m_state = ReplicationState::Healthy;
    double m_lagSeconds = 0;
    QPainterPath m_path;
    QPointF m_mid;
    QPointF m_to;
    bool m_long = false;
    double m_endAngle = 0; // degrees, direction of travel at the standby end
    QRectF m_bounds;
    bool m_dimmed = false;
};

} // namespace Haven
