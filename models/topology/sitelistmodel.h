// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QDateTime>

namespace Haven {

class FleetTopology;

// One row per site: reachability, when it was last seen, how old its data is, and its
// components by status. Data age is computed when asked; call refreshAges() once a second.
class SiteListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        RegionColumn,
        ReachabilityColumn,
        DataAgeColumn,
        ComponentsColumn,
        WarningColumn,
        CriticalColumn,
        DownColumn,
        ProblemColumn,
        ColumnCount
    };
    enum Role {
        SiteIdRole = Qt::UserRole + 1,
        ReachabilityRole, // Haven::Reachability as int
        DataAgeSecondsRole,
        StaleRole, // true when the data is not current (cache or unreachable)
    };

    explicit SiteListModel(const FleetTopology &topology, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void refreshAges();
    // Fixes "now" for tests; an invalid time means the clock.
    void setClockForTesting(const QDateTime &now) { m_fixedNow = now; }

    static QString formatAge(qint64 seconds);

private:
    QDateTime now() const;

    const FleetTopology &m_topology;
    QStringList m_ids;
    QDateTime m_fixedNow;
};

} // namespace Haven
