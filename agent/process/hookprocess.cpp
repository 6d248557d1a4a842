// SPDX-License-Identifier: GPL-3.0-or-later
#include "hookprocess.h"

#include "core/processgroup.h"

namespace Haven {

QString HookProcess::Result::describe() const
{
    switch (outcome) {
    case Outcome::Exited:
        return QStringLiteral("exit code %1").arg(exitCode);
    case Outcome::Crashed:
        // On Unix, QProcess keeps the signal number in exitCode() after a crash.
        return QStringLiteral("killed by signal %1").arg(exitCode);
    case Outcome::TimedOut:
    case Outcome::Cancelled:
    case Outcome::OutputLimit:
    case Outcome::FailedToStart:
        break;
    }
    return message;
}

HookProcess::HookProcess(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_process.setProcessChannelMode(m_options.mergeChannels ? QProcess::MergedChannels : QProcess::SeparateChannels);
    m_process.setProcessEnvironment(scrubbedEnvironment(m_options.environment));
    if (!m_options.workingDirectory.isEmpty())
        m_process.setWorkingDirectory(m_options.workingDirectory);
    if (m_options.input.isEmpty())
        m_process.setStandardInputFile(QProcess::nullDevice());
    ProcessGroup::prepare(m_process);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &HookProcess::readOutput);
    connect(&m_process, &QProcess::readyReadStandardError, this, &HookProcess::readOutput);
    connect(&m_process, &QProcess::finished, this, &HookProcess::processFinished);
    connect(&m_process, &QProcess::errorOccurred, this, &HookProcess::processFailed);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        const auto seconds = std::chrono::duration<double>(m_options.timeout).count();
        stop(Outcome::TimedOut, QStringLiteral("timed out after %1 s").arg(seconds));
    });
}

HookProcess::~HookProcess()
{
    disconnect(&m_process, nullptr, this, nullptr);
    if (isRunning())
        ProcessGroup::sendSignal(m_pid, SIGKILL);
}

QProcessEnvironment HookProcess::scrubbedEnvironment(const QHash<QString, QString> &extra)
{
    const QProcessEnvironment agent = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment;
    const QStringList names = agent.keys();
    for (const QString &name : names) {
        if (name == QLatin1StringView("PATH") || name == QLatin1StringView("LANG") || name.startsWith(u"LC_")
            || name == QLatin1StringView("HOME") || name == QLatin1StringView("TMPDIR"))
            environment.insert(name, agent.value(name));
    }
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        environment.insert(it.key(), it.value());
    return environment;
}

void HookProcess::start()
{
    if (m_finished || isRunning())
        return; // cancelled before it started, or started twice
    m_process.start(m_options.program, m_options.arguments);
    if (!isRunning())
        return;                    // processFailed() has reported it
    m_pid = m_process.processId(); // QProcess forgets it before finished()
    if (!m_options.input.isEmpty()) {
        m_process.write(m_options.input);
        m_process.closeWriteChannel();
    }
    if (m_options.timeout.count() > 0)
        m_timeout.start(m_options.timeout);
}

void HookProcess::cancel(const QString &reason)
{
    if (isRunning()) {
        stop(Outcome::Cancelled, reason);
        return;
    }
    Result result;
    result.outcome = Outcome::Cancelled;
    result.message = reason;
    finish(result);
}

// The outcome is reported when the hook's process has ended (processFinished).
void HookProcess::stop(Outcome outcome, const QString &message)
{
    if (m_stopped)
        return;
    m_stopped = std::pair(outcome, message);
    m_timeout.stop();
    ProcessGroup::terminate(m_pid);
}

void HookProcess::readOutput()
{
    const auto keep = [this](QByteArray &kept, const QByteArray &chunk) {
        if (kept.size() < m_options.outputCap)
            kept.append(chunk.left(m_options.outputCap - kept.size()));
    };
    const QByteArray chunk = m_process.readAllStandardOutput();
    if (!chunk.isEmpty()) {
        m_result.outputBytes += chunk.size();
        keep(m_result.output, chunk);
        Q_EMIT outputReceived(chunk);
    }
    if (!m_options.mergeChannels)
        keep(m_result.errorOutput, m_process.readAllStandardError());
    if (m_options.stopAtCap && m_result.truncated())
        stop(Outcome::OutputLimit, QStringLiteral("printed more than %1 bytes").arg(m_options.outputCap));
}

void HookProcess::processFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    m_timeout.stop();
    readOutput();
    // Whatever the hook left running in its group would outlive it unnoticed: stop it too
    // (stop() has signalled the group already).
    if (!m_stopped)
        ProcessGroup::terminate(m_pid);
    Result result = m_result;
    result.exitCode = exitCode;
    if (m_stopped) {
        result.outcome = m_stopped->first;
        result.message = m_stopped->second;
    } else {
        result.outcome = exitStatus == QProcess::NormalExit ? Outcome::Exited : Outcome::Crashed;
    }
    finish(result);
}

void HookProcess::processFailed(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // a crash or a closed stdin is reported by finished() as well
    m_timeout.stop();
    Result result;
    result.outcome = Outcome::FailedToStart;
    result.message = QStringLiteral("could not start %1: %2").arg(m_options.program, m_process.errorString());
    finish(result);
}

void HookProcess::finish(Result result)
{
    if (m_finished)
        return;
    m_finished = true;
    // Queued, so that no caller sees finished() from inside start() or cancel().
    QMetaObject::invokeMethod(
        this, [this, result = std::move(result)] { Q_EMIT finished(result); }, Qt::QueuedConnection);
}

} // namespace Haven
