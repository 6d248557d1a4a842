// SPDX-License-Identifier: GPL-3.0-or-later
#include "modecontroller.h"

#include "models/topology/fleettopology.h"
#include "models/topology/sitelistmodel.h"

#include <QTimer>

namespace Haven {

ModeController::ModeController(const FleetTopology &topology, QObject *parent)
    : QObject(parent)
    , m_topology(topology)
    , m_ageTimer(new QTimer(this))
{
    connect(&topology, &FleetTopology::siteChanged, this, &ModeController::evaluate);
    connect(&topology, &FleetTopology::sitesReset, this, &ModeController::evaluate);
    // The banner states the data's age, which grows while nothing answers.
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &ModeController::evaluate);
    evaluate();
}

void ModeController::setStoreProblem(const QString &problem)
{
    m_storeProblem = problem;
    evaluate();
}

void ModeController::evaluate()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList unreachable;
    qint64 oldest = -1;
    int total = 0;
    for (const QString &id : m_topology.siteIds()) {
        const SiteState *site = m_topology.site(id);
        ++total;
        if (site->reachability != Reachability::Unreachable)
            continue;
        unreachable.append(site->displayName());
        oldest = std::max(oldest, site->dataAgeSeconds(now));
    }

    QStringList parts;
    Severity severity = Severity::None;
    if (!unreachable.isEmpty()) {
        severity = unreachable.size() == total ? Severity::Critical : Severity::Warning;
        const QString age = oldest >= 0
                                ? tr("last known state shown, up to %1 old").arg(SiteListModel::formatAge(oldest))
                                : tr("no state known yet");
        if (unreachable.size() == total)
            parts.append(tr("Degraded mode: no site answers (%1); %2. Plans can still be edited.")
                             .arg(unreachable.join(QStringLiteral(", ")), age));
        else
            parts.append(tr("Degraded mode: %1 of %2 sites do not answer (%3); %4. The other sites are used as usual.")
                             .arg(unreachable.size())
                             .arg(total)
                             .arg(unreachable.join(QStringLiteral(", ")), age));
    }
    if (!m_storeProblem.isEmpty()) {
        severity = Severity::Critical;
        parts.append(tr("The local database is not in use: %1 Haven runs in memory; what changes now is lost when "
                        "it closes.")
                         .arg(m_storeProblem));
    }
    const QString text = parts.join(QLatin1Char(' '));
    if (unreachable.isEmpty())
        m_ageTimer->stop();
    else if (!m_ageTimer->isActive())
        m_ageTimer->start();
    if (text == m_text && severity == m_severity)
        return;
    m_text = text;
    m_severity = severity;
    m_unreachable = unreachable;
    Q_EMIT bannerChanged();
}

} // namespace Haven
