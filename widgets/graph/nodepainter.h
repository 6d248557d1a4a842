// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// How one kind of node looks. A GraphScene holds one painter per node kind ("step", "check",
// "conclusion"); its items hold only a node id and ask the painter to draw that id, so a painter
// reads the owner's data (a plan document, an execution) by id and never keeps a copy.

#include "models/graph/graphtypes.h"

#include <QPainterPath>
#include <QPalette>
#include <QSizeF>

class QPainter;

namespace Haven {

struct NodePaintContext
{
    NodeId id = InvalidNodeId;
    QPalette palette;
    bool selected = false;
    double levelOfDetail = 1; // below ~0.35 text is unreadable: draw shapes only
    // While a connection is dragged over the node: +1 accepted, -1 refused, 0 not a target.
    int connectState = 0;
};

class NodePainter
{
public:
    NodePainter() = default;
    NodePainter(const NodePainter &) = delete;
    NodePainter &operator=(const NodePainter &) = delete;
    virtual ~NodePainter() = default;

    // The node's box; (0, 0) is the node's position. Ports sit on the middle of the left (input)
    // and right (output) sides.
    virtual QSizeF size() const = 0;
    // Room drawn around the box (ports, selection and attention rings).
    virtual double margin() const = 0;
    // What a click hits; the box and its margin unless the painter says otherwise.
    virtual QPainterPath shape() const
    {
        QPainterPath path;
        const double m = margin();
        path.addRect(QRectF(QPointF(-m, -m), size() + QSizeF(2 * m, 2 * m)));
        return path;
    }
    virtual void paint(QPainter *painter, const NodePaintContext &context) const = 0;
    virtual QString toolTip(NodeId id) const = 0;
};

} // namespace Haven
