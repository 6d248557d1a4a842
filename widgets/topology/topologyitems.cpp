// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologyitems.h"

#include "models/topology/displaynames.h"
#include "topologyscene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <QTextOption>
#include <QtMath>

#include <algorithm>
#include <cmath>

namespace Haven {

namespace {

using namespace TopologyMetrics;

// Below this many on-screen pixels a text is noise, so it is not drawn at all.
constexpr double MinReadablePixels = 6;

const TopologyStyle &styleOf(const QGraphicsItem *item)
{
    return static_cast<const TopologyScene *>(item->scene())->style();
}

const TopologyScene *sceneOf(const QGraphicsItem *item)
{
    return static_cast<const TopologyScene *>(item->scene());
}

double lodOf(const QPainter *painter)
{
    return QStyleOptionGraphicsItem::levelOfDetailFromTransform(painter->worldTransform());
}

bool readable(const QFont &font, double lod)
{
    return font.pixelSize() * lod >= MinReadablePixels;
}

QFont font(int pixels, QFont::Weight weight)
{
    QFont f;
    f.setPixelSize(pixels);
    f.setWeight(weight);
    f.setHintingPreference(QFont::PreferNoHinting); // scaled by the view: hinting would jitter
    return f;
}

QColor blend(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// A rounded label: text on fill, left-aligned at x, vertically centred in [y, y + h].
// Returns its width.
double drawPill(QPainter *painter, double x, double y, double h, const QString &text, const QColor &fill,
                const QColor &textColor)
{
    const QFontMetricsF metrics(painter->font());
    const double w = metrics.horizontalAdvance(text) + h * 0.6;
    const QRectF r(x, y, w, h);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(r, h * 0.25, h * 0.25);
    painter->setPen(textColor);
    painter->drawText(r, Qt::AlignCenter, text);
    return w;
}

void drawGauge(QPainter *painter, const QRectF &r, double percent, double threshold, const QColor &track,
               const QColor &fill, const QColor &over, const QColor &mark)
{
    painter->fillRect(r, track);
    const double p = std::clamp(percent, 0.0, 100.0) / 100.0;
    painter->fillRect(QRectF(r.left(), r.top(), r.width() * p, r.height()), percent >= threshold ? over : fill);
    const double tx = r.left() + r.width() * std::clamp(threshold, 0.0, 100.0) / 100.0;
    painter->fillRect(QRectF(tx - r.height() * 0.15, r.top() - r.height() * 0.35, std::max(1.5, r.height() * 0.3),
                             r.height() * 1.7),
                      mark);
}

QString shortName(const QString &siteId, const QString &componentId)
{
    const QString prefix = siteId + QLatin1Char('-');
    return componentId.startsWith(prefix) ? componentId.mid(prefix.size()) : componentId;
}

QString lagText(double seconds)
{
    if (seconds < 10)
        return QCoreApplication::translate("Haven::ReplicationLinkItem", "%1 s").arg(seconds, 0, 'f', 1);
    if (seconds < 120)
        return QCoreApplication::translate("Haven::ReplicationLinkItem", "%1 s").arg(qRound(seconds));
    if (seconds < 7200)
        return QCoreApplication::translate("Haven::ReplicationLinkItem", "%1 min").arg(qRound(seconds / 60));
    return QCoreApplication::translate("Haven::ReplicationLinkItem", "%1 h").arg(qRound(seconds / 3600));
}

} // namespace

TopologyStyle TopologyStyle::make(ColorScheme scheme)
{
    TopologyStyle s;
    s.scheme = scheme;
    if (scheme == ColorScheme::Dark) {
        s.background = QColor(0x0b, 0x0e, 0x13);
        s.cell = QColor(0x15, 0x1a, 0x21);
        s.cellBorder = QColor(0x2b, 0x33, 0x3e);
        s.header = QColor(0x1a, 0x20, 0x29);
        s.band = QColor(0x22, 0x2a, 0x35);
        s.text = QColor(0xf2, 0xf4, 0xf7);
        s.mutedText = QColor(0xa9, 0xb2, 0xbf);
        s.okTile = QColor(0x1f, 0x3d, 0x34);
        s.okTileText = QColor(0xd3, 0xec, 0xe2);
        s.dimTile = QColor(0x1c, 0x21, 0x28);
        s.highlight = QColor(0x56, 0xb4, 0xe9); // Okabe-Ito sky blue: no status uses it
        s.shade = QColor(0x0b, 0x0e, 0x13, 170);
        s.hatch = QColor(0x8a, 0x93, 0xa0, 150);
        s.linkHealthy = QColor(0x5f, 0x9e, 0x89);
    } else {
        s.background = QColor(0xe9, 0xec, 0xf0);
        s.cell = QColor(0xff, 0xff, 0xff);
        s.cellBorder = QColor(0xcf, 0xd5, 0xdd);
        s.header = QColor(0xff, 0xff, 0xff);
        s.band = QColor(0xd6, 0xdc, 0xe4);
        s.text = QColor(0x15, 0x19, 0x1e);
        s.mutedText = QColor(0x4a, 0x52, 0x5e);
        s.okTile = QColor(0xcd, 0xe6, 0xdc);
        s.okTileText = QColor(0x12, 0x3d, 0x2f);
        s.dimTile = QColor(0xee, 0xf0, 0xf3);
        s.highlight = QColor(0x00, 0x72, 0xb2); // Okabe-Ito blue: no status uses it
        s.shade = QColor(0xc8, 0xcc, 0xd2, 150);
        s.hatch = QColor(0x55, 0x5c, 0x66, 140);
        s.linkHealthy = QColor(0x3f, 0x86, 0x6e);
    }
    for (ComponentStatus status : {ComponentStatus::Ok, ComponentStatus::Warning, ComponentStatus::Critical,
                                   ComponentStatus::Down, ComponentStatus::Unknown}) {
        const StatusStyle st = StatusColors::style(status, scheme);
        s.statusFill[size_t(status)] = st.fill;
        s.statusText[size_t(status)] = st.text;
        s.statusSymbol[size_t(status)] = st.symbol;
    }
    s.siteTitle = font(42, QFont::Bold);
    s.siteLine = font(25, QFont::DemiBold);
    s.small = font(19, QFont::Normal);
    s.layerLabel = font(36, QFont::Bold);
    s.summary = font(24, QFont::Bold);
    s.regionBand = font(28, QFont::Bold);
    s.cityBand = font(24, QFont::DemiBold);
    s.tileName = font(13, QFont::DemiBold);
    s.tileDetail = font(11, QFont::Normal);
    s.badge = font(14, QFont::Bold);
    return s;
}

// --- ComponentTileItem ---------------------------------------------------------------------

ComponentTileItem::ComponentTileItem(QString siteId, QString componentId)
    : m_siteId(std::move(siteId))
    , m_componentId(std::move(componentId))
{
    setZValue(1);
}

QRectF ComponentTileItem::boundingRect() const
{
    return QRectF(-4, -4, TileWidth + 8, TileHeight + 8); // with the search highlight around it
}

bool ComponentTileItem::refresh(const Component &component)
{
    int critical = 0;
    for (const Alert &alert : component.alerts)
        critical += alert.severity == QLatin1StringView("critical") ? 1 : 0;
    const double capacity = component.metrics.value(QStringLiteral("capacity"), -1.0);
    const bool changed = m_status != component.status || m_layer != component.layer
                         || m_alerts != component.alerts.size() || m_criticalAlerts != critical
                         || !qFuzzyCompare(m_capacity + 2, capacity + 2);
    m_status = component.status;
    m_layer = component.layer;
    m_alerts = int(component.alerts.size());
    m_criticalAlerts = critical;
    m_capacity = capacity;
    if (changed)
        update();
    return changed;
}

void ComponentTileItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    update();
}

void ComponentTileItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    update();
}

void ComponentTileItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyStyle &st = styleOf(this);
    const double lod = lodOf(painter);
    const QRectF r(0, 0, TileWidth, TileHeight);
    const bool ok = m_status == ComponentStatus::Ok;
    const QColor &fill = m_dimmed ? st.dimTile : ok ? st.okTile : st.fill(m_status);
    const QColor &ink = m_dimmed ? st.mutedText : ok ? st.okTileText : st.textOn(m_status);

    // From across the room: a solid block in its status colour (search hits in the highlight).
    // A tile is a few pixels there: without antialiasing the fill takes the rasteriser's fast path.
    if (lod < 0.3) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(r, m_highlighted ? st.highlight : fill);
        return;
    }
    if (m_highlighted)
        painter->fillRect(QRectF(-4, -4, TileWidth + 8, TileHeight + 8), st.highlight);
    painter->fillRect(r, fill);

    if (lod < 0.6) {
        if (!ok && !m_dimmed && readable(st.badge, lod * 2)) {
            QFont f = st.badge;
            f.setPixelSize(28);
            painter->setFont(f);
            painter->setPen(ink);
            painter->drawText(r, Qt::AlignCenter, st.symbol(m_status));
        }
        return;
    }

    const bool hasGauge = m_capacity >= 0;
    const double gaugeHeight = hasGauge ? 7 : 0;
    painter->setPen(ink);
    if (lod < 1.6) {
        // The short name (two lines at most) and, for problems, the status symbol.
        painter->setFont(st.tileName);
        const QRectF textRect = r.adjusted(5, 3, -5, -(gaugeHeight + 3));
        if (!ok)
            painter->drawText(textRect, Qt::AlignLeft | Qt::AlignTop, st.symbol(m_status));
        QTextOption option(Qt::AlignLeft | Qt::AlignTop);
        option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
        QString name = shortName(m_siteId, m_componentId);
        name.replace(QLatin1Char('-'), QStringLiteral("-\u200b")); // break after dashes
        const QRectF nameRect = textRect.adjusted(0, 15, 0, 0);
        painter->setClipRect(nameRect); // two lines at most
        painter->drawText(nameRect, name, option);
        painter->setClipping(false);
    } else {
        // Close up: the full name and the main metrics.
        const FleetTopology &topology = sceneOf(this)->topology();
        const int row = topology.rowOf(m_siteId, m_componentId);
        if (row >= 0) {
            const Component &c = topology.component(row);
            painter->setFont(st.tileDetail);
            const QRectF textRect = r.adjusted(5, 3, -5, -(gaugeHeight + 3));
            QString detail = st.symbol(m_status) + QLatin1Char(' ') + c.name;
            QStringList metrics;
            for (const auto &key : {QStringLiteral("cpu"), QStringLiteral("memory"), QStringLiteral("capacity")}) {
                auto it = c.metrics.constFind(key);
                if (it != c.metrics.cend())
                    metrics.append(key.left(3) + QLatin1Char(' ') + QString::number(qRound(*it)));
            }
            const QRectF nameRect = textRect.adjusted(0, 0, 0, -13); // the metrics line stays free
            painter->setClipRect(nameRect);
            painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, detail);
            painter->setClipping(false);
            painter->drawText(textRect, Qt::AlignLeft | Qt::AlignBottom, metrics.join(QLatin1Char(' ')));
        }
    }

    if (hasGauge) {
        const QColor track = m_dimmed ? st.cellBorder : blend(fill, ink, 0.2);
        drawGauge(painter, QRectF(5, TileHeight - gaugeHeight - 3, TileWidth - 10, gaugeHeight), m_capacity,
                  sceneOf(this)->watermarkThreshold(), track, blend(fill, ink, 0.55),
                  st.fill(ComponentStatus::Critical), ink);
    }

    if (m_alerts > 0 && !m_dimmed) {
        const QColor badgeFill = st.fill(m_criticalAlerts > 0 ? ComponentStatus::Critical : ComponentStatus::Warning);
        const QColor badgeText = st.textOn(m_criticalAlerts > 0 ? ComponentStatus::Critical : ComponentStatus::Warning);
        const QRectF badge(TileWidth - 25, 3, 22, 22);
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(QPen(ink, 1.5));
        painter->setBrush(badgeFill);
        painter->drawEllipse(badge);
        painter->setFont(st.badge);
        painter->setPen(badgeText);
        painter->drawText(badge, Qt::AlignCenter, m_alerts > 99 ? QStringLiteral("99+") : QString::number(m_alerts));
    }
}

