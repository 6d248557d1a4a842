// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentconfig.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <unistd.h>

namespace Haven {

namespace {

QString resolved(const QString &path, const QDir &base)
{
    return path.isEmpty() ? path : QDir::cleanPath(base.absoluteFilePath(path));
}

std::optional<QByteArray> digestFromHex(QString hex)
{
    hex = hex.trimmed().toLower();
    const QByteArray raw = QByteArray::fromHex(hex.toLatin1());
    if (hex.size() != 64 || raw.size() != 32 || raw.toHex() != hex.toLatin1())
        return std::nullopt;
    return raw;
}

} // namespace

QByteArray tokenDigest(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

std::optional<AgentConfig> AgentConfig::load(const QString &path, QString *error)
{
    auto fail = [&](const QString &message) {
        *error = QStringLiteral("%1: %2").arg(path, message);
        return std::nullopt;
    };
    if (!QFileInfo(path).isReadable())
        return fail(QStringLiteral("cannot read the file"));

    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return fail(QStringLiteral("not a valid INI file"));
    const QDir base = QFileInfo(path).absoluteDir();

    AgentConfig config;
    const QString address = ini.value(QStringLiteral("agent/listen_address"), QStringLiteral("127.0.0.1")).toString();
    if (!config.listenAddress.setAddress(address))
        return fail(QStringLiteral("[agent] listen_address \"%1\" is not an IP address").arg(address));
    bool ok = false;
    const int port = ini.value(QStringLiteral("agent/port"), 7443).toInt(&ok);
    if (!ok || port < 0 || port > 65535)
        return fail(QStringLiteral("[agent] port must be 0..65535"));
    config.port = static_cast<quint16>(port);
    config.dataDir = resolved(ini.value(QStringLiteral("agent/data_dir")).toString(), base);
    if (config.dataDir.isEmpty())
        return fail(QStringLiteral("[agent] data_dir is required"));
    config.portFile = resolved(ini.value(QStringLiteral("agent/port_file")).toString(), base);
    config.maxBodyBytes = ini.value(QStringLiteral("agent/max_body_bytes"), config.maxBodyBytes).toLongLong(&ok);
    if (!ok || config.maxBodyBytes < 1024)
        return fail(QStringLiteral("[agent] max_body_bytes must be at least 1024"));
    config.requestTimeoutSeconds = ini.value(QStringLiteral("agent/request_timeout_seconds"), 10).toInt(&ok);
    if (!ok || config.requestTimeoutSeconds < 1 || config.requestTimeoutSeconds > 600)
        return fail(QStringLiteral("[agent] request_timeout_seconds must be 1..600"));

    config.certificatePath = resolved(ini.value(QStringLiteral("tls/certificate")).toString(), base);
    config.privateKeyPath = resolved(ini.value(QStringLiteral("tls/private_key")).toString(), base);
    if (config.certificatePath.isEmpty() != config.privateKeyPath.isEmpty())
        return fail(QStringLiteral("[tls] certificate and private_key go together"));
    // Tokens cross the network in every request: in clear text only within this host.
    if (!config.tlsEnabled() && !config.listenAddress.isLoopback()) {
        return fail(QStringLiteral("[agent] listen_address %1 is not a loopback address, and without [tls] the tokens "
                                   "would cross the network in clear text: set [tls] certificate and private_key, "
                                   "or listen on 127.0.0.1")
                        .arg(config.listenAddress.toString()));
    }
    if (config.tlsEnabled()) {
        // The key is the agent's identity (consoles pin it): only the agent's account may read it.
        const QFileInfo key(config.privateKeyPath);
        constexpr QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                                    | QFileDevice::ReadOther | QFileDevice::WriteOther;
        if (key.exists() && (key.permissions() & others)) {
            return fail(QStringLiteral("[tls] private_key %1 may be read by other accounts; make it private with "
                                       "chmod 600 %1")
                            .arg(config.privateKeyPath));
        }
        if (key.exists() && key.ownerId() != geteuid() && key.ownerId() != 0) {
            return fail(QStringLiteral("[tls] private_key %1 belongs to another account (uid %2); it must belong "
                                       "to the agent's account or root")
                            .arg(config.privateKeyPath)
                            .arg(key.ownerId()));
        }
    }

    // QSettings splits a comma-separated value into a list.
    const QStringList digests = ini.value(QStringLiteral("auth/token_sha256")).toStringList();
    for (const QString &digest : digests) {
        if (digest.trimmed().isEmpty())
            continue;
        const std::optional<QByteArray> raw = digestFromHex(digest);
        if (!raw)
            return fail(QStringLiteral("[auth] token_sha256 entries must be 64 hex digits"));
        config.tokens.append({QStringLiteral("token-%1").arg(config.tokens.size() + 1), AgentRole::Admin, *raw});
    }
    const QStringList named = ini.value(QStringLiteral("auth/tokens")).toStringList();
    for (const QString &entry : named) {
        if (entry.trimmed().isEmpty())
            continue;
        const QStringList parts = entry.trimmed().split(QLatin1Char(':'));
        const std::optional<AgentRole> role = agentRoleFromString(parts.value(1));
        const std::optional<QByteArray> raw = digestFromHex(parts.value(2));
        if (parts.size() != 3 || parts.first().isEmpty() || !role || !raw) {
            return fail(QStringLiteral("[auth] tokens: \"%1\" is not id:role:sha256hex with a role of %2")
                            .arg(entry.trimmed(), allowedAgentRoles()));
        }
        for (const AgentToken &token : std::as_const(config.tokens)) {
            if (token.id == parts.first())
                return fail(QStringLiteral("[auth] tokens: the id \"%1\" is used twice").arg(token.id));
        }
        config.tokens.append({parts.first(), *role, *raw});
    }
    if (config.tokens.isEmpty())
        return fail(QStringLiteral("[auth] tokens (or token_sha256) is required: the agent never runs without "
                                   "authentication"));

    config.siteId = ini.value(QStringLiteral("site/id")).toString();
    config.siteName = ini.value(QStringLiteral("site/name")).toString();
    config.region = ini.value(QStringLiteral("site/region")).toString();
    config.city = ini.value(QStringLiteral("site/city")).toString();

    config.backend = ini.value(QStringLiteral("backend/type"), config.backend).toString();
    config.profilePath = resolved(ini.value(QStringLiteral("backend/profile")).toString(), base);
    config.speed = ini.value(QStringLiteral("backend/speed"), 1.0).toDouble(&ok);
    if (!ok || config.speed <= 0 || config.speed > 1000)
        return fail(QStringLiteral("[backend] speed must be above 0 and at most 1000"));
    config.seed = ini.value(QStringLiteral("backend/seed"), 0).toUInt();
    config.catalogPath = resolved(ini.value(QStringLiteral("backend/catalog")).toString(), base);
    if (config.backend == QLatin1StringView("simulated")) {
        if (config.profilePath.isEmpty())
            return fail(QStringLiteral("[backend] profile is required for the simulated backend"));
    } else if (config.backend == QLatin1StringView("hooks")) {
        if (config.catalogPath.isEmpty())
            return fail(QStringLiteral("[backend] catalog is required for the hooks backend"));
        if (config.siteId.isEmpty())
            return fail(QStringLiteral("[site] id is required for the hooks backend"));
    } else {
        return fail(QStringLiteral("[backend] type must be simulated or hooks, not \"%1\"").arg(config.backend));
    }

    config.faults.maxActive = ini.value(QStringLiteral("faults/max_active"), config.faults.maxActive).toInt(&ok);
    if (!ok || config.faults.maxActive < 1 || config.faults.maxActive > 100)
        return fail(QStringLiteral("[faults] max_active must be 1..100"));
    config.faults.revertAttempts = ini.value(QStringLiteral("faults/revert_attempts"), 5).toInt(&ok);
    if (!ok || config.faults.revertAttempts < 1 || config.faults.revertAttempts > 100)
        return fail(QStringLiteral("[faults] revert_attempts must be 1..100"));
    config.faults.allowSelfIsolation = ini.value(QStringLiteral("faults/allow_self_isolation"), false).toBool();
    config.faults.ownHosts = ini.value(QStringLiteral("faults/own_hosts")).toStringList();
    config.faults.ownHosts.removeAll(QString());

    config.inspectionCatalogPath = resolved(ini.value(QStringLiteral("inspections/catalog")).toString(), base);
    config.allowFreeScripts = ini.value(QStringLiteral("inspections/allow_free_scripts"), false).toBool();
    const QStringList hosts = ini.value(QStringLiteral("inspections/probe_hosts")).toStringList();
    for (const QString &host : hosts) {
        if (!host.trimmed().isEmpty())
            config.probeHosts.append(host.trimmed().toLower());
    }
    config.secretsPath = resolved(ini.value(QStringLiteral("inspections/secrets")).toString(), base);
    config.inspectionRetentionDays = ini.value(QStringLiteral("inspections/retention_days"), 30).toInt(&ok);
    if (!ok || config.inspectionRetentionDays < 1 || config.inspectionRetentionDays > 3650)
        return fail(QStringLiteral("[inspections] retention_days must be 1..3650"));
    config.inspectionRunsPerTask = ini.value(QStringLiteral("inspections/runs_per_task"), 5000).toInt(&ok);
    if (!ok || config.inspectionRunsPerTask < 10 || config.inspectionRunsPerTask > 1'000'000)
        return fail(QStringLiteral("[inspections] runs_per_task must be 10..1000000"));
    config.inspectionMinuteSeconds = ini.value(QStringLiteral("inspections/minute_seconds"), 60).toInt(&ok);
    if (!ok || config.inspectionMinuteSeconds < 1 || config.inspectionMinuteSeconds > 60)
        return fail(QStringLiteral("[inspections] minute_seconds must be 1..60"));
    return config;
}

} // namespace Haven
