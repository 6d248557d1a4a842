// SPDX-License-Identifier: GPL-3.0-or-later
// The agent's INI configuration (installer/agent.conf), as the agent reads it at start.
#include "fuzzsupport.h"

#include "agent/site/agentconfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

using namespace Haven;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // QSettings reads files only: one scratch file per fuzzing process.
    static const QString path
        = QDir::tempPath() + QStringLiteral("/haven-fuzz-agent-config-%1.conf").arg(QCoreApplication::applicationPid());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    file.write(Fuzz::bytes(data, size));
    file.close();
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(path, &error);
    if (!config)
        Fuzz::require(!error.isEmpty(), "a refused configuration says why");
    else
        Fuzz::require(!config->dataDir.isEmpty(), "an accepted configuration has a data directory");
    return 0;
}