// --- LayerCellItem -------------------------------------------------------------------------

LayerCellItem::LayerCellItem(QString siteId, Layer layer)
    : m_siteId(std::move(siteId))
    , m_layer(layer)
{
    setZValue(0);
}

void LayerCellItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void LayerCellItem::setSummary(const Summary &summary)
{
    if (summary == m_summary)
        return;
    m_summary = summary;
    update();
}

void LayerCellItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyStyle &st = styleOf(this);
    const double lod = lodOf(painter);
    painter->setRenderHint(QPainter::Antialiasing, false); // axis-aligned fills: crisp and fast
    painter->fillRect(m_rect, st.cell);
    const bool problem = m_summary.problems > 0;
    if (problem) // a stripe on the left edge: the cell needs attention
        painter->fillRect(QRectF(m_rect.left(), m_rect.top(), 6, m_rect.height()), st.fill(m_summary.worst));
    if (lod < 0.3)
        return;
    painter->setPen(QPen(st.cellBorder, 0));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(m_rect);

    if (!readable(st.summary, lod))
        return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setFont(st.summary);
    const QFontMetricsF metrics(st.summary);
    const double h = 32;
    const double y = m_rect.top() + (SummaryHeight - h) / 2 + 1;
    double x = m_rect.left() + CellPadding;
    if (!problem) {
        painter->setPen(st.mutedText);
        const QString text = st.symbol(ComponentStatus::Ok) + QLatin1Char(' ') + QString::number(m_summary.total);
        painter->drawText(QRectF(x, y, 200, h), Qt::AlignLeft | Qt::AlignVCenter, text);
        x += metrics.horizontalAdvance(text) + 14;
    } else {
        const int unknown = m_summary.problems - m_summary.warning - m_summary.critical;
        const std::pair<ComponentStatus, int> parts[] = {{ComponentStatus::Critical, m_summary.critical},
                                                         {ComponentStatus::Warning, m_summary.warning},
                                                         {ComponentStatus::Unknown, unknown}};
        for (const auto &[status, count] : parts) {
            if (count == 0)
                continue;
            const ComponentStatus shown = status == ComponentStatus::Critical ? m_summary.worst == ComponentStatus::Down
                                                                                    ? ComponentStatus::Down
                                                                                    : ComponentStatus::Critical
                                                                              : status;
            x += drawPill(painter, x, y, h, st.symbol(shown) + QLatin1Char(' ') + QString::number(count),
                          st.fill(shown), st.textOn(shown))
                 + 8;
        }
        painter->setPen(st.mutedText);
        const QString of = QCoreApplication::translate("Haven::LayerCellItem", "of %1").arg(m_summary.total);
        painter->drawText(QRectF(x, y, 200, h), Qt::AlignLeft | Qt::AlignVCenter, of);
        x += metrics.horizontalAdvance(of) + 14;
    }
    if (m_summary.alerts > 0) {
        painter->setPen(st.text);
        const QString alerts = m_summary.alerts == 1 ? QCoreApplication::translate("Haven::LayerCellItem", "1 alert")
                                                     : QCoreApplication::translate("Haven::LayerCellItem", "%1 alerts")
                                                           .arg(m_summary.alerts);
        painter->drawText(QRectF(x, y, 260, h), Qt::AlignLeft | Qt::AlignVCenter, alerts);
    }
    if (m_summary.capacity >= 0) {
        // Watermark (水位): the fullest component of the cell against the threshold.
        const double threshold = sceneOf(this)->watermarkThreshold();
        const bool over = m_summary.capacity >= threshold;
        const QString percent = QString::number(qRound(m_summary.capacity)) + QLatin1Char('%');
        const double pw = metrics.horizontalAdvance(QStringLiteral("100%"));
        const double right = m_rect.right() - CellPadding;
        const QRectF gauge(right - pw - 8 - 110, y + h / 2 - 6, 110, 12);
        painter->setPen(over ? st.fill(ComponentStatus::Critical) : st.text);
        painter->drawText(QRectF(right - pw, y, pw, h), Qt::AlignRight | Qt::AlignVCenter, percent);
        drawGauge(painter, gauge, m_summary.capacity, threshold, st.cellBorder, st.mutedText,
                  st.fill(ComponentStatus::Critical), st.text);
        painter->setFont(st.small);
        painter->setPen(st.mutedText);
        const QString label = QCoreApplication::translate("Haven::LayerCellItem", "Watermark");
        const double lw = QFontMetricsF(st.small).horizontalAdvance(label);
        if (gauge.left() - lw - 8 > x + 120)
            painter->drawText(QRectF(gauge.left() - lw - 8, y, lw, h), Qt::AlignRight | Qt::AlignVCenter, label);
    }
}

