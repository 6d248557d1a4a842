// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace Haven {

class FleetTopology;

// Every component of every site as one table, kept current by FleetTopology's signals:
// a status change updates its row, it never resets the model.
class ComponentModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SiteColumn,
        LayerColumn,
        NameColumn,
        KindColumn,
        ProductGroupColumn,
        HostColumn,
        StatusColumn,
        CpuColumn,
        MemoryColumn,
        LatencyColumn,
        CapacityColumn,
        AlertsColumn,
        ColumnCount
    };
    enum Role {
        SiteIdRole = Qt::UserRole + 1,
        ComponentIdRole,
        LayerRole,  // Haven::Layer as int
        StatusRole, // Haven::ComponentStatus as int
        ProductGroupRole,
        AlertCountRole,
        MetricsRole, // QVariantMap of the metrics
    };

    explicit ComponentModel(const FleetTopology &topology, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void onComponentsChanged(const QList<int> &rows);

    const FleetTopology &m_topology;
};

} // namespace Haven
