// SPDX-License-Identifier: GPL-3.0-or-later
#include "edgepath.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace Haven {

QPainterPath edgePath(const QPointF &from, const QPointF &to, double minimumBend)
{
    const double dx = std::max(minimumBend, std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

QRectF edgeLabelRect(const QPainterPath &path, const QString &label, const QFont &font)
{
    if (label.isEmpty() || path.isEmpty())
        return {};
    const QFontMetricsF metrics(font);
    const QSizeF size(metrics.horizontalAdvance(label) + 12, metrics.height() + 4);
    QRectF box(QPointF(), size);
    box.moveCenter(path.pointAtPercent(0.5));
    return box;
}

void drawEdge(QPainter *painter, const QPainterPath &path, const EdgeStyle &style, const QString &label,
              const QPalette &palette)
{
    if (path.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(style.color, style.width, style.penStyle, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path);

    // The arrowhead points along the curve's end tangent.
    const QPointF tip = path.pointAtPercent(1);
    const double angle = path.angleAtPercent(1) * M_PI / 180;
    const QPointF direction(std::cos(angle), -std::sin(angle));
    const QPointF normal(-direction.y(), direction.x());
    const double size = style.arrowSize;
    painter->setPen(Qt::NoPen);
    painter->setBrush(style.color);
    painter->drawPolygon(
        QPolygonF{tip, tip - direction * size + normal * size * 0.5, tip - direction * size - normal * size * 0.5});

    if (label.isEmpty())
        return;
    const QRectF box = edgeLabelRect(path, label, painter->font());
    painter->setPen(QPen(style.color, 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(box, Qt::AlignCenter, label);
}

} // namespace Haven
