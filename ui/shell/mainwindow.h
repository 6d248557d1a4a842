// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace Haven {

class ComponentModel;
class ConsoleSession;
class DashboardPage;
class EnvironmentPage;
class ExecutionPage;
class SiteListModel;
class TicketDialog;

// The console's window: a navigation rail, the degraded-mode banner, and the pages.
// Features add their own pages; the window only hosts them.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ConsoleSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Adds a page to the navigation rail; returns its index.
    int addPage(const QString &title, QWidget *page);
    void showPage(int index);
    DashboardPage *dashboardPage() const { return m_dashboard; }
    QWidget *overviewPage() const { return m_overview; }
    EnvironmentPage *environmentPage() const { return m_environmentPage; }
    ExecutionPage *executionPage() const { return m_executionPage; }

    // Opens the execution ticket (预案执行单), for planId when given; the window keeps it until
    // it closes. After a successful start the execution is shown (showExecution).
    TicketDialog *openTicket(const QString &planId = {});
    // Shows a running or finished execution on the switchover dashboard.
    void showExecution(const QString &id);

private:
    QWidget *buildOverview();
    void updateBanner();
    void updateStatusBar();

    ConsoleSession &m_session;
    QLabel *m_banner;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    DashboardPage *m_dashboard = nullptr;
    QWidget *m_overview = nullptr;
    EnvironmentPage *m_environmentPage = nullptr;
    ExecutionPage *m_executionPage = nullptr;
    int m_executionPageIndex = -1;
    SiteListModel *m_sites;
    ComponentModel *m_components;
    QSortFilterProxyModel *m_filter;
    QLabel *m_statusSummary;
    bool m_savingEnvironment = false;
};

} // namespace Haven
