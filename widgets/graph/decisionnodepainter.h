// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A node of a diagnosis decision tree (故障诊断决策树): a check is a hexagon, pointed where its
// question comes in and its answers go out (the answers are the labelled edges); a conclusion is
// a rounded box with its accent colour (a risk level) as a strip. Text comes from the owner.

#include "nodepainter.h"

#include <QColor>
#include <QString>

#include <functional>
#include <optional>

namespace Haven {

struct DecisionView
{
    QString title;  // the question, or the conclusion
    QString detail; // how it is checked, or what to do
    QColor accent;  // invalid: the palette's highlight
};

class DecisionNodePainter final : public NodePainter
{
public:
    enum class Shape { Check, Conclusion };
    static constexpr double Width = 220;
    static constexpr double Height = 72;

    using Describe = std::function<std::optional<DecisionView>(NodeId)>;
    DecisionNodePainter(Shape shape, Describe describe);

    Shape nodeShape() const { return m_shape; }
    QSizeF size() const override { return {Width, Height}; }
    double margin() const override { return 6; }
    QPainterPath shape() const override { return outline(); }
    void paint(QPainter *painter, const NodePaintContext &context) const override;
    QString toolTip(NodeId id) const override;

private:
    QPainterPath outline() const;

    Shape m_shape;
    Describe m_describe;
};

} // namespace Haven
