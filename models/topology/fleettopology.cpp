// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleettopology.h"

#include <QSet>

#include <algorithm>

namespace Haven {

QString toString(Reachability reachability)
{
    switch (reachability) {
    case Reachability::Unknown:
        return QStringLiteral("unknown");
    case Reachability::Online:
        return QStringLiteral("online");
    case Reachability::Slow:
        return QStringLiteral("slow");
    case Reachability::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

qint64 SiteState::dataAgeSeconds(const QDateTime &now) const
{
    return dataTime.isValid() ? std::max<qint64>(0, dataTime.secsTo(now)) : -1;
}

FleetTopology::FleetTopology(QObject *parent)
    : QObject(parent)
{ }

FleetTopology::~FleetTopology()
{
    qDeleteAll(m_blocks);
}

FleetTopology::Block *FleetTopology::block(const QString &siteId)
{
    return m_byId.value(siteId);
}

const FleetTopology::Block *FleetTopology::block(const QString &siteId) const
{
    return m_byId.value(siteId);
}

void FleetTopology::setSites(const QList<SiteState> &sites)
{
    Q_EMIT sitesAboutToBeReset();
    QList<Block *> blocks;
    QHash<QString, Block *> byId;
    for (const SiteState &state : sites) {
        Block *b = m_byId.take(state.id);
        if (!b) {
            b = new Block;
            b->state = state;
        } else {
            // Keep what was learnt; take what the environment says about names and places.
            b->state.name = b->state.info.name.isEmpty() ? state.name : b->state.info.name;
            b->state.region = state.region.isEmpty() ? b->state.region : state.region;
            b->state.city = state.city.isEmpty() ? b->state.city : state.city;
        }
        blocks.append(b);
        byId.insert(state.id, b);
    }
    qDeleteAll(m_byId); // sites that left the environment
    m_blocks = blocks;
    m_byId = byId;
    updateOffsets(0);
    Q_EMIT sitesReset();
}

QStringList FleetTopology::siteIds() const
{
    QStringList ids;
    ids.reserve(m_blocks.size());
    for (const Block *b : m_blocks)
        ids.append(b->state.id);
    return ids;
}

const SiteState *FleetTopology::site(const QString &siteId) const
{
    const Block *b = block(siteId);
    return b ? &b->state : nullptr;
}

void FleetTopology::updateOffsets(qsizetype fromBlock)
{
    int offset = fromBlock > 0 ? m_blocks.at(fromBlock - 1)->offset + int(m_blocks.at(fromBlock - 1)->components.size())
                               : 0;
    for (qsizetype i = fromBlock; i < m_blocks.size(); ++i) {
        m_blocks[i]->offset = offset;
        offset += int(m_blocks.at(i)->components.size());
    }
    m_total = offset;
}

int FleetTopology::blockIndexOfRow(int row) const
{
    auto it = std::upper_bound(m_blocks.cbegin(), m_blocks.cend(), row,
                               [](int r, const Block *b) { return r < b->offset; });
    // Skip back over empty blocks that share the offset.
    qsizetype index = (it - m_blocks.cbegin()) - 1;
    while (index > 0 && m_blocks.at(index)->components.isEmpty())
        --index;
    return int(index);
}

const Component &FleetTopology::component(int row) const
{
    const Block *b = m_blocks.at(blockIndexOfRow(row));
    return b->components.at(row - b->offset);
}

const QString &FleetTopology::componentSite(int row) const
{
    return m_blocks.at(blockIndexOfRow(row))->state.id;
}

int FleetTopology::rowOf(const QString &siteId, const QString &componentId) const
{
    const Block *b = block(siteId);
    if (!b)
        return -1;
    auto it = b->index.constFind(componentId);
    return it == b->index.cend() ? -1 : b->offset + *it;
}

int FleetTopology::firstRow(const QString &siteId) const
{
    const Block *b = block(siteId);
    return b ? b->offset : -1;
}

QList<Component> FleetTopology::components(const QString &siteId) const
{
    const Block *b = block(siteId);
    return b ? b->components : QList<Component>();
}

TopologySnapshot FleetTopology::snapshot(const QString &siteId) const
{
    TopologySnapshot s;
    const Block *b = block(siteId);
    if (!b)
        return s;
    s.siteId = siteId;
    s.epoch = b->state.epoch;
    s.revision = b->state.revision;
    s.components = b->components;
    s.dependencies = b->state.dependencies;
    s.replication = b->state.replication;
    s.traffic = b->state.traffic;
    return s;
}

void FleetTopology::reindex(Block &b)
{
    b.index.clear();
    b.index.reserve(b.components.size());
    for (int i = 0; i < b.components.size(); ++i)
        b.index.insert(b.components.at(i).id, i);
}

void FleetTopology::replaceComponents(Block &b, const QList<Component> &components)
{
    const bool sameIds = components.size() == b.components.size()
                         && std::equal(components.cbegin(), components.cend(), b.components.cbegin(),
                                       [](const Component &x, const Component &y) { return x.id == y.id; });
    if (sameIds) {
        QList<int> changed;
        for (int i = 0; i < components.size(); ++i) {
            if (!(components.at(i) == b.components.at(i))) {
                b.components[i] = components.at(i);
                changed.append(b.offset + i);
            }
        }
        if (!changed.isEmpty())
            Q_EMIT componentsChanged(changed);
        return;
    }
    const qsizetype blockIndex = m_blocks.indexOf(&b);
    if (!b.components.isEmpty()) {
        Q_EMIT componentsAboutToBeRemoved(b.offset, b.offset + int(b.components.size()) - 1);
        b.components.clear();
        b.index.clear();
        updateOffsets(blockIndex);
        Q_EMIT componentsRemoved();
    }
    if (!components.isEmpty()) {
        Q_EMIT componentsAboutToBeInserted(b.offset, b.offset + int(components.size()) - 1);
        b.components = components;
        reindex(b);
        updateOffsets(blockIndex);
        Q_EMIT componentsInserted();
    }
}

void FleetTopology::upsertComponents(Block &b, const QList<Component> &components)
{
    QList<int> changed;
    QList<Component> added;
    for (const Component &c : components) {
        auto it = b.index.constFind(c.id);
        if (it == b.index.cend()) {
            added.append(c);
            continue;
        }
        b.components[*it] = c;
        changed.append(b.offset + *it);
    }
    if (!changed.isEmpty())
        Q_EMIT componentsChanged(changed);
    if (added.isEmpty())
        return;
    const int first = b.offset + int(b.components.size());
    Q_EMIT componentsAboutToBeInserted(first, first + int(added.size()) - 1);
    for (const Component &c : std::as_const(added)) {
        b.index.insert(c.id, int(b.components.size()));
        b.components.append(c);
    }
    updateOffsets(m_blocks.indexOf(&b));
    Q_EMIT componentsInserted();
}

void FleetTopology::removeComponents(Block &b, const QStringList &ids)
{
    for (const QString &id : ids) {
        auto it = b.index.constFind(id);
        if (it == b.index.cend())
            continue;
        const int local = *it;
        Q_EMIT componentsAboutToBeRemoved(b.offset + local, b.offset + local);
        b.components.removeAt(local);
        reindex(b);
        updateOffsets(m_blocks.indexOf(&b));
        Q_EMIT componentsRemoved();
    }
}

void FleetTopology::applySnapshot(const QString &siteId, const TopologySnapshot &snapshot, const QDateTime &dataTime,
                                  bool fromCache)
{
    Block *b = block(siteId);
    if (!b)
        return;
    replaceComponents(*b, snapshot.components);
    b->state.revision = snapshot.revision;
    b->state.epoch = snapshot.epoch;
    b->state.dependencies = snapshot.dependencies;
    b->state.replication = snapshot.replication;
    b->state.traffic = snapshot.traffic;
    b->state.dataTime = dataTime;
    b->state.fromCache = fromCache;
    Q_EMIT siteChanged(siteId);
}

bool FleetTopology::applyChanges(const QString &siteId, const TopologyChanges &changes, const QDateTime &dataTime)
{
    Block *b = block(siteId);
    if (!b)
        return false;
    if (changes.full) {
        TopologySnapshot snapshot;
        snapshot.siteId = siteId;
        snapshot.epoch = changes.epoch;
        snapshot.revision = changes.revision;
        snapshot.components = changes.components;
        snapshot.replication = changes.replication;
        snapshot.dependencies = changes.dependencies.value_or(QList<Dependency>());
        snapshot.traffic = changes.traffic.value_or(QMap<QString, double>());
        applySnapshot(siteId, snapshot, dataTime, false);
        return true;
    }
    if (changes.epoch != b->state.epoch || changes.since != b->state.revision || b->state.fromCache)
        return false;
    upsertComponents(*b, changes.components);
    removeComponents(*b, changes.removedComponents);
    for (const ReplicationLink &link : changes.replication) {
        auto it = std::find_if(b->state.replication.begin(), b->state.replication.end(),
                               [&](const ReplicationLink &l) { return l.id == link.id; });
        if (it == b->state.replication.end())
            b->state.replication.append(link);
        else
            *it = link;
    }
    for (const QString &id : changes.removedReplication)
        b->state.replication.removeIf([&](const ReplicationLink &l) { return l.id == id; });
    if (changes.dependencies)
        b->state.dependencies = *changes.dependencies;
    if (changes.traffic)
        b->state.traffic = *changes.traffic;
    b->state.revision = changes.revision;
    b->state.dataTime = dataTime;
    Q_EMIT siteChanged(siteId);
    return true;
}

void FleetTopology::setSiteInfo(const QString &siteId, const SiteInfo &info)
{
    Block *b = block(siteId);
    if (!b)
        return;
    b->state.info = info;
    if (!info.name.isEmpty())
        b->state.name = info.name;
    if (!info.region.isEmpty())
        b->state.region = info.region;
    if (!info.city.isEmpty())
        b->state.city = info.city;
    Q_EMIT siteChanged(siteId);
}

void FleetTopology::setReachability(const QString &siteId, Reachability reachability, const QString &problem,
                                    const QDateTime &lastSeen)
{
    Block *b = block(siteId);
    if (!b)
        return;
    if (b->state.reachability == reachability && b->state.problem == problem && b->state.lastSeen == lastSeen)
        return;
    b->state.reachability = reachability;
    b->state.problem = problem;
    if (lastSeen.isValid())
        b->state.lastSeen = lastSeen;
    Q_EMIT siteChanged(siteId);
}

void FleetTopology::setOperations(const QString &siteId, const QList<OperationSpec> &operations)
{
    Block *b = block(siteId);
    if (!b)
        return;
    const auto sameCodes = [](const QList<OperationSpec> &x, const QList<OperationSpec> &y) {
        return std::equal(x.cbegin(), x.cend(), y.cbegin(), y.cend(),
                          [](const OperationSpec &a, const OperationSpec &c) { return a.toJson() == c.toJson(); });
    };
    if (sameCodes(b->state.operations, operations))
        return;
    b->state.operations = operations;
    Q_EMIT catalogChanged();
}

QList<OperationSpec> FleetTopology::catalog() const
{
    QList<OperationSpec> catalog;
    QSet<QString> codes;
    for (const Block *b : m_blocks) {
        for (const OperationSpec &operation : b->state.operations) {
            if (!codes.contains(operation.code)) {
                codes.insert(operation.code);
                catalog.append(operation);
            }
        }
    }
    return catalog;
}

QHash<ComponentStatus, int> FleetTopology::statusCounts(const QString &siteId) const
{
    QHash<ComponentStatus, int> counts;
    const auto count = [&counts](const Block &b) {
        for (const Component &c : b.components)
            counts[c.status] += 1;
    };
    if (!siteId.isEmpty()) {
        // One site's counts are asked per table cell: look its block up, do not walk the fleet.
        if (const Block *b = block(siteId))
            count(*b);
        return counts;
    }
    for (const Block *b : m_blocks)
        count(*b);
    return counts;
}

} // namespace Haven
