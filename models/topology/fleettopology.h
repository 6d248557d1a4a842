// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/protocol.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

namespace Haven {

enum class Reachability { Unknown, Online, Slow, Unreachable };
QString toString(Reachability reachability);

// What the console knows about one site right now.
struct SiteState
{
    QString id;
    QString name; // from the environment until the agent says otherwise
    QString region;
    QString city;
    SiteInfo info;
    Reachability reachability = Reachability::Unknown;
    QString problem;        // the last failure, for people (empty when online)
    QDateTime lastSeen;     // the last time the agent answered
    QDateTime dataTime;     // when the topology we hold was current
    bool fromCache = false; // the topology came from the local cache, not from the agent
    quint64 revision = 0;
    QString epoch;
    QList<Dependency> dependencies;
    QList<ReplicationLink> replication;
    QMap<QString, double> traffic;
    QList<OperationSpec> operations; // the site's operation catalog

    QString displayName() const { return name.isEmpty() ? id : name; }
    // Seconds since dataTime (-1 when there is no data at all).
    qint64 dataAgeSeconds(const QDateTime &now) const;
};

// Every site's topology merged into one picture: the data behind the item models and views.
// Components of one site are contiguous; a global row addresses a component anywhere.
class FleetTopology final : public QObject
{
    Q_OBJECT
public:
    explicit FleetTopology(QObject *parent = nullptr);
    ~FleetTopology() override;

    // Sites in display order. Sites not in the list are removed with their components.
    void setSites(const QList<SiteState> &sites);
    QStringList siteIds() const;
    const SiteState *site(const QString &siteId) const;
    int siteCount() const { return int(m_blocks.size()); }

    void applySnapshot(const QString &siteId, const TopologySnapshot &snapshot, const QDateTime &dataTime,
                       bool fromCache);
    // Returns false when the changes do not apply (other epoch, gap): fetch a snapshot then.
    bool applyChanges(const QString &siteId, const TopologyChanges &changes, const QDateTime &dataTime);
    void setSiteInfo(const QString &siteId, const SiteInfo &info);
    void setReachability(const QString &siteId, Reachability reachability, const QString &problem,
                         const QDateTime &lastSeen);
    void setOperations(const QString &siteId, const QList<OperationSpec> &operations);
    // Every operation any site offers, once per code (the first site's description wins).
    QList<OperationSpec> catalog() const;

    int componentCount() const { return m_total; }
    const Component &component(int row) const;
    const QString &componentSite(int row) const;
    int rowOf(const QString &siteId, const QString &componentId) const; // -1 when unknown
    int firstRow(const QString &siteId) const;                          // -1 when the site is unknown
    QList<Component> components(const QString &siteId) const;
    TopologySnapshot snapshot(const QString &siteId) const;

    // Per-status counts for one site (or the whole fleet when siteId is empty).
    QHash<ComponentStatus, int> statusCounts(const QString &siteId = {}) const;

Q_SIGNALS:
    void siteChanged(const QString &siteId); // state, reachability, links or traffic
    void sitesAboutToBeReset();              // before setSites() changes anything: models begin their reset
    void sitesReset();
    void catalogChanged();
    void componentsAboutToBeInserted(int first, int last);
    void componentsInserted();
    void componentsAboutToBeRemoved(int first, int last);
    void componentsRemoved();
    void componentsChanged(const QList<int> &rows);

private:
    struct Block
    {
        SiteState state;
        QList<Component> components;
        QHash<QString, int> index; // component id -> position in components
        int offset = 0;            // global row of components[0]
    };

    Block *block(const QString &siteId);
    const Block *block(const QString &siteId) const;
    int blockIndexOfRow(int row) const;
    void updateOffsets(qsizetype fromBlock);
    void replaceComponents(Block &block, const QList<Component> &components);
    void upsertComponents(Block &block, const QList<Component> &components);
    void removeComponents(Block &block, const QStringList &ids);
    void reindex(Block &block);

    QList<Block *> m_blocks;
    QHash<QString, Block *> m_byId;
    int m_total = 0;
};

} // namespace Haven