// --- SiteHeaderItem ------------------------------------------------------------------------

SiteRectItem::SiteRectItem(QString siteId)
    : m_siteId(std::move(siteId))
{ }

void SiteRectItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

SiteHeaderItem::SiteHeaderItem(QString siteId)
    : SiteRectItem(std::move(siteId))
{
    setZValue(6); // above the stale shade: the name and the data age stay readable
}

void SiteHeaderItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyScene *scene = sceneOf(this);
    const TopologyStyle &st = scene->style();
    const SiteState *site = scene->topology().site(siteId());
    if (!site)
        return;
    const double lod = lodOf(painter);
    const bool stale = scene->isSiteStale(siteId());

    painter->fillRect(rect(), stale ? blend(st.header, st.background, 0.6) : st.header);
    QColor reachColor = st.mutedText;
    ComponentStatus reachStatus = ComponentStatus::Unknown;
    switch (site->reachability) {
    case Reachability::Online:
        reachStatus = ComponentStatus::Ok;
        break;
    case Reachability::Slow:
        reachStatus = ComponentStatus::Warning;
        break;
    case Reachability::Unreachable:
        reachStatus = ComponentStatus::Down;
        break;
    case Reachability::Unknown:
        break;
    }
    reachColor = st.fill(reachStatus);
    // A strip along the top: calm when online, loud when the agent is slow or gone.
    painter->fillRect(QRectF(rect().left(), rect().top(), rect().width(), 8),
                      reachStatus == ComponentStatus::Ok ? st.okTile : reachColor);
    if (!readable(st.siteTitle, lod))
        return;

    painter->setRenderHint(QPainter::Antialiasing, true);
    const double left = rect().left() + 16;
    const double width = rect().width() - 32;
    painter->setFont(st.siteTitle);
    painter->setPen(stale ? st.mutedText : st.text);
    painter->drawText(QRectF(left, rect().top() + 12, width, 52), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(st.siteTitle).elidedText(site->displayName(), Qt::ElideRight, width));

    if (!readable(st.siteLine, lod))
        return;
    painter->setFont(st.siteLine);
    const double lineY = rect().top() + 68;
    const double lineH = 34;
    double x = left;
    const QString reach = st.symbol(reachStatus) + QLatin1Char(' ') + DisplayNames::reachability(site->reachability);
    if (reachStatus == ComponentStatus::Ok) {
        painter->setPen(st.text);
        painter->drawText(QRectF(x, lineY, width, lineH), Qt::AlignLeft | Qt::AlignVCenter, reach);
        x += QFontMetricsF(st.siteLine).horizontalAdvance(reach) + 16;
    } else {
        x += drawPill(painter, x, lineY, lineH, reach, reachColor, st.textOn(reachStatus)) + 12;
    }
    const QString age = scene->dataAgeText(siteId());
    if (!age.isEmpty()) {
        const QString text = site->fromCache
                                 ? QCoreApplication::translate("Haven::SiteHeaderItem", "cached, %1").arg(age)
                                 : age;
        drawPill(painter, x, lineY, lineH, text, st.fill(ComponentStatus::Warning), st.textOn(ComponentStatus::Warning));
    }

    if (!readable(st.small, lod))
        return;
    // Traffic share per product group: who would feel it if this site went dark.
    painter->setFont(st.small);
    const double top = lineY + lineH + 10;
    const double bottom = rect().bottom() - 8;
    if (site->traffic.isEmpty()) {
        painter->setPen(st.mutedText);
        painter->drawText(QRectF(left, top, width, 26), Qt::AlignLeft | Qt::AlignVCenter,
                          QCoreApplication::translate("Haven::SiteHeaderItem", "no traffic reported"));
        return;
    }
    const double rowH = std::min(24.0, (bottom - top) / double(site->traffic.size()));
    const double nameW = 130;
    const double pctW = QFontMetricsF(st.small).horizontalAdvance(QStringLiteral("100%")) + 4;
    const double barW = width - nameW - pctW - 12;
    double y = top;
    for (auto it = site->traffic.cbegin(); it != site->traffic.cend() && y + rowH <= bottom + 1; ++it, y += rowH) {
        painter->setPen(st.mutedText);
        painter->drawText(QRectF(left, y, nameW - 8, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetricsF(st.small).elidedText(it.key(), Qt::ElideRight, nameW - 8));
        const QRectF bar(left + nameW, y + rowH * 0.22, barW, rowH * 0.56);
        painter->fillRect(bar, st.band);
        const double share = std::clamp(it.value(), 0.0, 100.0) / 100.0;
        painter->fillRect(QRectF(bar.left(), bar.top(), bar.width() * share, bar.height()),
                          stale ? st.mutedText : st.highlight);
        painter->setPen(st.text);
        painter->drawText(QRectF(bar.right() + 4, y, pctW + 8, rowH), Qt::AlignRight | Qt::AlignVCenter,
                          QString::number(qRound(it.value())) + QLatin1Char('%'));
    }
}

