// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QAbstractTableModel>

namespace Haven {

class FleetTopology;

// Every active alert of every site, most severe and then oldest first: what the wall shows
// under "alerts". Rebuilt (coalesced) when components change; alerts are few next to components.
class AlertModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { SeverityColumn, SiteColumn, ComponentColumn, MessageColumn, SinceColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole + 1, SiteIdRole, ComponentIdRole, SinceRole };

    explicit AlertModel(const FleetTopology &topology, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    int criticalCount() const;
    // Rebuilds now (normally done on the next event loop turn after a change).
    void refresh();
    void setClockForTesting(const QDateTime &now) { m_fixedNow = now; }

Q_SIGNALS:
    void countsChanged();

private:
    struct Row
    {
        QString siteId;
        QString siteName;
        QString componentId;
        QString componentName;
        Alert alert;
    };
    void scheduleRefresh();

    const FleetTopology &m_topology;
    QList<Row> m_rows;
    bool m_refreshPending = false;
    QDateTime m_fixedNow;
};

} // namespace Haven
