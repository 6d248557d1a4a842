// SPDX-License-Identifier: GPL-3.0-or-later
#include "topologystate.h"

#include <QUuid>

namespace Haven {

TopologyState::TopologyState(QString siteId)
    : m_siteId(std::move(siteId))
    , m_epoch(QUuid::createUuid().toString(QUuid::WithoutBraces).left(8))
{ }

bool TopologyState::setComponent(Component component)
{
    auto it = m_components.find(component.id);
    if (it != m_components.end()) {
        component.revision = it->revision;
        if (*it == component)
            return false;
    } else {
        m_componentOrder.append(component.id);
        m_removedComponents.remove(component.id);
    }
    component.revision = ++m_revision;
    m_components.insert(component.id, std::move(component));
    return true;
}

bool TopologyState::removeComponent(const QString &id)
{
    if (!m_components.remove(id))
        return false;
    m_componentOrder.removeOne(id);
    m_removedComponents.insert(id, ++m_revision);
    return true;
}

bool TopologyState::setLink(ReplicationLink link)
{
    auto it = m_links.find(link.id);
    if (it != m_links.end()) {
        link.revision = it->revision;
        if (*it == link)
            return false;
    } else {
        m_linkOrder.append(link.id);
        m_removedLinks.remove(link.id);
    }
    link.revision = ++m_revision;
    m_links.insert(link.id, std::move(link));
    return true;
}

bool TopologyState::removeLink(const QString &id)
{
    if (!m_links.remove(id))
        return false;
    m_linkOrder.removeOne(id);
    m_removedLinks.insert(id, ++m_revision);
    return true;
}

bool TopologyState::setDependencies(QList<Dependency> dependencies)
{
    if (dependencies == m_dependencies && m_dependenciesRevision != 0)
        return false;
    m_dependencies = std::move(dependencies);
    m_dependenciesRevision = ++m_revision;
    return true;
}

bool TopologyState::setTraffic(QMap<QString, double> traffic)
{
    if (traffic == m_traffic && m_trafficRevision != 0)
        return false;
    m_traffic = std::move(traffic);
    m_trafficRevision = ++m_revision;
    return true;
}

const Component *TopologyState::component(const QString &id) const
{
    auto it = m_components.constFind(id);
    return it == m_components.cend() ? nullptr : &*it;
}

const ReplicationLink *TopologyState::link(const QString &id) const
{
    auto it = m_links.constFind(id);
    return it == m_links.cend() ? nullptr : &*it;
}

TopologySnapshot TopologyState::snapshot() const
{
    TopologySnapshot snapshot;
    snapshot.siteId = m_siteId;
    snapshot.epoch = m_epoch;
    snapshot.revision = m_revision;
    snapshot.components.reserve(m_componentOrder.size());
    for (const QString &id : m_componentOrder)
        snapshot.components.append(m_components.value(id));
    for (const QString &id : m_linkOrder)
        snapshot.replication.append(m_links.value(id));
    snapshot.dependencies = m_dependencies;
    snapshot.traffic = m_traffic;
    return snapshot;
}

TopologyChanges TopologyState::changesSince(quint64 since, const QString &epoch) const
{
    TopologyChanges changes;
    changes.siteId = m_siteId;
    changes.epoch = m_epoch;
    changes.since = since;
    changes.revision = m_revision;
    changes.full = epoch != m_epoch || since > m_revision;
    const quint64 from = changes.full ? 0 : since;
    for (const QString &id : m_componentOrder) {
        const Component &c = m_components[id];
        if (c.revision > from)
            changes.components.append(c);
    }
    for (const QString &id : m_linkOrder) {
        const ReplicationLink &l = m_links[id];
        if (l.revision > from)
            changes.replication.append(l);
    }
    if (!changes.full) {
        for (auto it = m_removedComponents.cbegin(); it != m_removedComponents.cend(); ++it) {
            if (it.value() > from)
                changes.removedComponents.append(it.key());
        }
        for (auto it = m_removedLinks.cbegin(); it != m_removedLinks.cend(); ++it) {
            if (it.value() > from)
                changes.removedReplication.append(it.key());
        }
    }
    if (m_dependenciesRevision > from)
        changes.dependencies = m_dependencies;
    if (m_trafficRevision > from)
        changes.traffic = m_traffic;
    return changes;
}

} // namespace Haven
