// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A console session whose files (database, secrets) live in a test's temporary directory.

#include "app/session/consolesession.h"

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

} // namespace Haven::Test
