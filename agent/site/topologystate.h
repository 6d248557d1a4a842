// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QHash>

namespace Haven {

// A site's topology with a revision stamp on every entity, so that "what changed since N"
// is exact without keeping a change log: an entity is sent when its stamp is above N.
// Setting an entity to what it already is does not bump the revision.
class TopologyState final
{
public:
    explicit TopologyState(QString siteId);

    QString siteId() const { return m_siteId; }
    QString epoch() const { return m_epoch; }
    quint64 revision() const { return m_revision; }

    bool setComponent(Component component);
    bool removeComponent(const QString &id);
    bool setLink(ReplicationLink link);
    bool removeLink(const QString &id);
    bool setDependencies(QList<Dependency> dependencies);
    bool setTraffic(QMap<QString, double> traffic);

    const Component *component(const QString &id) const;
    const ReplicationLink *link(const QString &id) const;
    QStringList componentIds() const { return m_componentOrder; }
    QStringList linkIds() const { return m_linkOrder; }
    const QList<Dependency> &dependencies() const { return m_dependencies; }
    const QMap<QString, double> &traffic() const { return m_traffic; }

    TopologySnapshot snapshot() const;
    // epoch: what the client saw last; a different epoch (agent restarted) yields a full answer.
    TopologyChanges changesSince(quint64 since, const QString &epoch) const;

private:
    QString m_siteId;
    QString m_epoch;
    quint64 m_revision = 0;
    QHash<QString, Component> m_components;
    QStringList m_componentOrder;
    QHash<QString, quint64> m_removedComponents;
    QHash<QString, ReplicationLink> m_links;
    QStringList m_linkOrder;
    QHash<QString, quint64> m_removedLinks;
    QList<Dependency> m_dependencies;
    quint64 m_dependenciesRevision = 0;
    QMap<QString, double> m_traffic;
    quint64 m_trafficRevision = 0;
};

} // namespace Haven
