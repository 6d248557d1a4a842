// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepnodepainter.h"

#include "editing/plans/plandocument.h"
#include "widgets/common/statuscolors.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace Haven {

namespace {

// Okabe-Ito hues per layer, for the strip on the left of a step.
QColor layerColor(const OperationSpec *spec)
{
    if (!spec)
        return QColor(0x99, 0x99, 0x99);
    switch (spec->layer) {
    case Layer::Business:
        return QColor(0x00, 0x72, 0xB2);
    case Layer::Middleware:
        return QColor(0xCC, 0x79, 0xA7);
    case Layer::Storage:
        return QColor(0x00, 0x9E, 0x73);
    case Layer::Database:
        return QColor(0xE6, 0x9F, 0x00);
    case Layer::Physical:
        return QColor(0x56, 0xB4, 0xE9);
    }
    return {};
}

ColorScheme schemeOf(const QPalette &palette)
{
    return StatusColors::schemeFor(palette);
}

// One badge on the bottom row of a step; returns its right edge.
double drawBadge(QPainter *painter, double x, double y, const QString &text, const QColor &fill, const QColor &color)
{
    const QFontMetricsF metrics(painter->font());
    const QRectF box(x, y, metrics.horizontalAdvance(text) + 12, metrics.height() + 4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(box, box.height() / 2, box.height() / 2);
    painter->setPen(color);
    painter->drawText(box, Qt::AlignCenter, text);
    return box.right() + 5;
}

} // namespace

StepNodePainter::StepNodePainter(const PlanDocument &document)
    : m_document(document)
{ }

QString StepNodePainter::issueText(const QList<PlanIssue> &issues)
{
    QStringList lines;
    for (const PlanIssue &issue : issues)
        lines.append((issue.isError() ? QStringLiteral("✖ ") : QStringLiteral("▲ ")) + issue.message);
    return lines.join(QLatin1Char('\n'));
}

QString StepNodePainter::toolTip(NodeId id) const
{
    const PlanStep step = m_document.plan().step(id);
    const OperationSpec *spec = m_document.operation(step.operation);
    QStringList tip{step.name.isEmpty() ? step.operation : step.name};
    if (spec && !spec->description.isEmpty())
        tip.append(spec->description);
    const QString issues = issueText(m_document.issuesOf(id));
    if (!issues.isEmpty())
        tip.append(issues);
    return tip.join(QLatin1Char('\n'));
}

void StepNodePainter::paint(QPainter *painter, const NodePaintContext &context) const
{
    const QPalette &palette = context.palette;
    const ColorScheme scheme = schemeOf(palette);
    const PlanStep step = m_document.plan().step(context.id);
    const OperationSpec *spec = m_document.operation(step.operation);
    const QList<PlanIssue> issues = m_document.issuesOf(context.id);
    const bool hasError = std::any_of(issues.cbegin(), issues.cend(), [](const PlanIssue &i) { return i.isError(); });
    const StatusStyle errorStyle = StatusColors::style(ComponentStatus::Critical, scheme);
    const StatusStyle warningStyle = StatusColors::style(ComponentStatus::Warning, scheme);
    const bool selected = context.selected;
    const double lod = context.levelOfDetail;

    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF box(0, 0, Width, Height);

    // Body, with the layer's colour as a strip on the left.
    QPen border(palette.color(QPalette::Mid), 1.2);
    if (hasError)
        border = QPen(errorStyle.fill, 2);
    if (context.connectState > 0)
        border = QPen(QColor(0x00, 0x9E, 0x73), 3);
    else if (context.connectState < 0)
        border = QPen(errorStyle.fill, 3, Qt::DashLine);
    if (selected)
        border = QPen(palette.color(QPalette::Highlight), 3);
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, 8, 8);
    QPainterPath strip;
    strip.addRoundedRect(QRectF(0, 0, 14, Height), 8, 8);
    QPainterPath clip;
    clip.addRect(QRectF(0, 0, 7, Height));
    painter->setPen(Qt::NoPen);
    painter->setBrush(layerColor(spec));
    painter->drawPath(strip.intersected(clip));

    if (lod >= 0.35) {
        const QColor text = palette.color(QPalette::Text);
        QColor dim = text;
        dim.setAlphaF(0.68f);
        const double left = 16;
        const double markSpace = issues.isEmpty() ? 0 : 24;

        QFont font = painter->font();
        font.setPointSizeF(11.5);
        font.setBold(true);
        painter->setFont(font);
        QFontMetricsF metrics(font);
        const QString name = step.name.isEmpty() ? tr("(unnamed step)") : step.name;
        painter->setPen(text);
        painter->drawText(QRectF(left, 6, Width - left - 8 - markSpace, metrics.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(name, Qt::ElideRight, Width - left - 8 - markSpace));

        font.setBold(false);
        font.setPointSizeF(9.5);
        painter->setFont(font);
        metrics = QFontMetricsF(font);
        const QString operation = step.operation.isEmpty() ? tr("no operation code") : step.operation;
        painter->setPen(dim);
        painter->drawText(QRectF(left, 30, Width - left - 8, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(operation, Qt::ElideRight, Width - left - 8));
        QString where = PlanText::target(step.target);
        if (!step.productGroup.isEmpty())
            where += QStringLiteral(" · ") + step.productGroup;
        painter->drawText(QRectF(left, 48, Width - left - 8, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(where, Qt::ElideRight, Width - left - 8));

        // Badges: approval gate, guard, retries, on-failure when not "stop".
        font.setPointSizeF(8.5);
        painter->setFont(font);
        QColor badgeFill = palette.color(QPalette::AlternateBase);
        double x = left;
        const double y = Height - 21;
        if (step.requiresApproval)
            x = drawBadge(painter, x, y, tr("Approval"), QColor(0xE6, 0x9F, 0x00, 60), text);
        if (step.guard)
            x = drawBadge(painter, x, y, tr("Guard"), QColor(0x00, 0x72, 0xB2, 50), text);
        if (step.retry.attempts > 1)
            x = drawBadge(painter, x, y, tr("↻ ×%1").arg(step.retry.attempts), badgeFill, text);
        if (step.onFailure != OnFailure::Stop)
            x = drawBadge(painter, x, y,
                          step.onFailure == OnFailure::Pause ? tr("Pause on failure") : tr("Continue on failure"),
                          badgeFill, text);

        // Validation mark: ✖ for errors, ▲ for warnings (shape as well as colour).
        if (!issues.isEmpty()) {
            const StatusStyle &mark = hasError ? errorStyle : warningStyle;
            const QRectF circle(Width - 26, 6, 20, 20);
            painter->setPen(Qt::NoPen);
            painter->setBrush(mark.fill);
            painter->drawEllipse(circle);
            font.setPointSizeF(9);
            font.setBold(true);
            painter->setFont(font);
            painter->setPen(mark.text);
            painter->drawText(circle, Qt::AlignCenter, hasError ? QStringLiteral("✖") : QStringLiteral("▲"));
        }
    }

    // Ports.
    painter->setPen(QPen(palette.color(QPalette::Dark), 1.5));
    painter->setBrush(palette.color(QPalette::Window));
    painter->drawEllipse(QPointF(0, Height / 2), PortRadius, PortRadius);
    painter->setBrush(palette.color(QPalette::Highlight));
    painter->drawEllipse(QPointF(Width, Height / 2), PortRadius, PortRadius);
}

} // namespace Haven
