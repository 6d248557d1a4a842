// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/store/metricbucket.h"

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <memory>

class QButtonGroup;
class QLabel;
class QTimer;

namespace Haven {

class MetricHistory;
class TrendSource;

// A trend of one or more MetricHistory series over the last 15 min, 6 h, 24 h or 30 days: per
// series a band from each bucket's minimum to its maximum and a line through the means, a time
// axis, thresholds as dashed lines. It reads the history at a fixed rate while visible (not per
// sample), so a 24/7 wall screen redraws a bounded amount of data at a bounded rate. What the
// live ring does not hold it asks the history's trend source for (disk or Prometheus), and
// draws when the answer comes; it never waits for it.
// The only place that includes qcustomplot.h is metricplot.cpp.
class MetricPlot final : public QWidget
{
    Q_OBJECT
public:
    enum class Window { Minutes15, Hours6, Hours24, Days30 };
    Q_ENUM(Window)

    explicit MetricPlot(const MetricHistory &history, QWidget *parent = nullptr);
    ~MetricPlot() override;

    static qint64 windowMs(Window window);

    // Series keys (MetricHistory::seriesKey) and what the legend calls them.
    void setSeries(const QStringList &keys, const QStringList &labels = {});
    QStringList seriesKeys() const { return m_keys; }

    Window window() const { return m_window; }
    void setWindow(Window window);

    void setTitle(const QString &title);
    QString title() const;
    void setUnit(const QString &unit); // value axis label, e.g. "%" or "ms"

    // A dashed horizontal line at value, labelled.
    void setThreshold(double value, const QString &label);
    void clearThresholds();
    int thresholdCount() const;

    // The 15 min / 6 h / 24 h buttons; hide them when a parent offers one choice for many plots.
    void setWindowButtonsVisible(bool visible);

    // How often the history is read while the plot is visible (default 2000 ms).
    void setRefreshInterval(int milliseconds);
    int refreshInterval() const;

    // Points of a series' mean line after the last refresh (gaps not counted).
    int pointCount(int series) const;
    // The value axis range after the last refresh.
    double valueAxisMinimum() const;
    double valueAxisMaximum() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    // Reads the history now and queues a replot.
    void refresh();

Q_SIGNALS:
    void windowChanged(Haven::MetricPlot::Window window);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    struct Plot;
    struct Trend
    {
        QPointer<TrendSource> source;
        QMetaObject::Connection connection;
        quint64 request = 0; // the answer awaited; 0: none
        qint64 askedMs = 0;
        QHash<QString, QList<MetricBucket>> series;
        QString error;
    };

    // Asks the trend source when the live ring does not cover the window; true when the
    // trend is part of what is drawn.
    bool askForTrend(qint64 fromMs, qint64 nowMs);
    QList<MetricBucket> pointsOf(const QString &key, qint64 fromMs, qint64 nowMs, bool withTrend) const;
    void rebuildGraphs();
    void applyColors();

    const MetricHistory &m_history;
    std::unique_ptr<Plot> m_plot;
    QStringList m_keys;
    QStringList m_labels;
    Window m_window = Window::Minutes15;
    QLabel *m_title = nullptr;
    QWidget *m_buttons = nullptr;
    QButtonGroup *m_windowGroup = nullptr;
    QTimer *m_timer = nullptr;
    Trend m_trend;
};

} // namespace Haven
