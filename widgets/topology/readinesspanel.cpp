// SPDX-License-Identifier: GPL-3.0-or-later
#include "readinesspanel.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

namespace Haven {

namespace {

constexpr double WallScale = 1.6;

} // namespace

ReadinessPanel::ReadinessPanel(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    setAccessibleName(tr("Switchover readiness"));
}

ReadinessPanel::~ReadinessPanel() = default;

QString ReadinessPanel::verdictLabel(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Ready:
        return tr("Ready");
    case Readiness::Caution:
        return tr("Caution");
    case Readiness::Blocked:
        return tr("Blocked");
    }
    return {};
}

ComponentStatus ReadinessPanel::statusFor(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Ready:
        return ComponentStatus::Ok;
    case Readiness::Caution:
        return ComponentStatus::Warning;
    case Readiness::Blocked:
        return ComponentStatus::Critical;
    }
    return ComponentStatus::Unknown;
}

void ReadinessPanel::setTracker(const ReadinessTracker *tracker)
{
    disconnect(m_connection);
    m_tracker = tracker;
    if (!tracker) {
        setVerdicts({});
        return;
    }
    m_connection = connect(tracker, &ReadinessTracker::verdictsChanged, this,
                           [this] { setVerdicts(m_tracker ? m_tracker->verdicts() : QList<ReadinessVerdict>()); });
    setVerdicts(tracker->verdicts());
}

void ReadinessPanel::setVerdicts(const QList<ReadinessVerdict> &verdicts)
{
    if (verdicts == m_verdicts)
        return;
    m_verdicts = verdicts;
    rebuild();
}

void ReadinessPanel::rebuild()
{
    const QStringList oldGroups = m_groups;
    const QStringList oldSites = m_sites;
    m_best = bestTargets(m_verdicts);
    m_groups.clear();
    m_sites.clear();
    m_siteNames.clear();
    for (const ReadinessVerdict &v : std::as_const(m_verdicts)) {
        m_siteNames.insert(v.failedSite, v.failedSiteName);
        m_siteNames.insert(v.emergencySite, v.emergencySiteName);
    }
    for (const ReadinessVerdict &v : std::as_const(m_best)) {
        if (!m_groups.contains(v.productGroup))
            m_groups << v.productGroup;
        if (!m_sites.contains(v.failedSite))
            m_sites << v.failedSite;
    }
    // Columns in the order the sites were first seen anywhere (the fleet's display order).
    QStringList order;
    for (const ReadinessVerdict &v : std::as_const(m_verdicts)) {
        for (const QString &s : {v.failedSite, v.emergencySite}) {
            if (!order.contains(s))
                order << s;
        }
    }
    std::stable_sort(m_sites.begin(), m_sites.end(),
                     [&](const QString &a, const QString &b) { return order.indexOf(a) < order.indexOf(b); });
    if (oldGroups != m_groups || oldSites != m_sites)
        updateGeometry();
    update();
}

void ReadinessPanel::setWallMode(bool wall)
{
    if (m_wall == wall)
        return;
    m_wall = wall;
    updateGeometry();
    update();
}

std::optional<ReadinessVerdict> ReadinessPanel::cell(const QString &productGroup, const QString &failedSite) const
{
    return bestTarget(m_best, productGroup, failedSite);
}

QString ReadinessPanel::cellText(const QString &productGroup, const QString &failedSite) const
{
    const std::optional<ReadinessVerdict> v = cell(productGroup, failedSite);
    if (!v)
        return {};
    const QString top = v->topReason().isEmpty() ? tr("All checks pass") : v->topReason();
    return StatusColors::style(statusFor(v->verdict), ColorScheme::Light).symbol + QLatin1Char(' ')
           + verdictLabel(v->verdict) + QStringLiteral(" \u2192 ") + v->emergencySiteName + QLatin1Char('\n') + top;
}

QString ReadinessPanel::cellToolTip(const QString &productGroup, const QString &failedSite) const
{
    const std::optional<ReadinessVerdict> best = cell(productGroup, failedSite);
    if (!best)
        return {};
    QString html = QStringLiteral("<b>")
                   + tr("%1: if %2 fails, switch over to %3")
                         .arg(productGroup, best->failedSiteName, best->emergencySiteName)
                         .toHtmlEscaped()
                   + QStringLiteral("</b><br>") + verdictLabel(best->verdict).toHtmlEscaped();
    if (best->projectedCpu >= 0)
        html += QStringLiteral(" · ")
                + tr("application cpu after the switchover: %1 %").arg(QString::number(best->projectedCpu, 'f', 0));
    html += QStringLiteral("<ul>");
    if (best->reasons.isEmpty())
        html += QStringLiteral("<li>") + tr("All checks pass").toHtmlEscaped() + QStringLiteral("</li>");
    for (const ReadinessReason &r : best->reasons) {
        const QString prefix = r.severity == Readiness::Ready
                                   ? QStringLiteral("\u2139")
                                   : StatusColors::style(statusFor(r.severity), ColorScheme::Light).symbol;
        html += QStringLiteral("<li>") + prefix + QLatin1Char(' ') + r.text.toHtmlEscaped() + QStringLiteral("</li>");
    }
    html += QStringLiteral("</ul>");
    QStringList others;
    for (const ReadinessVerdict &v : m_verdicts) {
        if (v.productGroup != productGroup || v.failedSite != failedSite || v.emergencySite == best->emergencySite)
            continue;
        const QString line = v.emergencySiteName + QStringLiteral(": ") + verdictLabel(v.verdict)
                             + (v.reasons.isEmpty() ? QString() : QStringLiteral(" \u2014 ") + v.topReason());
        others << line.toHtmlEscaped();
    }
    if (!others.isEmpty())
        html += tr("Other emergency sites:").toHtmlEscaped() + QStringLiteral("<br>")
                + others.join(QStringLiteral("<br>"));
    return html;
}

