// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The graphics items of a GraphScene. They hold ids, never data: a node item asks its kind's
// painter to draw its id, an edge item asks the scene for its style and the model for its label.

#include "models/graph/graphtypes.h"

#include <QGraphicsItem>
#include <QGraphicsPathItem>

namespace Haven {

class GraphScene;
class NodePainter;

class GraphNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 701 };

    GraphNodeItem(GraphScene &scene, NodeId id);
    int type() const override { return Type; }
    NodeId nodeId() const { return m_id; }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QSizeF size() const;
    QPointF inputPort() const; // scene coordinates
    QPointF outputPort() const;
    // While a connection is dragged over the node: +1 accepted, -1 refused, 0 not a target.
    void setConnectState(int state);
    int connectState() const { return m_connectState; }
    // Follows the model's position and the painter's tooltip, and repaints.
    void refresh();

private:
    const NodePainter &painter() const;

    GraphScene &m_scene;
    NodeId m_id;
    int m_connectState = 0;
};

class GraphEdgeItem final : public QGraphicsPathItem
{
public:
    enum { Type = UserType + 702 };

    GraphEdgeItem(GraphScene &scene, const EdgeKey &key);
    int type() const override { return Type; }
    EdgeKey key() const { return m_key; }

    void updatePath(); // after either end moved
    void refresh();    // the tooltip, then the path
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GraphScene &m_scene;
    EdgeKey m_key;
};

} // namespace Haven
