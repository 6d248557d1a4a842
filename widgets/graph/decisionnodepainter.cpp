// SPDX-License-Identifier: GPL-3.0-or-later
#include "decisionnodepainter.h"

#include <QFontMetricsF>
#include <QPainter>

namespace Haven {

namespace {

constexpr double Point = 18; // how far a check's pointed ends reach in

} // namespace

DecisionNodePainter::DecisionNodePainter(Shape shape, Describe describe)
    : m_shape(shape)
    , m_describe(std::move(describe))
{ }

QPainterPath DecisionNodePainter::outline() const
{
    QPainterPath path;
    if (m_shape == Shape::Conclusion) {
        path.addRoundedRect(QRectF(0, 0, Width, Height), 8, 8);
        return path;
    }
    path.addPolygon(QPolygonF{{0, Height / 2},
                              {Point, 0},
                              {Width - Point, 0},
                              {Width, Height / 2},
                              {Width - Point, Height},
                              {Point, Height},
                              {0, Height / 2}});
    return path;
}

QString DecisionNodePainter::toolTip(NodeId id) const
{
    const std::optional<DecisionView> view = m_describe(id);
    if (!view)
        return {};
    return view->detail.isEmpty() ? view->title : view->title + QLatin1Char('\n') + view->detail;
}

void DecisionNodePainter::paint(QPainter *painter, const NodePaintContext &context) const
{
    const std::optional<DecisionView> view = m_describe(context.id);
    if (!view)
        return;
    const QPalette &palette = context.palette;
    const QColor accent = view->accent.isValid() ? view->accent : palette.color(QPalette::Highlight);
    painter->setRenderHint(QPainter::Antialiasing);

    QPen border(palette.color(QPalette::Mid), 1.2);
    if (context.connectState != 0)
        border = QPen(accent, 3, context.connectState > 0 ? Qt::SolidLine : Qt::DashLine);
    if (context.selected)
        border = QPen(palette.color(QPalette::Highlight), 3);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    const QPainterPath body = outline();
    painter->drawPath(body);
    if (m_shape == Shape::Conclusion) {
        QPainterPath strip;
        strip.addRect(QRectF(0, 0, 7, Height));
        painter->setPen(Qt::NoPen);
        painter->setBrush(accent);
        painter->drawPath(body.intersected(strip));
    }
    if (context.levelOfDetail < 0.35)
        return;

    const double left = m_shape == Shape::Check ? Point : 14;
    const double width = Width - left - (m_shape == Shape::Check ? Point : 8);
    QFont font = painter->font();
    font.setPointSizeF(11);
    font.setBold(true);
    QFontMetricsF metrics(font);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(QRectF(left, 10, width, metrics.height()), Qt::AlignCenter,
                      metrics.elidedText(view->title, Qt::ElideRight, width));
    font.setBold(false);
    font.setPointSizeF(9.5);
    metrics = QFontMetricsF(font);
    painter->setFont(font);
    QColor dim = palette.color(QPalette::Text);
    dim.setAlphaF(0.68f);
    painter->setPen(dim);
    painter->drawText(QRectF(left, 38, width, metrics.height()), Qt::AlignCenter,
                      metrics.elidedText(view->detail, Qt::ElideRight, width));
}

} // namespace Haven
