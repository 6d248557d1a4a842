// SPDX-License-Identifier: GPL-3.0-or-later

#include "metricplot.h"

#include "plotpalette.h"

#include "models/store/metrichistory.h"
#include "statuscolors.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "qcustomplotinclude.h"

#include <cmath>
#include <limits>

namespace Haven {

namespace {

// Okabe-Ito, distinguishable with colour blindness; a light and a dark variant per scheme.
QColor seriesColor(int index, ColorScheme scheme)
{
    static const QColor light[] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00), QColor(0x00, 0x9e, 0x73),
                                   QColor(0xcc, 0x79, 0xa7)};
    static const QColor dark[] = {QColor(0x56, 0xb4, 0xe9), QColor(0xe6, 0x9f, 0x00), QColor(0x00, 0x9e, 0x73),
                                  QColor(0xcc, 0x79, 0xa7)};
    const int i = index % 4;
    return scheme == ColorScheme::Dark ? dark[i] : light[i];
}

} // namespace

struct MetricPlot::Plot
{
    struct Series
    {
        QCPGraph *minimum = nullptr;
        QCPGraph *maximum = nullptr;
        QCPGraph *mean = nullptr;
        int points = 0;
    };
    struct Threshold
    {
        double value = 0;
        QString label;
        QCPItemStraightLine *line = nullptr;
        QCPItemText *text = nullptr;
    };

    QCustomPlot *widget = nullptr;
    QSharedPointer<QCPAxisTickerDateTime> ticker;
    QList<Series> series;
    QList<Threshold> thresholds;
    QCPItemText *empty = nullptr;
};

MetricPlot::MetricPlot(const MetricHistory &history, QWidget *parent)
    : QWidget(parent)
    , m_history(history)
    , m_plot(std::make_unique<Plot>())
    , m_title(new QLabel(this))
    , m_buttons(new QWidget(this))
    , m_windowGroup(new QButtonGroup(this))
    , m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    auto *header = new QHBoxLayout;
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->hide();
    header->addWidget(m_title, 1);
    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(0);
    const std::pair<Window, QString> windows[] = {
        {Window::Minutes15, tr("15 min")},
        {Window::Hours6, tr("6 h")},
        {Window::Hours24, tr("24 h")},
    };
    for (const auto &[w, text] : windows) {
        auto *button = new QToolButton(m_buttons);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setChecked(w == m_window);
        button->setToolTip(tr("Show the last %1").arg(text));
        m_windowGroup->addButton(button, int(w));
        buttons->addWidget(button);
    }
    header->addStretch();
    header->addWidget(m_buttons);
    layout->addLayout(header);
    connect(m_windowGroup, &QButtonGroup::idClicked, this, [this](int id) { setWindow(Window(id)); });

    QCustomPlot *plot = new QCustomPlot(this);
    m_plot->widget = plot;
    plot->setNoAntialiasingOnDrag(true);
    plot->setMinimumHeight(120);
    m_plot->ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    m_plot->ticker->setDateTimeSpec(Qt::LocalTime);
    m_plot->ticker->setTickCount(5);
    plot->xAxis->setTicker(m_plot->ticker);
    plot->axisRect()->setupFullAxesBox(false);
    plot->xAxis2->setTicks(false);
    plot->yAxis2->setTicks(false);
    plot->legend->setVisible(false);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_plot->empty = new QCPItemText(plot);
    m_plot->empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_plot->empty->position->setCoords(0.5, 0.5);
    m_plot->empty->setText(tr("No data yet"));
    layout->addWidget(plot, 1);

    m_timer->setInterval(2000);
    // A hidden plot (another wall view, a collapsed panel) costs nothing; showEvent catches up.
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();

    setWindow(m_window);
    applyColors();
}

MetricPlot::~MetricPlot() = default;

qint64 MetricPlot::windowMs(Window window)
{
    switch (window) {
    case Window::Minutes15:
        return 15 * 60 * 1000;
    case Window::Hours6:
        return 6 * 3600 * 1000;
    case Window::Hours24:
        return 24 * 3600 * 1000;
    }
    return 15 * 60 * 1000;
}

void MetricPlot::setSeries(const QStringList &keys, const QStringList &labels)
{
    if (keys == m_keys && labels == m_labels)
        return;
    m_keys = keys;
    m_labels = labels;
    rebuildGraphs();
    refresh();
}

void MetricPlot::setWindow(Window window)
{
    const bool changed = window != m_window;
    m_window = window;
    if (QAbstractButton *button = m_windowGroup->button(int(window)))
        button->setChecked(true);
    m_plot->ticker->setDateTimeFormat(window == Window::Hours24 ? QStringLiteral("hh:mm\nMM-dd")
                                                                : QStringLiteral("hh:mm"));
    refresh();
    if (changed)
        Q_EMIT windowChanged(window);
}

void MetricPlot::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

QString MetricPlot::title() const
{
    return m_title->text();
}

void MetricPlot::setUnit(const QString &unit)
{
    m_plot->widget->yAxis->setLabel(unit);
}

void MetricPlot::setThreshold(double value, const QString &label)
{
    for (const Plot::Threshold &t : std::as_const(m_plot->thresholds)) {
        if (t.value == value && t.label == label)
            return;
    }
    Plot::Threshold t;
    t.value = value;
    t.label = label;
    t.line = new QCPItemStraightLine(m_plot->widget);
    t.line->point1->setCoords(0, value);
    t.line->point2->setCoords(1, value);
    t.text = new QCPItemText(m_plot->widget);
    t.text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    t.text->position->setTypeY(QCPItemPosition::ptPlotCoords);
    t.text->position->setCoords(1.0, value);
    t.text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    t.text->setText(label);
    t.text->setClipToAxisRect(true);
    m_plot->thresholds << t;
    applyColors();
    refresh();
}

