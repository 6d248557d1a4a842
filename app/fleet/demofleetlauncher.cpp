// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofleetlauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimer>

#include <unistd.h>

namespace Haven {

namespace {
const QString AgentName = QStringLiteral("haven-agent");
constexpr int DefaultStopTimeoutMs = 5000;
} // namespace

DemoFleetLauncher::DemoFleetLauncher(QObject *parent)
    : QObject(parent)
    , m_process(new QProcess(this))
    , m_killTimer(new QTimer(this))
{
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    m_killTimer->setSingleShot(true);
    m_killTimer->setInterval(DefaultStopTimeoutMs);
    connect(m_killTimer, &QTimer::timeout, m_process, &QProcess::kill);
    connect(m_process, &QProcess::finished, this, &DemoFleetLauncher::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DemoFleetLauncher::handleError);
}

DemoFleetLauncher::~DemoFleetLauncher()
{
    if (isRunning()) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString DemoFleetLauncher::findAgent(const QStringList &searchDirs)
{
    for (const QString &dir : searchDirs) {
        const QFileInfo candidate(QDir(dir).filePath(AgentName));
        if (candidate.isFile() && candidate.isExecutable())
            return candidate.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(AgentName);
}

QStringList DemoFleetLauncher::defaultSearchDirs()
{
    const QString appDir = QCoreApplication::applicationDirPath();
    return {appDir, QDir::cleanPath(appDir + QStringLiteral("/../agent"))};
}

QString DemoFleetLauncher::defaultFleetDirectory()
{
    // As setup.sh does: the session's runtime directory, else a per-user folder in /tmp.
    const QString runtimeDir = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!runtimeDir.isEmpty() && QFileInfo(runtimeDir).isWritable())
        return runtimeDir + QStringLiteral("/haven-demo");
    return QDir::tempPath() + QStringLiteral("/haven-demo-") + QString::number(::getuid());
}

bool DemoFleetLauncher::start(const QString &agentProgram, const QString &fleetDirectory)
{
    Q_ASSERT(!isRunning());
    m_errorString.clear();
    m_stopRequested = false;
    if (!QDir().mkpath(fleetDirectory)) {
        m_errorString = tr("Cannot create the demo fleet's directory %1.").arg(QDir::toNativeSeparators(fleetDirectory));
        return false;
    }
    m_process->setProgram(agentProgram);
    m_process->setArguments({QStringLiteral("--demo-fleet"), fleetDirectory});
    m_process->start();
    return true;
}

void DemoFleetLauncher::stop()
{
    if (!isRunning() || m_stopRequested)
        return;
    m_stopRequested = true;
    m_process->terminate();
    m_killTimer->start();
}

bool DemoFleetLauncher::isRunning() const
{
    return m_process->state() != QProcess::NotRunning;
}

void DemoFleetLauncher::setStopTimeout(int milliseconds)
{
    m_killTimer->setInterval(milliseconds);
}

void DemoFleetLauncher::handleFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_killTimer->stop();
    if (m_stopRequested) {
        Q_EMIT finished(0);
        return;
    }
    if (exitStatus == QProcess::CrashExit) {
        m_errorString = tr("The demo fleet (%1) stopped unexpectedly.").arg(m_process->program());
        Q_EMIT finished(1);
        return;
    }
    if (exitCode != 0)
        m_errorString = tr("The demo fleet (%1) exited with code %2.").arg(m_process->program()).arg(exitCode);
    Q_EMIT finished(exitCode);
}

void DemoFleetLauncher::handleError(QProcess::ProcessError error)
{
    // Other errors are followed by finished(); a program that never started is not.
    if (error != QProcess::FailedToStart)
        return;
    m_errorString = tr("Cannot start %1: %2").arg(m_process->program(), m_process->errorString());
    // QProcess may report this from inside start(); callers expect finished() from the event loop.
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT finished(127); }, Qt::QueuedConnection);
}

} // namespace Haven
