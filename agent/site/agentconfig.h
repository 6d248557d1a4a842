// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agent/faults/faultsettings.h"
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

    QList<QByteArray> tokenDigests; // SHA-256 of each accepted token, 32 raw bytes each

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

    bool tlsEnabled() const { return !certificatePath.isEmpty(); }

    static std::optional<AgentConfig> load(const QString &path, QString *error);
};

// SHA-256 of a token, as the config stores it.
QByteArray tokenDigest(const QByteArray &token);
// True when the token's digest is one of the accepted ones; constant time in the token.
bool tokenAccepted(const QByteArray &token, const QList<QByteArray> &digests);

} // namespace Haven
