// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QTextStream;

namespace Haven {

class SiteBackend;

// haven-agent --revert-faults: reverts (and checks) every fault of the revert journal in
// dataDir, tells what happened to each on out, and returns the exit code: 0 when every revert
// succeeded, 1 otherwise. Does not need agent.db; when the journal cannot be read, the faults in
// effect are salvaged from agent.db read-only.
int revertJournaledFaults(const QString &dataDir, SiteBackend &backend, QTextStream &out);

} // namespace Haven
