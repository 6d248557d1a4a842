// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QStringList>

class QTimer;

namespace Haven {

// Runs `haven-agent --demo-fleet DIR`: one simulated site agent per demo datacenter on loopback.
// The agent's output goes straight to this process's stdout/stderr. Until the console window
// exists this is what `haven --demo` does.
class DemoFleetLauncher final : public QObject
{
    Q_OBJECT

public:
    explicit DemoFleetLauncher(QObject *parent = nullptr);
    ~DemoFleetLauncher() override; // kills a fleet that is still running

    // The first executable haven-agent in searchDirs, then on PATH; empty when there is none.
    static QString findAgent(const QStringList &searchDirs);
    // The running binary's directory, then ../agent beside it (the layout of a build tree).
    static QStringList defaultSearchDirs();
    // $XDG_RUNTIME_DIR/haven-demo (e.g. /run/user/1000/haven-demo), else /tmp/haven-demo-<uid>.
    static QString defaultFleetDirectory();

    // Starts the fleet; false (see errorString()) when the directory cannot be created.
    // A program that cannot be started is reported through finished().
    bool start(const QString &agentProgram, const QString &fleetDirectory);
    // Asks the fleet to stop (SIGTERM) and kills it if it is still running after stopTimeoutMs.
    void stop();
    bool isRunning() const;
    QString errorString() const { return m_errorString; }

    void setStopTimeout(int milliseconds);

Q_SIGNALS:
    // 0 when the fleet exited cleanly or was stopped by stop(), non-zero otherwise (see
    // errorString()). Always emitted from the event loop, never from inside start().
    void finished(int exitCode);

private:
    void handleFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void handleError(QProcess::ProcessError error);

    QProcess *m_process = nullptr;
    QTimer *m_killTimer = nullptr;
    QString m_errorString;
    bool m_stopRequested = false;
};

} // namespace Haven
