// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A step of a running plan, read from across the room: a box in its run state's colour (hatched
// for states that need a second look), its name on up to two lines, the state and its clock in
// big type, operation and sites, the last message; a breathing ring while it awaits approval.
// What a box shows comes from the owner (an execution), asked by node id at each paint.

#include "nodepainter.h"

#include <QColor>
#include <QString>

#include <functional>
#include <optional>

namespace Haven {

struct RunStateView
{
    QColor fill;
    QColor text;
    bool hatched = false;
    bool pulsing = false; // awaiting approval: the outline pulses
    QString name;
    QString stateText;  // "▶ Running 2/3"
    QString timeText;   // elapsed while running, duration when done, "retry in 0:12" while waiting
    QString detailText; // operation · sites
    QString message;    // the last outcome, or who approved / why skipped
};

class RunStatePainter final : public NodePainter
{
public:
    static constexpr double Width = 340;
    static constexpr double Height = 150;

    using Describe = std::function<std::optional<RunStateView>(NodeId)>;
    // pulse: whether the approval ring is in its wide phase now.
    RunStatePainter(Describe describe, std::function<bool()> pulse);

    QSizeF size() const override { return {Width, Height}; }
    double margin() const override { return 14; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const NodePaintContext &context) const override;
    QString toolTip(NodeId id) const override;

private:
    Describe m_describe;
    std::function<bool()> m_pulse;
};

} // namespace Haven