void MetricPlot::clearThresholds()
{
    for (const Plot::Threshold &t : std::as_const(m_plot->thresholds)) {
        m_plot->widget->removeItem(t.line);
        m_plot->widget->removeItem(t.text);
    }
    m_plot->thresholds.clear();
    refresh();
}

int MetricPlot::thresholdCount() const
{
    return int(m_plot->thresholds.size());
}

void MetricPlot::setWindowButtonsVisible(bool visible)
{
    m_buttons->setVisible(visible);
}

void MetricPlot::setRefreshInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int MetricPlot::refreshInterval() const
{
    return m_timer->interval();
}

int MetricPlot::pointCount(int series) const
{
    return series >= 0 && series < m_plot->series.size() ? m_plot->series.at(series).points : 0;
}

double MetricPlot::valueAxisMinimum() const
{
    return m_plot->widget->yAxis->range().lower;
}

double MetricPlot::valueAxisMaximum() const
{
    return m_plot->widget->yAxis->range().upper;
}

QSize MetricPlot::sizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 24, line * 11};
}

QSize MetricPlot::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return {line * 12, line * 8};
}

void MetricPlot::rebuildGraphs()
{
    QCustomPlot *plot = m_plot->widget;
    plot->clearGraphs();
    m_plot->series.clear();
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        Plot::Series s;
        s.maximum = plot->addGraph();
        s.minimum = plot->addGraph();
        s.mean = plot->addGraph();
        s.minimum->setChannelFillGraph(s.maximum);
        s.mean->setName(i < m_labels.size() ? m_labels.at(i) : m_keys.at(i));
        s.minimum->removeFromLegend();
        s.maximum->removeFromLegend();
        m_plot->series << s;
    }
    plot->legend->setVisible(m_keys.size() > 1);
    applyColors();
}

void MetricPlot::applyColors()
{
    const ColorScheme scheme = StatusColors::schemeFor(palette());
    applyPlotPalette(m_plot->widget, *this, m_plot->empty);
    for (qsizetype i = 0; i < m_plot->series.size(); ++i) {
        const Plot::Series &s = m_plot->series.at(i);
        const QColor color = seriesColor(int(i), scheme);
        QColor band = color;
        band.setAlpha(scheme == ColorScheme::Dark ? 80 : 60);
        s.maximum->setPen(Qt::NoPen);
        s.minimum->setPen(Qt::NoPen);
        s.minimum->setBrush(band);
        s.mean->setPen(QPen(color, 2));
    }
    const StatusStyle critical = StatusColors::style(ComponentStatus::Critical, scheme);
    for (const Plot::Threshold &t : std::as_const(m_plot->thresholds)) {
        t.line->setPen(QPen(critical.fill, 1.5, Qt::DashLine));
        t.text->setColor(critical.fill);
        t.text->setFont(font());
    }
    m_plot->widget->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::refresh()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - windowMs(m_window);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    bool any = false;
    for (qsizetype i = 0; i < m_plot->series.size(); ++i) {
        Plot::Series &s = m_plot->series[i];
        const QList<MetricBucket> buckets = m_history.points(m_keys.at(i), from, now);
        QVector<double> keys;
        QVector<double> minimum;
        QVector<double> maximum;
        QVector<double> mean;
        keys.reserve(buckets.size() + 8);
        minimum.reserve(keys.capacity());
        maximum.reserve(keys.capacity());
        mean.reserve(keys.capacity());
        s.points = 0;
        qint64 previousEnd = -1;
        for (const MetricBucket &b : buckets) {
            const qint64 width = MetricHistory::bucketWidthMs(b.tier);
            // A gap of more than one bucket (the console was closed, the site was dark) breaks the line.
            if (previousEnd >= 0 && b.startMs > previousEnd + width) {
                const double nan = std::numeric_limits<double>::quiet_NaN();
                keys << double(previousEnd + width / 2) / 1000.0;
                minimum << nan;
                maximum << nan;
                mean << nan;
            }
            previousEnd = b.startMs + width;
            keys << double(b.startMs + width / 2) / 1000.0;
            minimum << b.minimum;
            maximum << b.maximum;
            mean << b.mean;
            low = std::min(low, b.minimum);
            high = std::max(high, b.maximum);
            ++s.points;
            any = true;
        }
        // Replaced, not appended: the buckets are already bounded by the window and the newest
        // one is still filling.
        s.minimum->setData(keys, minimum, true);
        s.maximum->setData(keys, maximum, true);
        s.mean->setData(keys, mean, true);
    }
    for (const Plot::Threshold &t : std::as_const(m_plot->thresholds)) {
        low = std::min(low, t.value);
        high = std::max(high, t.value);
    }
    if (low > high) {
        low = 0;
        high = 100;
    }
    // Percentages and durations start at zero; leave a margin above the highest point.
    low = std::min(0.0, low);
    const double span = std::max(high - low, 1.0);
    QCustomPlot *plot = m_plot->widget;
    plot->yAxis->setRange(low, high + span * 0.18); // room for the threshold labels
    plot->xAxis->setRange(double(from) / 1000.0, double(now) / 1000.0);
    m_plot->empty->setVisible(!any);
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        applyColors();
}

void MetricPlot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

} // namespace Haven