// --- SiteShadeItem -------------------------------------------------------------------------

SiteShadeItem::SiteShadeItem(QString siteId)
    : SiteRectItem(std::move(siteId))
{
    setZValue(5);
    setVisible(false);
}

void SiteShadeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyStyle &st = styleOf(this);
    painter->fillRect(rect(), st.shade);
    painter->fillRect(rect(), QBrush(st.hatch, Qt::BDiagPattern));
}

// --- LayerLabelItem ------------------------------------------------------------------------

LayerLabelItem::LayerLabelItem(Layer layer)
    : m_layer(layer)
{
    setZValue(6);
}

void LayerLabelItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void LayerLabelItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyStyle &st = styleOf(this);
    const double lod = lodOf(painter);
    painter->fillRect(QRectF(m_rect.right() - 6, m_rect.top(), 6, m_rect.height()), st.band);
    QFont f = st.layerLabel;
    // Far away the label grows (up to the row's height) so the rows stay named.
    if (f.pixelSize() * lod < 18)
        f.setPixelSize(int(std::min(m_rect.height() * 0.45, 18 / lod)));
    const QString name = DisplayNames::layer(m_layer);
    const QRectF textRect = m_rect.adjusted(0, 0, -20, 0);
    const double needed = QFontMetricsF(f).horizontalAdvance(name);
    if (needed > textRect.width())
        f.setPixelSize(std::max(1, int(f.pixelSize() * textRect.width() / needed)));
    if (f.pixelSize() * lod < MinReadablePixels)
        return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setFont(f);
    painter->setPen(st.text);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, name);
}

