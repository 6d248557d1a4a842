// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one edge path of every graph view: the curve from an output port to an input port, and how
// an edge is drawn along it (line, arrowhead along the end tangent, optional label on its middle).

#include <QColor>
#include <QPainterPath>
#include <QPalette>
#include <QString>

class QPainter;

namespace Haven {

struct EdgeStyle
{
    QColor color;
    double width = 1.8;
    Qt::PenStyle penStyle = Qt::SolidLine;
    double arrowSize = 9;    // length of the arrowhead along the curve
    double targetGap = 8;    // the arrow's tip stops this far before the input port
    double minimumBend = 48; // the curve leaves and enters its ports horizontally for at least this
};

// A horizontal S-curve from `from` (an output port) to `to` (an input port, or the point the
// arrow's tip stops at): control points half the horizontal distance out, at least minimumBend.
QPainterPath edgePath(const QPointF &from, const QPointF &to, double minimumBend = 48);

// Where an edge's label goes: centred on the middle of the path, in the font given.
QRectF edgeLabelRect(const QPainterPath &path, const QString &label, const QFont &font);

// Draws the path, the arrowhead at its end and, when label is not empty, the label in a small
// box of the palette's base colour on the path's middle.
void drawEdge(QPainter *painter, const QPainterPath &path, const EdgeStyle &style, const QString &label = {},
              const QPalette &palette = {});

} // namespace Haven
