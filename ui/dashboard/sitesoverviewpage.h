// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace Haven {

class ComponentModel;
class FleetTopology;
class SiteListModel;

// The Sites page: every site with its reachability and data age, and every component in a
// table that can be searched and sorted.
class SitesOverviewPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SitesOverviewPage(const FleetTopology &topology, QWidget *parent = nullptr);
    ~SitesOverviewPage() override;

    QTableView *siteTable() const { return m_siteTable; }
    QTableView *componentTable() const { return m_componentTable; }
    QLineEdit *searchField() const { return m_search; }

private:
    SiteListModel *m_sites;
    ComponentModel *m_components;
    QSortFilterProxyModel *m_filter;
    QTableView *m_siteTable;
    QTableView *m_componentTable;
    QLineEdit *m_search;
};

} // namespace Haven
