// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSplitter;

namespace Haven {

class ComponentDetails;
class ConsoleSession;
class ReadinessPanel;
class ReadinessTracker;
class TopologyScene;
class TopologyView;

// The DR runtime dashboard (容灾运行大盘): switchover readiness on top, the whole
// multi-datacenter topology below, and a details panel for what the operator clicks.
class DashboardPage final : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(ConsoleSession &session, QWidget *parent = nullptr);
    ~DashboardPage() override;

    TopologyScene *scene() const { return m_scene; }
    TopologyView *view() const { return m_view; }
    ReadinessTracker *readiness() const { return m_readiness; }
    ComponentDetails *details() const { return m_details; }

    void setDarkTheme(bool dark);

private:
    void applyFilter();
    void refreshProductGroups();

    ConsoleSession &m_session;
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
