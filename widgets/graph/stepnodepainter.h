// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A plan step in the editor: name, operation, target and product group, badges for approval,
// guard, retries and on-failure, the validation mark, the layer's colour strip, and two ports.

#include "nodepainter.h"

#include <QCoreApplication>

namespace Haven {

class PlanDocument;
struct PlanIssue;

class StepNodePainter final : public NodePainter
{
    // The editor's strings keep the context they were translated under.
    Q_DECLARE_TR_FUNCTIONS(Haven::PlanGraphScene)
public:
    static constexpr double Width = 250;
    static constexpr double Height = 88;
    static constexpr double PortRadius = 7;

    explicit StepNodePainter(const PlanDocument &document);

    QSizeF size() const override { return {Width, Height}; }
    double margin() const override { return PortRadius + 2; }
    void paint(QPainter *painter, const NodePaintContext &context) const override;
    QString toolTip(NodeId id) const override;

    // Validation findings for a tooltip, one a line: ✖ for errors, ▲ for warnings.
    static QString issueText(const QList<PlanIssue> &issues);

private:
    const PlanDocument &m_document;
};

} // namespace Haven
