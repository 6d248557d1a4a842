// SPDX-License-Identifier: GPL-3.0-or-later
#include "alertmodel.h"

#include "fleettopology.h"
#include "sitelistmodel.h"

#include <QTimer>

#include <algorithm>

namespace Haven {

namespace {

int severityRank(const QString &severity)
{
    return severity == QLatin1StringView("critical") ? 0 : severity == QLatin1StringView("warning") ? 1 : 2;
}

} // namespace

AlertModel::AlertModel(const FleetTopology &topology, QObject *parent)
    : QAbstractTableModel(parent)
    , m_topology(topology)
{
    connect(&topology, &FleetTopology::componentsChanged, this, &AlertModel::scheduleRefresh);
    connect(&topology, &FleetTopology::componentsInserted, this, &AlertModel::scheduleRefresh);
    connect(&topology, &FleetTopology::componentsRemoved, this, &AlertModel::scheduleRefresh);
    connect(&topology, &FleetTopology::sitesReset, this, &AlertModel::scheduleRefresh);
    refresh();
}

void AlertModel::scheduleRefresh()
{
    // Many rows change per second on a large fleet: one rebuild per event loop turn.
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QTimer::singleShot(0, this, &AlertModel::refresh);
}

void AlertModel::refresh()
{
    m_refreshPending = false;
    QList<Row> rows;
    for (int row = 0; row < m_topology.componentCount(); ++row) {
        const Component &c = m_topology.component(row);
        if (c.alerts.isEmpty())
            continue;
        const QString &siteId = m_topology.componentSite(row);
        const SiteState *site = m_topology.site(siteId);
        for (const Alert &alert : c.alerts)
            rows.append(Row{siteId, site ? site->displayName() : siteId, c.id, c.name, alert});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        const int ra = severityRank(a.alert.severity);
        const int rb = severityRank(b.alert.severity);
        if (ra != rb)
            return ra < rb;
        return a.alert.since < b.alert.since;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countsChanged();
}

int AlertModel::criticalCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return severityRank(r.alert.severity) == 0; }));
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case SeverityRole:
        return int(severityRank(row.alert.severity) == 0 ? ComponentStatus::Critical : ComponentStatus::Warning);
    case SiteIdRole:
        return row.siteId;
    case ComponentIdRole:
        return row.componentId;
    case SinceRole:
        return row.alert.since;
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severityRank(row.alert.severity) == 0 ? tr("Critical") : tr("Warning");
        case SiteColumn:
            return row.siteName;
        case ComponentColumn:
            return row.componentName;
        case MessageColumn:
            return row.alert.message;
        case SinceColumn: {
            if (!row.alert.since.isValid())
                return QString();
            const QDateTime now = m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
            return tr("for %1").arg(SiteListModel::formatAge(row.alert.since.secsTo(now)));
        }
        }
        return {};
    default:
        return {};
    }
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case SiteColumn:
        return tr("Site");
    case ComponentColumn:
        return tr("Component");
    case MessageColumn:
        return tr("Alert");
    case SinceColumn:
        return tr("Since");
    }
    return {};
}

} // namespace Haven
