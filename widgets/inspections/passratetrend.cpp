// SPDX-License-Identifier: GPL-3.0-or-later
#include "passratetrend.h"

#include "widgets/common/plotpalette.h"
#include "widgets/common/qcustomplotinclude.h"

#include <QEvent>
#include <QVBoxLayout>

#include <map>

namespace Haven {

struct PassRateTrend::Plot
{
    QCustomPlot *widget = nullptr;
    QCPItemText *empty = nullptr;
    QList<int> points;
};

namespace {

// Okabe-Ito colours: distinguishable with colour blindness.
const QColor SiteColors[] = {QColor(0x00, 0x72, 0xB2), QColor(0xE6, 0x9F, 0x00), QColor(0x00, 0x9E, 0x73),
                             QColor(0xCC, 0x79, 0xA7), QColor(0x56, 0xB4, 0xE9), QColor(0xD5, 0x5E, 0x00)};

} // namespace

PassRateTrend::PassRateTrend(QWidget *parent)
    : QWidget(parent)
    , m_plot(std::make_unique<Plot>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *plot = new QCustomPlot(this);
    m_plot->widget = plot;
    layout->addWidget(plot);
    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setDateTimeFormat(QStringLiteral("MM-dd\nhh:mm"));
    ticker->setTickCount(6);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setRange(0, 105);
    plot->yAxis->setLabel(tr("Pass rate (%)"));
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignLeft);
    m_plot->empty = new QCPItemText(plot);
    m_plot->empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_plot->empty->position->setCoords(0.5, 0.5);
    m_plot->empty->setText(tr("No reports yet"));
    setMinimumHeight(220);
    applyPalette();
}

PassRateTrend::~PassRateTrend() = default;

void PassRateTrend::setRuns(const QList<InspectionRunSummary> &runs, const QHash<QString, QString> &siteNames)
{
    QCustomPlot *plot = m_plot->widget;
    plot->clearGraphs();
    m_plot->points.clear();
    std::map<QString, std::map<double, std::pair<double, int>>> bySite; // site → bucket → (sum, count)
    double first = 0;
    double last = 0;
    for (const InspectionRunSummary &run : runs) {
        const double t = run.started.toMSecsSinceEpoch() / 1000.0;
        first = first == 0 ? t : std::min(first, t);
        last = std::max(last, t);
    }
    // Buckets about a pixel wide: a month of 1-minute runs becomes a line the plot draws at once.
    const double bucket = std::max(1.0, (last - first) / std::max(200, plot->width()));
    for (const InspectionRunSummary &run : runs) {
        const double t = run.started.toMSecsSinceEpoch() / 1000.0;
        auto &slot = bySite[run.siteId][first + std::floor((t - first) / bucket) * bucket];
        slot.first += run.passRate() * 100.0;
        ++slot.second;
    }
    int index = 0;
    for (const auto &[siteId, buckets] : bySite) {
        QCPGraph *graph = plot->addGraph();
        graph->setName(siteNames.value(siteId, siteId));
        QPen pen(SiteColors[index++ % std::size(SiteColors)]);
        pen.setWidthF(2.5);
        graph->setPen(pen);
        graph->setScatterStyle(buckets.size() < 60 ? QCPScatterStyle(QCPScatterStyle::ssDisc, 6)
                                                   : QCPScatterStyle(QCPScatterStyle::ssNone));
        QVector<double> keys;
        QVector<double> values;
        for (const auto &[key, slot] : buckets) {
            keys.append(key);
            values.append(slot.first / slot.second);
        }
        graph->setData(keys, values, true);
        m_plot->points.append(int(keys.size()));
    }
    m_plot->empty->setVisible(runs.isEmpty());
    if (!runs.isEmpty()) {
        const double margin = std::max(60.0, (last - first) * 0.03);
        plot->xAxis->setRange(first - margin, last + margin);
    }
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void PassRateTrend::setTrend(const QList<InspectionTrendPoint> &points, const QHash<QString, QString> &siteNames)
{
    // One run per point: setRuns() draws them as they are (its buckets are no wider than theirs).
    QList<InspectionRunSummary> runs;
    runs.reserve(points.size());
    for (const InspectionTrendPoint &point : points) {
        InspectionRunSummary run;
        run.siteId = point.siteId;
        run.started = point.time;
        run.checks = 1000;
        run.ok = int(point.passRate * 1000 + 0.5);
        runs.append(run);
    }
    setRuns(runs, siteNames);
}

int PassRateTrend::seriesCount() const
{
    return int(m_plot->points.size());
}

int PassRateTrend::pointCount(int series) const
{
    return series >= 0 && series < m_plot->points.size() ? m_plot->points.at(series) : 0;
}

void PassRateTrend::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyPalette();
}

void PassRateTrend::applyPalette()
{
    QCustomPlot *plot = m_plot->widget;
    applyPlotPalette(plot, *this, m_plot->empty);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace Haven
