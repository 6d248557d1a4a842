// SPDX-License-Identifier: GPL-3.0-or-later
#include "sitelistmodel.h"

#include "displaynames.h"
#include "fleettopology.h"

namespace Haven {

SiteListModel::SiteListModel(const FleetTopology &topology, QObject *parent)
    : QAbstractTableModel(parent)
    , m_topology(topology)
    , m_ids(topology.siteIds())
{
    connect(&topology, &FleetTopology::sitesAboutToBeReset, this, &SiteListModel::beginResetModel);
    connect(&topology, &FleetTopology::sitesReset, this, [this] {
        m_ids = m_topology.siteIds();
        endResetModel();
    });
    connect(&topology, &FleetTopology::siteChanged, this, [this](const QString &siteId) {
        const int row = int(m_ids.indexOf(siteId));
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

QDateTime SiteListModel::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

void SiteListModel::refreshAges()
{
    if (!m_ids.isEmpty())
        Q_EMIT dataChanged(index(0, DataAgeColumn), index(int(m_ids.size()) - 1, DataAgeColumn));
}

QString SiteListModel::formatAge(qint64 seconds)
{
    if (seconds < 0)
        return tr("no data");
    if (seconds < 60)
        return tr("%n s", nullptr, int(seconds));
    if (seconds < 3600)
        return tr("%n min", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("%n d", nullptr, int(seconds / 86400));
}

int SiteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int SiteListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SiteListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size())
        return {};
    const SiteState *site = m_topology.site(m_ids.at(index.row()));
    if (!site)
        return {};
    const qint64 age = site->dataAgeSeconds(now());
    const bool stale = site->fromCache || site->reachability == Reachability::Unreachable
                       || site->reachability == Reachability::Unknown;
    switch (role) {
    case SiteIdRole:
        return site->id;
    case ReachabilityRole:
        return int(site->reachability);
    case DataAgeSecondsRole:
        return age;
    case StaleRole:
        return stale;
    case Qt::ToolTipRole:
        return site->problem.isEmpty() ? QVariant() : QVariant(site->problem);
    case Qt::DisplayRole: {
        const QHash<ComponentStatus, int> counts = index.column() >= ComponentsColumn && index.column() <= DownColumn
                                                       ? m_topology.statusCounts(site->id)
                                                       : QHash<ComponentStatus, int>();
        switch (index.column()) {
        case NameColumn:
            return site->displayName();
        case RegionColumn:
            return site->city.isEmpty() ? site->region : site->region + QStringLiteral(" / ") + site->city;
        case ReachabilityColumn:
            return DisplayNames::reachability(site->reachability);
        case DataAgeColumn:
            return stale && age >= 0 ? tr("%1 old").arg(formatAge(age)) : formatAge(age);
        case ComponentsColumn: {
            int total = 0;
            for (int n : counts)
                total += n;
            return total;
        }
        case WarningColumn:
            return counts.value(ComponentStatus::Warning);
        case CriticalColumn:
            return counts.value(ComponentStatus::Critical);
        case DownColumn:
            return counts.value(ComponentStatus::Down);
        case ProblemColumn:
            return site->problem;
        }
        return {};
    }
    default:
        return {};
    }
}

QVariant SiteListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Site");
    case RegionColumn:
        return tr("Region / city");
    case ReachabilityColumn:
        return tr("Agent");
    case DataAgeColumn:
        return tr("Data age");
    case ComponentsColumn:
        return tr("Components");
    case WarningColumn:
        return tr("Warning");
    case CriticalColumn:
        return tr("Critical");
    case DownColumn:
        return tr("Down");
    case ProblemColumn:
        return tr("Problem");
    }
    return {};
}

} // namespace Haven
