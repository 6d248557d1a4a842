// SPDX-License-Identifier: GPL-3.0-or-later

#include "metricplot.h"

#include "plotpalette.h"

#include "models/store/metrichistory.h"
#include "models/store/trendsource.h"
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
        {Window::Days30, tr("30 d")},
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
    case Window::Days30:
        return 30LL * 24 * 3600 * 1000;
    }
    return 15 * 60 * 1000;
}

void MetricPlot::setSeries(const QStringList &keys, const QStringList &labels)
{
    if (keys == m_keys && labels == m_labels)
        return;
    m_keys = keys;
    m_labels = labels;
    m_trend = {};
    rebuildGraphs();
    refresh();
}

void MetricPlot::setWindow(Window window)
{
    const bool changed = window != m_window;
    m_window = window;
    if (QAbstractButton *button = m_windowGroup->button(int(window)))
        button->setChecked(true);
    m_plot->ticker->setDateTimeFormat(window == Window::Days30    ? QStringLiteral("MM-dd")
                                      : window == Window::Hours24 ? QStringLiteral("hh:mm\nMM-dd")
                                                                  : QStringLiteral("hh:mm"));
    if (changed)
        m_trend = {};
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

bool MetricPlot::askForTrend(qint64 fromMs, qint64 nowMs)
{
    TrendSource *source = m_history.trendSource();
    if (!source || m_keys.isEmpty())
        return false;
    // The live ring covers the window when it holds a poll from its start (one poll of slack).
    bool covered = true;
    for (const QString &key : std::as_const(m_keys)) {
        const qint64 since = m_history.liveSinceMs(key);
        covered = covered && since >= 0 && since <= fromMs + MetricTiers::widthMs(MetricTiers::Raw);
    }
    if (covered)
        return false;
    // A trend is asked again when its newest bucket is older than a bucket of its tier.
    const qint64 stale = std::max<qint64>(MetricTiers::widthMs(MetricTiers::forRange(fromMs, nowMs, nowMs)), 15'000);
    if (m_trend.request != 0 || (m_trend.source == source && m_trend.askedMs + stale > nowMs))
        return true;
    if (m_trend.source != source) {
        disconnect(m_trend.connection);
        m_trend.connection = connect(source, &TrendSource::trendLoaded, this,
                                     [this](quint64 request, const TrendResult &result) {
            if (request != m_trend.request)
                return;
            m_trend.request = 0;
            m_trend.series = result.series;
            m_trend.error = result.error;
            refresh();
        });
        m_trend.source = source;
    }
    m_trend.askedMs = nowMs;
    m_trend.request = source->requestTrend(m_keys, fromMs, nowMs);
    return true;
}

QList<MetricBucket> MetricPlot::pointsOf(const QString &key, qint64 fromMs, qint64 nowMs, bool withTrend) const
{
    QList<MetricBucket> points;
    qint64 liveFrom = fromMs;
    if (withTrend) {
        // What the trend has, then the live ring from the end of its newest bucket on.
        for (const MetricBucket &b : m_trend.series.value(key)) {
            if (b.startMs >= fromMs - MetricTiers::widthMs(b.tier) && b.startMs <= nowMs) {
                points.append(b);
                liveFrom = std::max(liveFrom, b.startMs + MetricTiers::widthMs(b.tier));
            }
        }
    }
    points += m_history.points(key, liveFrom, nowMs);
    return points;
}

void MetricPlot::refresh()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - windowMs(m_window);
    const bool withTrend = askForTrend(from, now);
    double low = std::numeric_limits<double>::max();
    double high = std::numeric_limits<double>::lowest();
    bool any = false;
    for (qsizetype i = 0; i < m_plot->series.size(); ++i) {
        Plot::Series &s = m_plot->series[i];
        const QList<MetricBucket> buckets = pointsOf(m_keys.at(i), from, now, withTrend);
        QVector<double> keys;
        QVector<double> minimum;
        QVector<double> maximum;
        QVector<double> mean;
        keys.reserve(buckets.size() + 8);
        minimum.reserve(keys.capacity());
        maximum.reserve(keys.capacity());
        mean.reserve(keys.capacity());
        s.points = 0;
        // Raw samples come at the poll interval, whatever it is: a gap is several of them missing.
        std::vector<qint64> spacing;
        for (qsizetype n = 1; n < buckets.size(); ++n) {
            if (buckets.at(n).tier == MetricTiers::Raw && buckets.at(n - 1).tier == MetricTiers::Raw)
                spacing.push_back(buckets.at(n).startMs - buckets.at(n - 1).startMs);
        }
        qint64 rawGap = 3 * MetricTiers::widthMs(MetricTiers::Raw);
        if (!spacing.empty()) {
            std::nth_element(spacing.begin(), spacing.begin() + qsizetype(spacing.size() / 2), spacing.end());
            rawGap = std::max(rawGap, 3 * spacing[spacing.size() / 2]);
        }
        qint64 previousEnd = -1;
        qint64 previousStart = -1;
        for (const MetricBucket &b : buckets) {
            const bool raw = b.tier == MetricTiers::Raw;
            const qint64 width = raw ? 0 : MetricTiers::widthMs(b.tier);
            // A gap (the console was closed, the site was dark) breaks the line.
            const bool gap = previousEnd >= 0
                             && (raw ? b.startMs - previousStart > rawGap : b.startMs > previousEnd + width);
            if (gap) {
                const double nan = std::numeric_limits<double>::quiet_NaN();
                keys << double(previousEnd + 1) / 1000.0;
                minimum << nan;
                maximum << nan;
                mean << nan;
            }
            previousStart = b.startMs;
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
    // No points: say whether the trend is on its way or could not be read.
    m_plot->empty->setText(!m_trend.error.isEmpty() ? m_trend.error
                           : m_trend.request != 0   ? tr("Loading the trend…")
                                                    : tr("No data yet"));
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
