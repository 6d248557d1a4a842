// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/topology/fleettopology.h"
#include "widgets/common/metricplot.h"

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QTreeWidget;

namespace Haven {

class MetricHistory;
class StatusBadge;

// The details panel the dashboard opens for a component or a replication link: facts, alerts,
// dependencies and trend plots from the metric history (15 min / 6 h / 24 h). It keeps following
// the topology: a status change or a new alert shows up without reopening it.
class ComponentDetails final : public QWidget
{
    Q_OBJECT
public:
    ComponentDetails(const FleetTopology &topology, const MetricHistory &history, QWidget *parent = nullptr);
    ~ComponentDetails() override;

    void showComponent(const QString &siteId, const QString &componentId);
    void showLink(const QString &siteId, const QString &linkId);
    void clear();

    QString siteId() const { return m_siteId; }
    QString componentId() const { return m_componentId; }
    QString linkId() const { return m_linkId; }

    // Dashed lines on the plots (cpu, capacity, replication lag).
    void setThresholds(double cpuCeiling, double capacityWatermark, double maxLagSeconds);

    MetricPlot::Window window() const { return m_window; }
    void setWindow(MetricPlot::Window window);

    // The plots shown now, in order (cpu, memory, latency, capacity; or the lag).
    QList<MetricPlot *> plots() const;

    // Translated name and unit of a metric key ("cpu" -> "CPU", "%").
    static QString metricName(const QString &metric);
    static QString metricUnit(const QString &metric);

Q_SIGNALS:
    // A dependency was activated: the dashboard may select it.
    void componentActivated(const QString &siteId, const QString &componentId);

private:
    void refresh();
    void refreshComponent();
    void refreshLink();
    struct Fact
    {
        QString key; // object name of the value label: "fact-<key>"
        QString label;
        QString value;
    };
    void setFacts(const QList<Fact> &facts);
    void setPlots(const QStringList &metrics, const QString &seriesComponent);
    void onComponentsChanged(const QList<int> &rows);
    void onDependencyActivated(QListWidgetItem *item);

    const FleetTopology &m_topology;
    const MetricHistory &m_history;
    QString m_siteId;
    QString m_componentId;
    QString m_linkId;
    MetricPlot::Window m_window = MetricPlot::Window::Minutes15;
    double m_cpuCeiling = 85;
    double m_capacityWatermark = 80;
    double m_maxLag = 30;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    StatusBadge *m_badge = nullptr;
    QFormLayout *m_facts = nullptr;
    QGroupBox *m_alertsBox = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QGroupBox *m_dependenciesBox = nullptr;
    QListWidget *m_dependsOn = nullptr;
    QListWidget *m_neededBy = nullptr;
    QGroupBox *m_trendsBox = nullptr;
    QWidget *m_windowButtons = nullptr;
    QWidget *m_plotArea = nullptr;
    QList<MetricPlot *> m_plots;
    QStringList m_plotKeys; // what m_plots show, to rebuild only when it changes
};

} // namespace Haven
