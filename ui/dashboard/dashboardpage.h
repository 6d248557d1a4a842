// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace Haven {

class ComponentDetails;
class FleetTopology;
class MetricHistory;
class ReadinessPanel;
class ReadinessTracker;
class TopologyScene;
class TopologyView;
struct ReadinessThresholds;

// The DR runtime dashboard (容灾运行大盘): switchover readiness on top, the whole
// multi-datacenter topology below, and a details panel for what the operator clicks. While the
// console knows no site it says how to add or import them instead of drawing empty layers.
class DashboardPage final : public QWidget
{
    Q_OBJECT
public:
    DashboardPage(const FleetTopology &topology, const MetricHistory &history, const ReadinessThresholds &thresholds,
                  QWidget *parent = nullptr);
    ~DashboardPage() override;

    TopologyScene *scene() const { return m_scene; }
    TopologyView *view() const { return m_view; }
    ReadinessTracker *readiness() const { return m_readiness; }
    ComponentDetails *details() const { return m_details; }

    // Whether the page shows how to add sites (the console knows none) rather than the map.
    bool showsEmptyHint() const;
    QPushButton *addSitesButton() const { return m_addSites; }
    QPushButton *importButton() const { return m_import; }

    void setDarkTheme(bool dark);
    // A strip above the filters that another feature fills (the inspection badges); the page owns it.
    void addBanner(QWidget *banner);

Q_SIGNALS:
    // The empty console's buttons: the Environment page, and an environment or fleet file.
    void addSitesRequested();
    void importRequested();

private:
    QWidget *buildEmptyHint();
    void updateEmptyHint();
    void applyFilter();
    void refreshProductGroups();

    const FleetTopology &m_topology;
    QStackedWidget *m_content;
    QWidget *m_board;
    QWidget *m_emptyHint = nullptr;
    QPushButton *m_addSites = nullptr;
    QPushButton *m_import = nullptr;
    TopologyScene *m_scene;
    TopologyView *m_view;
    ReadinessTracker *m_readiness;
    ReadinessPanel *m_readinessPanel;
    ComponentDetails *m_details;
    QWidget *m_detailsPane;
    QSplitter *m_splitter;
    QLineEdit *m_search;
    QComboBox *m_productGroup;
    QComboBox *m_layer;
    QCheckBox *m_problemsOnly;
};

} // namespace Haven
