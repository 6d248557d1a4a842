// SPDX-License-Identifier: GPL-3.0-or-later
// The simulated site's answers to the starter library's catalog checks (docs/inspections.md,
// "Simulated answers"): derived from the model's components, metrics and replication links, so
// they are deterministic for a seed and change when a fault or an operation changes the model.
#include "simulatedbackend.h"

#include "agent/site/topologystate.h"

#include <QCryptographicHash>

namespace Haven {

namespace {

InspectionCheckResult answer(InspectionStatus status, const QString &summary, QJsonObject evidence)
{
    evidence.insert(QStringLiteral("simulated"), true);
    InspectionCheckResult result;
    result.status = status;
    result.summary = summary;
    result.evidence = evidence;
    result.output = QStringLiteral("answered by the simulated site from its model\n") + summary;
    return result;
}

InspectionStatus threshold(double value, double warning, double critical)
{
    if (value >= critical)
        return InspectionStatus::Critical;
    return value >= warning ? InspectionStatus::Warning : InspectionStatus::Ok;
}

InspectionStatus fromComponent(ComponentStatus status)
{
    switch (status) {
    case ComponentStatus::Ok:
        return InspectionStatus::Ok;
    case ComponentStatus::Warning:
        return InspectionStatus::Warning;
    case ComponentStatus::Critical:
    case ComponentStatus::Down:
        return InspectionStatus::Critical;
    case ComponentStatus::Unknown:
        break;
    }
    return InspectionStatus::Unknown;
}

// A stable number for a name: certificate lifetimes and clock offsets that do not move between runs.
int stableNumber(const QString &text, int modulo)
{
    const QByteArray hash = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    return int((quint8(hash.at(0)) << 8 | quint8(hash.at(1))) % modulo);
}

double parameter(const InspectionCheck &check, const char *name, double fallback)
{
    return check.parameters.value(QLatin1StringView(name)).toDouble(fallback);
}

} // namespace

std::optional<InspectionCheckResult> SimulatedBackend::simulateInspection(const InspectionCheck &check) const
{
    static const QStringList known{QStringLiteral("disk_space"),         QStringLiteral("inode_use"),
                                   QStringLiteral("certificate_expiry"), QStringLiteral("ntp_offset"),
                                   QStringLiteral("replication_lag"),    QStringLiteral("process_up"),
                                   QStringLiteral("load_average"),       QStringLiteral("memory_use"),
                                   QStringLiteral("http_health"),        QStringLiteral("kafka_consumer_lag"),
                                   QStringLiteral("systemd_unit"),       QStringLiteral("port_listening"),
                                   QStringLiteral("zombie_processes"),   QStringLiteral("file_age")};
    if (!known.contains(check.catalog))
        return std::nullopt;
    const TopologySnapshot site = topology().snapshot();
    const QString &name = check.catalog;

    if (name == QLatin1StringView("replication_lag")) {
        double worst = -1;
        QString link;
        bool broken = false;
        for (const ReplicationLink &l : site.replication) {
            if (!check.target.isEmpty() && l.id != check.target && l.fromComponent != check.target
                && l.toComponent != check.target)
                continue;
            broken |= l.state == ReplicationState::Broken;
            if (l.lagSeconds > worst) {
                worst = l.lagSeconds;
                link = l.id;
            }
        }
        if (worst < 0)
            return answer(InspectionStatus::Unknown, QStringLiteral("no replication link %1 here").arg(check.target),
                          {});
        const InspectionStatus status = broken ? InspectionStatus::Critical
                                               : threshold(worst, parameter(check, "warning_seconds", 30),
                                                           parameter(check, "critical_seconds", 120));
        return answer(status,
                      broken ? QStringLiteral("replication link %1 is broken").arg(link)
                             : QStringLiteral("replication lag %1 s on %2").arg(worst, 0, 'f', 1).arg(link),
                      {{QStringLiteral("lagSeconds"), worst}, {QStringLiteral("link"), link}});
    }

    QList<Component> matching;
    for (const Component &c : site.components) {
        if (check.target.isEmpty() || c.id == check.target || c.host == check.target || c.productGroup == check.target
            || toString(c.layer) == check.target)
            matching.append(c);
    }
    if (matching.isEmpty())
        return answer(InspectionStatus::Unknown,
                      QStringLiteral("no component or host %1 at this simulated site").arg(check.target), {});

    // The worst component decides; a component that is down answers nothing.
    InspectionStatus status = InspectionStatus::Ok;
    QString summary;
    QJsonObject evidence;
    for (const Component &c : std::as_const(matching)) {
        InspectionStatus s = InspectionStatus::Ok;
        QString line;
        const bool down = c.status == ComponentStatus::Down;
        if (name == QLatin1StringView("disk_space") || name == QLatin1StringView("inode_use")) {
            const double used = c.metrics.value(QStringLiteral("capacity"), 40)
                                * (name == QLatin1StringView("inode_use") ? 0.6 : 1.0);
            s = down ? InspectionStatus::Unknown
                     : threshold(used, parameter(check, "warning", 80), parameter(check, "critical", 90));
            line = QStringLiteral("%1: %2% used").arg(c.id).arg(used, 0, 'f', 1);
            evidence.insert(c.id, used);
        } else if (name == QLatin1StringView("load_average") || name == QLatin1StringView("memory_use")) {
            const QString metric = name == QLatin1StringView("memory_use") ? QStringLiteral("memory")
                                                                           : QStringLiteral("cpu");
            const double value = c.metrics.value(metric, 20);
            s = down ? InspectionStatus::Unknown
                     : threshold(value, parameter(check, "warning", 85), parameter(check, "critical", 95));
            line = QStringLiteral("%1: %2 %3%").arg(c.id, metric).arg(value, 0, 'f', 1);
            evidence.insert(c.id, value);
        } else if (name == QLatin1StringView("certificate_expiry")) {
            const int days = 20 + stableNumber(site.siteId + c.id, 400);
            s = threshold(-days, -parameter(check, "warning_days", 30), -parameter(check, "critical_days", 7));
            line = QStringLiteral("%1: certificate expires in %2 days").arg(c.id).arg(days);
            evidence.insert(c.id, days);
        } else if (name == QLatin1StringView("ntp_offset")) {
            const int offsetMs = stableNumber(site.siteId + c.host, 40);
            s = down ? InspectionStatus::Unknown
                     : threshold(offsetMs, parameter(check, "warning_ms", 100), parameter(check, "critical_ms", 500));
            line = QStringLiteral("%1: clock offset %2 ms").arg(c.host).arg(offsetMs);
            evidence.insert(c.host, offsetMs);
        } else if (name == QLatin1StringView("kafka_consumer_lag")) {
            if (!c.kind.contains(QLatin1StringView("kafka")) && !check.target.isEmpty() && c.id != check.target)
                continue;
            const double lag = down ? -1 : c.metrics.value(QStringLiteral("latencyMs"), 5) * 20;
            s = down ? InspectionStatus::Critical
                     : threshold(lag, parameter(check, "warning", 1000), parameter(check, "critical", 10000));
            line = QStringLiteral("%1: consumer lag %2 messages").arg(c.id).arg(lag, 0, 'f', 0);
            evidence.insert(c.id, lag);
        } else if (name == QLatin1StringView("zombie_processes")) {
            const int zombies = c.status == ComponentStatus::Critical ? 6 : 0;
            s = threshold(zombies, parameter(check, "warning", 5), parameter(check, "critical", 20));
            line = QStringLiteral("%1: %2 zombie processes").arg(c.host).arg(zombies);
            evidence.insert(c.host, zombies);
        } else if (name == QLatin1StringView("file_age")) {
            const int ageMinutes = down ? 2000 : 45 + stableNumber(site.siteId + c.id, 60);
            s = threshold(ageMinutes, parameter(check, "warning_minutes", 1500),
                          parameter(check, "critical_minutes", 2880));
            line = QStringLiteral("%1: newest backup %2 min old").arg(c.id).arg(ageMinutes);
            evidence.insert(c.id, ageMinutes);
        } else {
            // process_up, systemd_unit, port_listening, http_health: is the component serving?
            s = fromComponent(c.status);
            line = QStringLiteral("%1 is %2").arg(c.id, toString(c.status));
            evidence.insert(c.id, toString(c.status));
        }
        if (summary.isEmpty() || (s != status && worse(s, status) == s))
            summary = line;
        status = worse(status, s);
    }
    if (matching.size() > 1)
        summary = QStringLiteral("%1 components checked; worst: %2").arg(matching.size()).arg(summary);
    return answer(status, summary, evidence);
}

} // namespace Haven
