// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace Haven {

class AlertModel;
class ExecutionEngine;
class FleetTopology;
class ModeController;
class ReadinessPanel;
class ReadinessTracker;
class TopologyScene;
class TopologyView;
struct ReadinessThresholds;

// Wall mode (haven --wall): full screen, dark and high-contrast, fonts sized for reading
// from across the room, rotating between views, with the clock and the data age always
// visible. It never opens a dialog: every problem shows in the banner. While a plan execution
// is active the switchover dashboard (view "execution") is shown and rotation waits for it to end.
class WallWindow final : public QWidget
{
    Q_OBJECT
public:
    struct Options
    {
        int rotateSeconds = 30;
        QStringList views = {QStringLiteral("dashboard"), QStringLiteral("alerts")};
    };

    // The topology and the mode (banner) for the views; the engine says when an execution is
    // active, and executionView (the switchover dashboard in wall mode, which the wall takes
    // over) shows it.
    WallWindow(const FleetTopology &topology, ExecutionEngine &engine, const ModeController &mode,
               const ReadinessThresholds &thresholds, QWidget *executionView, const Options &options,
               QWidget *parent = nullptr);
    ~WallWindow() override;

    static QStringList knownViews();
    QString currentView() const;
    void showView(const QString &name);
    void rotate();
    QWidget *executionView() const { return m_executionView; }
    // The running drill's view (view "drill"): pinned while active() says a drill runs.
    void setDrillView(QWidget *view, std::function<bool()> active);

protected:
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *buildDashboard();
    QWidget *buildAlerts();
    // Pins the execution view while an execution is active; rotation resumes when it ends.
    void followExecutions();
    void followDrill();
    void applyFonts();
    void tick(); // clock, data age, banner: once a second

    const FleetTopology &m_topology;
    ExecutionEngine &m_engine;
    const ModeController &m_mode;
    const ReadinessThresholds &m_thresholds;
    Options m_options;
    QLabel *m_title;
    QLabel *m_clock;
    QLabel *m_dataAge;
    QLabel *m_banner;
    QLabel *m_viewName;
    QStackedWidget *m_views;
    QStringList m_viewIds;
    TopologyScene *m_scene = nullptr;
    TopologyView *m_topologyView = nullptr;
    ReadinessTracker *m_readiness = nullptr;
    ReadinessPanel *m_readinessPanel = nullptr;
    AlertModel *m_alerts = nullptr;
    QTableView *m_alertTable = nullptr;
    QLabel *m_alertSummary = nullptr;
    QWidget *m_executionView;
    bool m_executionInRotation = false; // asked for in --views: shown even when nothing runs
    bool m_pinnedToExecution = false;
    QWidget *m_drillView = nullptr;
    std::function<bool()> m_drillActive;
    bool m_pinnedToDrill = false;
    QTimer *m_rotation;
    QTimer *m_clockTimer;
};

} // namespace Haven
