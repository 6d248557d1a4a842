// SPDX-License-Identifier: GPL-3.0-or-later
// SimulatedSite: faults and what replication has written and applied.
#include "simulatedsite.h"

#include "agent/faults/faultkinds.h"
#include "simulatedsupport.h"

#include <cmath>

namespace Haven {

using namespace SimulatedSupport;

namespace {

// How fast a modelled primary writes: positions advance like a WAL position in bytes.
constexpr double WrittenBytesPerSecond = 4.0 * 1024 * 1024;

} // namespace

QStringList SimulatedSite::faultTargets(const QString &target) const
{
    QStringList onHost;
    for (const QString &id : m_componentIds) {
        if (m_components.value(id).identity.host == target)
            onHost.append(id);
    }
    if (!onHost.isEmpty())
        return onHost;
    if (m_components.contains(target))
        return {target};
    return {};
}

QList<FaultKind> SimulatedSite::supportedFaults()
{
    return {FaultKind::Cpu, FaultKind::Memory, FaultKind::Network, FaultKind::ProcessKill, FaultKind::HostDown};
}

QString SimulatedSite::checkFault(const FaultRecord &fault) const
{
    if (fault.kind == FaultKind::SiteDark)
        return QStringLiteral("site_dark is handled by the agent itself, not by the simulated site");
    if (m_faults.contains(fault.id))
        return QStringLiteral("fault %1 is already active").arg(fault.id);
    if (const QString problem = checkFaultTarget(fault, m_topology); !problem.isEmpty())
        return problem;
    return checkFaultParameters(fault);
}

QString SimulatedSite::applyFault(const FaultRecord &fault)
{
    if (const QString problem = checkFault(fault); !problem.isEmpty())
        return problem;
    m_faults.insert(fault.id, ActiveFault{fault, faultTargets(fault.target), {}});
    publish();
    return {};
}

void SimulatedSite::revertFault(const QString &faultId)
{
    if (m_faults.remove(faultId))
        publish();
}

QStringList SimulatedSite::activeFaults() const
{
    return m_faults.keys();
}

QString SimulatedSite::faultEffect(const QString &faultId) const
{
    const auto it = m_faults.constFind(faultId);
    if (it == m_faults.cend())
        return {};
    return QStringLiteral("%1 still acts on %2")
        .arg(toString(it->record.kind), it->components.join(QStringLiteral(", ")));
}

void SimulatedSite::setOrphanedFaults(const QList<FaultRecord> &faults)
{
    m_orphans = faults;
    publish();
}

QString SimulatedSite::orphanMessage(const FaultRecord &fault)
{
    return QStringLiteral("orphaned fault %1: %2 on %3 could not be confirmed reverted; check it and revert it by "
                          "hand")
        .arg(fault.id, toString(fault.kind), fault.target);
}

void SimulatedSite::setWallClock(std::function<QDateTime()> clock)
{
    m_wallClock = std::move(clock);
    publish();
}

// The primary writes at a steady rate; the standby has applied what was written lagOf() ago.
// Positions only grow, as a database's do, even when the modelled lag jumps.
void SimulatedSite::moveReplicationPositions(LinkModel &link) const
{
    const double written = 1 + WrittenBytesPerSecond * m_now;
    const double applied = std::max(1.0, written - WrittenBytesPerSecond * round1(lagOf(link)));
    link.writtenPosition = std::max(link.writtenPosition, quint64(std::llround(written)));
    link.appliedPosition = std::max(link.appliedPosition, quint64(std::llround(applied)));
}

} // namespace Haven
