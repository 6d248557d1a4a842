// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A console session whose files (database, secrets) live in a test's temporary directory.

#include "app/session/consolesession.h"
#include "models/topology/fleettopology.h"
#include "waituntil.h"

#include <QTemporaryDir>

namespace Haven::Test {

inline ConsoleSession::Options sessionOptions(const QTemporaryDir &dir, const QString &subdirectory = {})
{
    const QString base = subdirectory.isEmpty() ? dir.path() : dir.filePath(subdirectory);
    ConsoleSession::Options options;
    options.databasePath = base + QStringLiteral("/haven.db");
    options.secretsFile = base + QStringLiteral("/secrets.json");
    options.forceSecretsFile = true;
    return options;
}

// Follows the sites with their tokens and waits until each one is online with its topology in.
inline bool followUntilOnline(ConsoleSession &session, const Environment &environment,
                              const QHash<QString, QByteArray> &tokens, int timeoutMs = 15'000)
{
    session.startWith(environment, tokens);
    return waitUntil(
        [&] {
        for (const SiteEndpoint &endpoint : environment.sites) {
            const SiteState *site = session.topology().site(endpoint.id);
            if (!site || site->reachability != Reachability::Online
                || session.topology().components(endpoint.id).isEmpty())
                return false;
        }
        return true;
        },
        timeoutMs);
}

} // namespace Haven::Test
