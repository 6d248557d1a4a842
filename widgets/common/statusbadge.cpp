// SPDX-License-Identifier: GPL-3.0-or-later
#include "statusbadge.h"

#include "statuscolors.h"

#include <QEvent>
#include <QFontMetrics>
#include <QPainter>

namespace Haven {

namespace {
// Proportions of the font height: a pill of 1.6 lines, whose round caps stay clear of the text.
constexpr qreal VerticalPadding = 0.3;
constexpr qreal HorizontalPadding = 0.6;

QFont badgeFont(QFont font)
{
    font.setBold(true); // thicker strokes survive distance and low-resolution walls
    return font;
}
} // namespace

StatusBadge::StatusBadge(QWidget *parent)
    : StatusBadge(ComponentStatus::Unknown, parent)
{ }

StatusBadge::StatusBadge(ComponentStatus status, QWidget *parent)
    : QWidget(parent)
    , m_status(status)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(displayText());
}

void StatusBadge::setStatus(ComponentStatus status)
{
    if (m_status == status)
        return;
    m_status = status;
    setAccessibleName(displayText());
    updateGeometry(); // the label's width may change
    update();
}

void StatusBadge::setText(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    setAccessibleName(displayText());
    updateGeometry();
    update();
}

QString StatusBadge::displayText() const
{
    return m_text.isEmpty() ? StatusColors::label(m_status) : m_text;
}

QColor StatusBadge::fillColor() const
{
    return StatusColors::style(m_status, StatusColors::schemeFor(palette())).fill;
}

QString StatusBadge::fullText() const
{
    return StatusColors::style(m_status, StatusColors::schemeFor(palette())).symbol + QLatin1Char(' ') + displayText();
}

QSize StatusBadge::sizeHint() const
{
    const QFontMetricsF metrics(badgeFont(font()));
    const qreal lineHeight = metrics.height();
    const qreal height = lineHeight * (1 + 2 * VerticalPadding);
    const qreal width = metrics.horizontalAdvance(fullText()) + 2 * HorizontalPadding * height;
    return QSizeF(width, height).toSize();
}

QSize StatusBadge::minimumSizeHint() const
{
    return sizeHint();
}

void StatusBadge::paintEvent(QPaintEvent *)
{
    const StatusStyle style = StatusColors::style(m_status, StatusColors::schemeFor(palette()));
    const QRectF pill = QRectF(rect());
    const qreal radius = pill.height() / 2;

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(style.fill);
    painter.drawRoundedRect(pill, radius, radius);

    painter.setFont(badgeFont(font()));
    painter.setPen(style.text);
    const qreal inset = HorizontalPadding * pill.height();
    painter.drawText(pill.adjusted(inset, 0, -inset, 0), Qt::AlignCenter | Qt::TextSingleLine, fullText());
}

void StatusBadge::changeEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::LanguageChange:
        setAccessibleName(displayText());
        [[fallthrough]];
    case QEvent::FontChange:
        updateGeometry();
        update();
        break;
    case QEvent::PaletteChange:
        update();
        break;
    default:
        break;
    }
    QWidget::changeEvent(event);
}

} // namespace Haven