// --- GroupBandItem -------------------------------------------------------------------------

GroupBandItem::GroupBandItem(QString title, bool region)
    : m_title(std::move(title))
    , m_region(region)
{
    setZValue(6);
}

void GroupBandItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void GroupBandItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const TopologyStyle &st = styleOf(this);
    const double lod = lodOf(painter);
    if (m_region) {
        painter->fillRect(m_rect, st.band);
    } else {
        painter->fillRect(QRectF(m_rect.left(), m_rect.bottom() - 4, m_rect.width(), 4), st.band);
    }
    const QFont &f = m_region ? st.regionBand : st.cityBand;
    if (!readable(f, lod))
        return;
    painter->setRenderHint(QPainter::Antialiasing, true);
    painter->setFont(f);
    painter->setPen(m_region ? st.text : st.mutedText);
    painter->drawText(m_rect.adjusted(14, 0, -14, 0), Qt::AlignLeft | Qt::AlignVCenter, m_title);
}

// --- ReplicationLinkItem -------------------------------------------------------------------

ReplicationLinkItem::ReplicationLinkItem(QString linkId)
    : m_linkId(std::move(linkId))
{
    setZValue(3);
}

bool ReplicationLinkItem::refresh(ReplicationState state, double lagSeconds)
{
    if (state == m_state && qFuzzyCompare(lagSeconds + 1, m_lagSeconds + 1))
        return false;
    m_state = state;
    m_lagSeconds = lagSeconds;
    update();
    return true;
}

