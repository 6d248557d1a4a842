// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

class QTextStream;
class QTimer;

namespace Haven {

class ConsoleSession;

// `haven --headless drill stop-all`: engages the global kill switch and reverts every fault in
// effect at the environment's agents, then waits until each agent says it ended (exit 0), or
// says what is still in effect (exit 7). `haven --headless drill run FILE --confirm NAME` runs a
// drill file to its end, one line per event (exit 0 completed, 8 halted or stopped).
class HeadlessDrill final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { Done = 0, UsageError = 2, NotStarted = 5, FaultsLeft = 7, Halted = 8 };

    HeadlessDrill(ConsoleSession &session, QTextStream &out, QObject *parent = nullptr);

    // Call before the session follows its agents; finished(exitCode) follows from the event loop.
    void stopAll(int timeoutMs = 30'000);
    void run(const QString &file, const QString &confirmation, int readyTimeoutMs = 30'000);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void revertEverywhere();
    void checkEverywhere();
    void startRun();
    void finish(int code, const QString &message = {});

    ConsoleSession &m_session;
    QTextStream &m_out;
    QTimer *m_timer;
    QString m_file;
    QString m_confirmation;
    QString m_runId;
    int m_printedEvents = 0;
    QHash<QString, QString> m_left; // "site/fault id" -> what the agent says, while not ended
    QSet<QString> m_unreachable;
    int m_pending = 0;
    bool m_finished = false;
};

} // namespace Haven
