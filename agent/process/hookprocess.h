// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QProcess>
#include <QStringList>
#include <QTimer>

#include <chrono>
#include <optional>

namespace Haven {

// One run of an executable the site's operators or a console provided (operation, fault,
// topology hook, inspection script): its own process group, a scrubbed environment, JSON on
// stdin, a timeout and a cap on what it prints. Everything is asynchronous: finished() comes
// from the event loop, which never waits for the process.
class HookProcess final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString program;
        QStringList arguments;
        QHash<QString, QString> environment; // added to the scrubbed base (HAVEN_* variables)
        QByteArray input;                    // written to stdin, which is then closed; empty: /dev/null
        QString workingDirectory;
        std::chrono::milliseconds timeout{0}; // 0: none
        qsizetype outputCap = 64 * 1024;      // bytes kept of stdout (and of stderr when separate)
        bool mergeChannels = true;            // stderr into stdout
        bool stopAtCap = false;               // stop the group as soon as the output passes the cap
    };

    enum class Outcome { Exited, Crashed, TimedOut, Cancelled, OutputLimit, FailedToStart };

    struct Result
    {
        Outcome outcome = Outcome::Exited;
        int exitCode = 0; // the signal number after a crash
        QByteArray output;
        qint64 outputBytes = 0; // everything it printed, also beyond the cap
        QByteArray errorOutput; // when the channels are separate
        QString message;        // why it stopped: cancel reason, start error; empty otherwise

        bool succeeded() const { return outcome == Outcome::Exited && exitCode == 0; }
        bool truncated() const { return outputBytes > output.size(); }
        // "exit code 2", "killed by signal 9", "timed out after 5 s", the cancel reason...
        QString describe() const;
    };

    explicit HookProcess(Options options, QObject *parent = nullptr);
    // A hook still running is killed with everything it started.
    ~HookProcess() override;

    // finished() follows exactly once, never from inside start() or cancel().
    void start();
    // SIGTERM to the group now, SIGKILL after a grace period; finished() reports Cancelled.
    void cancel(const QString &reason);

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    bool isFinished() const { return m_finished; } // finished() is emitted or on its way
    const Options &options() const { return m_options; }

    // PATH, LANG, LC_*, HOME and TMPDIR of the agent, nothing else of it (no credentials).
    static QProcessEnvironment scrubbedEnvironment(const QHash<QString, QString> &extra);

Q_SIGNALS:
    void outputReceived(const QByteArray &chunk); // all of it as it comes, beyond the cap as well
    void finished(const Haven::HookProcess::Result &result);

private:
    void stop(Outcome outcome, const QString &message);
    void readOutput();
    void processFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void processFailed(QProcess::ProcessError error);
    void finish(Result result);

    Options m_options;
    QProcess m_process;
    QTimer m_timeout;
    Result m_result;
    qint64 m_pid = 0;
    std::optional<std::pair<Outcome, QString>> m_stopped;
    bool m_finished = false;
};

} // namespace Haven