QFont ReadinessPanel::baseFont() const
{
    QFont f = font();
    if (m_wall) {
        if (f.pixelSize() > 0)
            f.setPixelSize(int(f.pixelSize() * WallScale));
        else
            f.setPointSizeF(f.pointSizeF() * WallScale);
    }
    return f;
}

ReadinessPanel::Metrics ReadinessPanel::metrics() const
{
    Metrics m;
    m.body = baseFont();
    m.bold = m.body;
    m.bold.setBold(true);
    m.small = m.body;
    if (m.small.pixelSize() > 0)
        m.small.setPixelSize(std::max(9, int(m.small.pixelSize() * 0.85)));
    else
        m.small.setPointSizeF(m.small.pointSizeF() * 0.85);
    m.title = m.bold;
    if (m.title.pixelSize() > 0)
        m.title.setPixelSize(int(m.title.pixelSize() * 1.2));
    else
        m.title.setPointSizeF(m.title.pointSizeF() * 1.2);
    const QFontMetrics body(m.body);
    const QFontMetrics small(m.small);
    m.margin = body.height() / 2;
    m.titleHeight = int(QFontMetrics(m.title).height() * 1.5);
    m.headerHeight = int(body.height() * 1.4);
    m.rowHeight = int(body.height() * 1.6) + small.height() + m.margin;
    const QFontMetrics bold(m.bold);
    m.groupWidth = bold.horizontalAdvance(tr("Product group")) + 2 * m.margin;
    for (const QString &g : m_groups)
        m.groupWidth = std::max(m.groupWidth, bold.horizontalAdvance(g) + 2 * m.margin);
    return m;
}

QRect ReadinessPanel::cellRect(const QString &productGroup, const QString &failedSite) const
{
    const int row = int(m_groups.indexOf(productGroup));
    const int column = int(m_sites.indexOf(failedSite));
    if (row < 0 || column < 0)
        return {};
    const Metrics m = metrics();
    const int left = m.margin + m.groupWidth;
    const int cellWidth = std::max(1, (width() - left - m.margin) / std::max<int>(1, int(m_sites.size())));
    return QRect(left + column * cellWidth, m.titleHeight + m.headerHeight + row * m.rowHeight, cellWidth, m.rowHeight);
}

QSize ReadinessPanel::sizeHint() const
{
    const Metrics m = metrics();
    const int columns = std::max<int>(1, int(m_sites.size()));
    const int rows = std::max<int>(1, int(m_groups.size()));
    const int cellWidth = QFontMetrics(m.body).horizontalAdvance(QLatin1Char('x')) * 36;
    return {2 * m.margin + m.groupWidth + columns * cellWidth,
            m.titleHeight + m.headerHeight + rows * m.rowHeight + m.margin};
}

QSize ReadinessPanel::minimumSizeHint() const
{
    const Metrics m = metrics();
    const int columns = std::max<int>(1, int(m_sites.size()));
    const int rows = std::max<int>(1, int(m_groups.size()));
    const int cellWidth = QFontMetrics(m.body).horizontalAdvance(QLatin1Char('x')) * 16;
    return {2 * m.margin + m.groupWidth + columns * cellWidth,
            m.titleHeight + m.headerHeight + rows * m.rowHeight + m.margin};
}