void ReplicationLinkItem::setDimmed(bool dimmed)
{
    if (dimmed == m_dimmed)
        return;
    m_dimmed = dimmed;
    update();
}

void ReplicationLinkItem::setEnds(const QPointF &from, const QPointF &to, double bow)
{
    prepareGeometryChange();
    const double dx = to.x() - from.x();
    QPainterPath path(from);
    if (bow > 0)
        path.cubicTo(QPointF(from.x() + dx * 0.3, from.y() - bow), QPointF(to.x() - dx * 0.3, to.y() - bow), to);
    else
        path.cubicTo(QPointF(from.x() + dx * 0.5, from.y()), QPointF(to.x() - dx * 0.5, to.y()), to);
    m_path = path;
    m_long = bow > 0;
    m_mid = path.pointAtPercent(0.5);
    m_to = to;
    m_endAngle = path.angleAtPercent(1.0);
    m_bounds = path.boundingRect().adjusted(-60, -30, 60, 30);
}

QPainterPath ReplicationLinkItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(14);
    return stroker.createStroke(m_path);
}

void ReplicationLinkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    if (m_path.isEmpty())
        return;
    const TopologyStyle &st = styleOf(this);
    const double lod = lodOf(painter);
    QColor color = st.linkHealthy;
    if (m_state == ReplicationState::Lagging)
        color = st.fill(ComponentStatus::Warning);
    else if (m_state == ReplicationState::Broken)
        color = st.fill(ComponentStatus::Critical);
    if (m_dimmed)
        color = st.cellBorder;
    else if (m_long && m_state == ReplicationState::Healthy)
        color.setAlphaF(0.55f); // healthy links across other sites stay in the background
    const double width = std::max(m_state == ReplicationState::Healthy ? 3.0 : 6.0, 1.5 / lod);
    QPen pen(color, width, m_state == ReplicationState::Broken ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    if (lod < 0.3) {
        // From across the room a curve and a straight line look alike; the line is far cheaper.
        painter->setRenderHint(QPainter::Antialiasing, false);
        const QPointF from = m_path.elementAt(0);
        painter->drawLine(from, m_to);
        return;
    }
    painter->drawPath(m_path);

    // The arrow at the standby end: data flows that way.
    const double size = std::max(18.0, 7 / lod);
    const double a = qDegreesToRadians(m_endAngle);
    const QPointF dir(std::cos(a), -std::sin(a));
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = m_to - dir * size;
    const QPointF arrow[3] = {m_to, base + normal * (size * 0.5), base - normal * (size * 0.5)};
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(arrow, 3);

    // The lag: always for a problem, close up for healthy links.
    if (m_dimmed || !readable(st.badge, lod * 1.15) || (m_state == ReplicationState::Healthy && lod < 1.2))
        return;
    QFont f = st.badge;
    f.setPixelSize(16);
    painter->setFont(f);
    const QString text = lagText(m_lagSeconds);
    const QFontMetricsF metrics(f);
    const double w = metrics.horizontalAdvance(text) + 12;
    const double h = 22;
    const QRectF pill(m_mid.x() - w / 2, m_mid.y() - h / 2, w, h);
    painter->setPen(QPen(color, 2));
    painter->setBrush(st.header);
    painter->drawRoundedRect(pill, 6, 6);
    painter->setPen(st.text);
    painter->drawText(pill, Qt::AlignCenter, text);
}

} // namespace Haven
