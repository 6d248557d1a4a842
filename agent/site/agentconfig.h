// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/faults/faultsettings.h"
#include "agent/http/accesscontrol.h"
#include "protocol/protocol.h"

#include <QHostAddress>

#include <optional>

namespace Haven {

// The agent's configuration file (INI, see installer/agent.conf for every key).
struct AgentConfig
{
    QHostAddress listenAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 7443;
    QString dataDir;
    QString portFile;
    qint64 maxBodyBytes = 1024 * 1024;
    int requestTimeoutSeconds = 10;

    QString certificatePath;
    QString privateKeyPath;

    // [auth] tokens = id:role:sha256hex, ...; the older token_sha256 list gives admin tokens.
    QList<AgentToken> tokens;

    QString siteId;
    QString siteName;
    QString region;
    QString city;

    QString backend = QStringLiteral("simulated"); // or "hooks"
    QString profilePath;
    double speed = 1.0;
    quint32 seed = 0; // 0: random
    QString catalogPath;

    FaultSettings faults;
    // [inspections] (docs/inspections.md)
    QString inspectionCatalogPath; // empty: no catalog checks
    bool allowFreeScripts = false;
    QStringList probeHosts; // host patterns with * wildcards; empty: no HTTP probes
    QString secretsPath;    // JSON object NAME -> value, mode 0600, owned by the agent's user
    int inspectionRetentionDays = 30;
    int inspectionRunsPerTask = 5000;
    int inspectionMinuteSeconds = 60; // seconds per "everyMinutes" minute: tests and benches only

    bool tlsEnabled() const { return !certificatePath.isEmpty(); }

    static std::optional<AgentConfig> load(const QString &path, QString *error);
};

// SHA-256 of a token, as the config stores it.
QByteArray tokenDigest(const QByteArray &token);

} // namespace Haven
