// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstatepainter.h"

#include "widgets/common/statuscolors.h"

#include <QFontMetricsF>
#include <QPainter>

namespace Haven {

namespace {

QColor mixed(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

RunStatePainter::RunStatePainter(Describe describe, std::function<bool()> pulse)
    : m_describe(std::move(describe))
    , m_pulse(std::move(pulse))
{ }

QPainterPath RunStatePainter::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(0, 0, Width, Height), 10, 10);
    return path;
}

QString RunStatePainter::toolTip(NodeId id) const
{
    const std::optional<RunStateView> view = m_describe(id);
    if (!view)
        return {};
    QStringList tip{view->name,
                    view->stateText + (view->timeText.isEmpty() ? QString() : QStringLiteral(" · ") + view->timeText),
                    view->detailText};
    if (!view->message.isEmpty())
        tip.append(view->message);
    return tip.join(QLatin1Char('\n'));
}

void RunStatePainter::paint(QPainter *painter, const NodePaintContext &context) const
{
    const std::optional<RunStateView> view = m_describe(context.id);
    if (!view)
        return;
    const QPalette &palette = context.palette;
    const ColorScheme scheme = StatusColors::schemeFor(palette);
    const bool selected = context.selected;
    const QRectF box(0, 0, Width, Height);
    painter->setRenderHint(QPainter::Antialiasing);

    if (selected) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-10, -10, 10, 10), 16, 16);
    }
    if (view->pulsing) {
        // Amber ring that breathes: the one box that waits for a person catches the eye.
        const QColor ring = scheme == ColorScheme::Dark ? QColor(0xff, 0xd1, 0x66) : QColor(0xa0, 0x5a, 0x00);
        painter->setPen(QPen(ring, m_pulse() ? 8 : 3));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(box.adjusted(-5, -5, 5, 5), 13, 13);
    }

    const QColor border = scheme == ColorScheme::Dark ? mixed(view->fill, Qt::white, 0.35)
                                                      : mixed(view->fill, Qt::black, 0.3);
    painter->setPen(QPen(border, 1.5));
    painter->setBrush(view->fill);
    painter->drawRoundedRect(box, 10, 10);
    if (view->hatched) {
        QColor hatch = view->text;
        hatch.setAlpha(60);
        QBrush brush(hatch, Qt::BDiagPattern);
        brush.setTransform(QTransform::fromScale(3, 3)); // hatching coarse enough to see from afar
        painter->setPen(Qt::NoPen);
        painter->setBrush(brush);
        painter->drawRoundedRect(box, 10, 10);
    }

    const double lod = context.levelOfDetail;
    if (lod < 0.15)
        return;
    const double pad = 14;
    const double width = Width - 2 * pad;
    // The name on up to two lines; the state and its clock big enough to read across the room.
    QFont font = painter->font();
    font.setPixelSize(23);
    font.setBold(true);
    QFontMetricsF metrics(font);
    painter->setFont(font);
    painter->setPen(view->text);
    const double line = metrics.height();
    QString name = view->name;
    QString second;
    if (metrics.horizontalAdvance(name) > width) {
        // Break at the last space that fits; the rest goes to the second line, elided.
        qsizetype cut = name.size();
        while (cut > 0 && metrics.horizontalAdvance(name.left(cut)) > width)
            cut = name.lastIndexOf(QLatin1Char(' '), cut - 1);
        if (cut <= 0)
            cut = name.size() / 2;
        second = name.mid(cut).trimmed();
        name = name.left(cut);
    }
    painter->drawText(QRectF(pad, 6, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(name, Qt::ElideRight, width));
    if (!second.isEmpty())
        painter->drawText(QRectF(pad, 6 + line, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(second, Qt::ElideRight, width));

    font.setPixelSize(24);
    metrics = QFontMetricsF(font);
    painter->setFont(font);
    const double stateTop = 62;
    const double timeWidth = view->timeText.isEmpty() ? 0 : metrics.horizontalAdvance(view->timeText) + 10;
    painter->drawText(QRectF(pad, stateTop, width - timeWidth, 32), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(view->stateText, Qt::ElideRight, width - timeWidth));
    if (!view->timeText.isEmpty())
        painter->drawText(QRectF(pad, stateTop, width, 32), Qt::AlignRight | Qt::AlignVCenter, view->timeText);

    QColor dim = view->text;
    dim.setAlphaF(0.85f);
    font.setBold(false);
    font.setPixelSize(16);
    metrics = QFontMetricsF(font);
    painter->setFont(font);
    painter->setPen(dim);
    painter->drawText(QRectF(pad, 98, width, 22), Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(view->detailText, Qt::ElideRight, width));
    if (!view->message.isEmpty()) {
        font.setItalic(true);
        metrics = QFontMetricsF(font);
        painter->setFont(font);
        painter->drawText(QRectF(pad, 121, width, 22), Qt::AlignLeft | Qt::AlignVCenter,
                          metrics.elidedText(view->message, Qt::ElideRight, width));
    }
}

} // namespace Haven
