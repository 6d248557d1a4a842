// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "navigator.h"
#include "shell.h"

#include <QHash>
#include <QMainWindow>

class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace Haven {

class FleetTopology;
class ModeController;

// The console's window: the navigation rail, the degraded-mode banner, the status bar and the
// navigator. Features register their pages, menu actions and destinations through Shell
// (ui/shell/features.cpp lists them); the window includes no feature's header.
class MainWindow final : public QMainWindow, public Shell
{
    Q_OBJECT
public:
    MainWindow(const FleetTopology &topology, const ModeController &mode, QWidget *parent = nullptr);
    ~MainWindow() override;

    void addPage(const QString &id, const QString &title, QWidget *page) override;
    void addAction(const QString &menuId, const QString &menuTitle, QAction *action) override;
    void addDestination(const QString &name, std::function<void(const QString &id)> go) override;
    Navigator &navigator() override { return m_navigator; }
    QWidget *dialogParent() override { return this; }
    void showStatusMessage(const QString &message) override;

    // Shows the page registered as id; false when there is none.
    bool showPage(const QString &id);
    QWidget *page(const QString &id) const;
    QString currentPageId() const;
    QStringList pageIds() const { return m_pageIds; }
    QMenu *menu(const QString &menuId) const { return m_menus.value(menuId); }

private:
    void updateBanner();
    void updateStatusBar();

    const FleetTopology &m_topology;
    const ModeController &m_mode;
    Navigator m_navigator;
    QLabel *m_banner;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_statusSummary;
    QStringList m_pageIds; // in rail order
    QHash<QString, QMenu *> m_menus;
};

} // namespace Haven
