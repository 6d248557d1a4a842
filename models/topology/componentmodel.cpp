// SPDX-License-Identifier: GPL-3.0-or-later
#include "componentmodel.h"

#include "displaynames.h"
#include "fleettopology.h"

#include <algorithm>

namespace Haven {

namespace {

QVariant metric(const Component &c, const QString &name)
{
    auto it = c.metrics.constFind(name);
    return it == c.metrics.cend() ? QVariant() : QVariant(*it);
}

} // namespace

ComponentModel::ComponentModel(const FleetTopology &topology, QObject *parent)
    : QAbstractTableModel(parent)
    , m_topology(topology)
{
    connect(&topology, &FleetTopology::componentsAboutToBeInserted, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(&topology, &FleetTopology::componentsInserted, this, [this] { endInsertRows(); });
    connect(&topology, &FleetTopology::componentsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(&topology, &FleetTopology::componentsRemoved, this, [this] { endRemoveRows(); });
    connect(&topology, &FleetTopology::componentsChanged, this, &ComponentModel::onComponentsChanged);
    connect(&topology, &FleetTopology::sitesAboutToBeReset, this, &ComponentModel::beginResetModel);
    connect(&topology, &FleetTopology::sitesReset, this, &ComponentModel::endResetModel);
}

void ComponentModel::onComponentsChanged(const QList<int> &rows)
{
    if (rows.isEmpty())
        return;
    // One signal per run of neighbouring rows: views repaint once per run, not per row.
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    int first = sorted.first();
    int previous = first;
    auto flush = [&](int last) { Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1)); };
    for (qsizetype i = 1; i < sorted.size(); ++i) {
        if (sorted.at(i) != previous + 1) {
            flush(previous);
            first = sorted.at(i);
        }
        previous = sorted.at(i);
    }
    flush(previous);
}

int ComponentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_topology.componentCount();
}

int ComponentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComponentModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_topology.componentCount())
        return {};
    const Component &c = m_topology.component(index.row());
    switch (role) {
    case SiteIdRole:
        return m_topology.componentSite(index.row());
    case ComponentIdRole:
        return c.id;
    case LayerRole:
        return int(c.layer);
    case StatusRole:
        return int(c.status);
    case ProductGroupRole:
        return c.productGroup;
    case AlertCountRole:
        return int(c.alerts.size());
    case MetricsRole: {
        QVariantMap map;
        for (auto it = c.metrics.cbegin(); it != c.metrics.cend(); ++it)
            map.insert(it.key(), it.value());
        return map;
    }
    case Qt::DisplayRole:
        switch (index.column()) {
        case SiteColumn: {
            const SiteState *site = m_topology.site(m_topology.componentSite(index.row()));
            return site ? site->displayName() : QString();
        }
        case LayerColumn:
            return DisplayNames::layer(c.layer);
        case NameColumn:
            return c.name;
        case KindColumn:
            return c.kind;
        case ProductGroupColumn:
            return c.productGroup;
        case HostColumn:
            return c.host;
        case StatusColumn:
            return DisplayNames::status(c.status);
        case CpuColumn:
            return metric(c, QStringLiteral("cpu"));
        case MemoryColumn:
            return metric(c, QStringLiteral("memory"));
        case LatencyColumn:
            return metric(c, QStringLiteral("latencyMs"));
        case CapacityColumn:
            return metric(c, QStringLiteral("capacity"));
        case AlertsColumn:
            return int(c.alerts.size());
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() >= CpuColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default:
        return {};
    }
}

QVariant ComponentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SiteColumn:
        return tr("Site");
    case LayerColumn:
        return tr("Layer");
    case NameColumn:
        return tr("Component");
    case KindColumn:
        return tr("Kind");
    case ProductGroupColumn:
        return tr("Product group");
    case HostColumn:
        return tr("Host");
    case StatusColumn:
        return tr("Status");
    case CpuColumn:
        return tr("CPU %");
    case MemoryColumn:
        return tr("Memory %");
    case LatencyColumn:
        return tr("Latency ms");
    case CapacityColumn:
        return tr("Capacity %");
    case AlertsColumn:
        return tr("Alerts");
    }
    return {};
}

QHash<int, QByteArray> ComponentModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SiteIdRole, "siteId");
    names.insert(ComponentIdRole, "componentId");
    names.insert(LayerRole, "layer");
    names.insert(StatusRole, "status");
    names.insert(ProductGroupRole, "productGroup");
    names.insert(AlertCountRole, "alertCount");
    names.insert(MetricsRole, "metrics");
    return names;
}

} // namespace Haven