void ReadinessPanel::paintEvent(QPaintEvent *)
{
    const Metrics m = metrics();
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    const QColor text = palette().color(QPalette::WindowText);
    QColor secondary = text;
    secondary.setAlphaF(0.78f);
    QColor rule = text;
    rule.setAlpha(50);

    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);

    // Title and the overall answer.
    int ready = 0;
    for (const QString &g : std::as_const(m_groups)) {
        bool all = true;
        for (const QString &s : std::as_const(m_sites)) {
            const auto v = cell(g, s);
            if (v && v->verdict == Readiness::Blocked)
                all = false;
        }
        ready += all ? 1 : 0;
    }
    const QRect titleRect(m.margin, 0, width() - 2 * m.margin, m.titleHeight);
    p.setFont(m.title);
    p.setPen(text);
    p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter, tr("Switchover readiness"));
    p.setFont(m.body);
    p.setPen(secondary);
    const QString summary
        = m_groups.isEmpty()
              ? tr("No product group serves traffic yet")
              : tr("%1 of %2 product groups can switch over wherever they fail").arg(ready).arg(m_groups.size());
    p.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, summary);
    if (m_groups.isEmpty())
        return;

    // Column headers: the failed site.
    const int top = m.titleHeight;
    p.setFont(m.bold);
    p.setPen(secondary);
    p.drawText(QRect(m.margin, top, m.groupWidth, m.headerHeight), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Product group"));
    for (const QString &s : std::as_const(m_sites)) {
        const QRect r = cellRect(m_groups.constFirst(), s);
        const QRect header(r.left() + m.margin / 2, top, r.width() - m.margin, m.headerHeight);
        p.drawText(header, Qt::AlignLeft | Qt::AlignVCenter,
                   QFontMetrics(m.bold).elidedText(tr("If %1 fails").arg(m_siteNames.value(s, s)), Qt::ElideRight,
                                                   header.width()));
    }
    p.setPen(QPen(rule, 1));
    p.drawLine(m.margin, top + m.headerHeight - 1, width() - m.margin, top + m.headerHeight - 1);

    const QFontMetrics body(m.body);
    const QFontMetrics bold(m.bold);
    const QFontMetrics small(m.small);
    for (int row = 0; row < m_groups.size(); ++row) {
        const QString &group = m_groups.at(row);
        const int y = top + m.headerHeight + row * m.rowHeight;
        p.setFont(m.bold);
        p.setPen(text);
        p.drawText(QRect(m.margin, y, m.groupWidth, m.rowHeight), Qt::AlignLeft | Qt::AlignVCenter, group);
        for (const QString &s : std::as_const(m_sites)) {
            const QRect r = cellRect(group, s).adjusted(m.margin / 2, m.margin / 2, -m.margin / 2, -m.margin / 2);
            const std::optional<ReadinessVerdict> v = cell(group, s);
            if (!v) {
                p.setFont(m.small);
                p.setPen(secondary);
                p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, tr("— serves no traffic"));
                continue;
            }
            // Chip: symbol and word on the status colour.
            const StatusStyle style = StatusColors::style(statusFor(v->verdict), scheme);
            const QString chipText = style.symbol + QLatin1Char(' ') + verdictLabel(v->verdict);
            const int chipHeight = int(body.height() * 1.35);
            const int chipWidth = bold.horizontalAdvance(chipText) + chipHeight;
            const QRectF chip(r.left(), r.top(), chipWidth, chipHeight);
            p.setPen(Qt::NoPen);
            p.setBrush(style.fill);
            p.drawRoundedRect(chip, chipHeight / 2.0, chipHeight / 2.0);
            p.setFont(m.bold);
            p.setPen(style.text);
            p.drawText(chip, Qt::AlignCenter, chipText);
            // Target.
            p.setPen(text);
            const QRect target(int(chip.right()) + m.margin / 2, r.top(), r.right() - int(chip.right()) - m.margin / 2,
                               chipHeight);
            p.drawText(target, Qt::AlignLeft | Qt::AlignVCenter,
                       bold.elidedText(QStringLiteral("\u2192 ") + v->emergencySiteName, Qt::ElideRight,
                                       target.width()));
            // The top reason, or the headroom when nothing stands in the way.
            QString reason = v->topReason();
            if (reason.isEmpty()) {
                reason = v->projectedCpu >= 0 ? tr("All checks pass · cpu after the switchover %1 %")
                                                    .arg(QString::number(v->projectedCpu, 'f', 0))
                                              : tr("All checks pass");
            }
            const int more = int(std::count_if(v->reasons.cbegin(), v->reasons.cend(),
                                               [](const ReadinessReason &x) { return x.severity != Readiness::Ready; }))
                             - 1;
            if (more > 0)
                reason = tr("%1 (+%2 more)").arg(reason).arg(more);
            p.setFont(m.small);
            p.setPen(secondary);
            const QRect reasonRect(r.left(), r.top() + chipHeight + m.margin / 3, r.width(), small.height());
            p.drawText(reasonRect, Qt::AlignLeft | Qt::AlignVCenter,
                       small.elidedText(reason, Qt::ElideRight, r.width()));
        }
        p.setPen(QPen(rule, 1));
        p.drawLine(m.margin, y + m.rowHeight - 1, width() - m.margin, y + m.rowHeight - 1);
    }
}

bool ReadinessPanel::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        for (const QString &g : std::as_const(m_groups)) {
            for (const QString &s : std::as_const(m_sites)) {
                const QRect r = cellRect(g, s);
                if (r.contains(help->pos())) {
                    const QString tip = cellToolTip(g, s);
                    if (!tip.isEmpty()) {
                        QToolTip::showText(help->globalPos(), tip, this, r);
                        return true;
                    }
                }
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void ReadinessPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
    update();
}

} // namespace Haven
