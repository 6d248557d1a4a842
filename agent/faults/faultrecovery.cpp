// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultrecovery.h"

#include "agent/site/agentstore.h"
#include "agent/site/sitebackend.h"
#include "faultjournal.h"

#include <QDir>
#include <QEventLoop>
#include <QTextStream>

namespace Haven {

namespace {

QString databasePathIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("agent.db"));
}

// Runs one step to its end on a local event loop: nothing else runs in this mode.
QString runStep(std::unique_ptr<FaultExecution> step)
{
    QString error;
    QEventLoop loop;
    QObject::connect(step.get(), &FaultExecution::finished, &loop, [&](const QString &problem) {
        error = problem;
        loop.quit();
    });
    step->start();
    loop.exec();
    return error;
}

QList<FaultJournal::Entry> salvageFromDatabase(const QString &dataDir, QTextStream &out)
{
    AgentStore damaged;
    if (!damaged.openReadOnly(databasePathIn(dataDir))) {
        out << "The agent database cannot be read either (" << damaged.lastError()
            << "): check the site by hand for faults a drill left behind.\n";
        return {};
    }
    QList<FaultJournal::Entry> entries;
    const QList<FaultRecord> open = damaged.faults(true, 100000);
    for (const FaultRecord &record : open)
        entries.append({record, {}, FaultState::Reverted});
    out << "Took " << entries.size() << " fault(s) in effect from the agent database instead.\n";
    return entries;
}

} // namespace

int revertJournaledFaults(const QString &dataDir, SiteBackend &backend, QTextStream &out)
{
    FaultJournal journal;
    const bool journalOpen = journal.open(FaultJournal::pathIn(dataDir));
    QList<FaultJournal::Entry> entries;
    if (journalOpen)
        entries = journal.entries();
    if (!journalOpen || !journal.movedAside().isEmpty()) {
        out << "The revert journal was damaged"
            << (journal.movedAside().isEmpty()
                    ? QString()
                    : QStringLiteral(" (moved aside to ") + journal.movedAside() + QLatin1Char(')'))
            << ".\n";
        entries += salvageFromDatabase(dataDir, out);
    }
    // Recorded in agent.db when it opens, so that consoles see the outcome; not needed to revert.
    AgentStore store;
    const bool storeOpen = store.open(databasePathIn(dataDir));

    int failures = 0;
    for (const FaultJournal::Entry &entry : std::as_const(entries)) {
        FaultRecord fault = entry.record;
        out << "fault " << fault.id << " (" << toString(fault.kind) << " on "
            << (fault.target.isEmpty() ? QStringLiteral("the site") : fault.target) << "): " << Qt::flush;
        QString error;
        bool confirmed = true;
        if (fault.kind != FaultKind::SiteDark) {
            fault.revertAttempts += 1;
            error = runStep(backend.revertFault(fault));
            std::unique_ptr<FaultExecution> verify = error.isEmpty() ? backend.verifyFault(fault) : nullptr;
            confirmed = verify != nullptr;
            if (verify)
                error = runStep(std::move(verify));
        }
        if (!error.isEmpty()) {
            ++failures;
            out << "NOT reverted: " << error << '\n' << Qt::flush;
            continue;
        }
        out << (confirmed ? "reverted, and checked gone\n" : "reverted (no verify hook to check it)\n") << Qt::flush;
        if (journalOpen)
            journal.remove(fault.id);
        if (storeOpen) {
            fault.state = entry.endState;
            fault.revertConfirmed = confirmed;
            fault.ended = QDateTime::currentDateTimeUtc();
            fault.endReason = QStringLiteral("reverted by haven-agent --revert-faults");
            store.saveFault(fault);
        }
    }
    out << entries.size() - failures << " of " << entries.size() << " fault(s) reverted.\n" << Qt::flush;
    return failures == 0 ? 0 : 1;
}

} // namespace Haven
