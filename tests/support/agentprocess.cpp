// SPDX-License-Identifier: GPL-3.0-or-later
#include "agentprocess.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>
#include <QUrl>
#include <QUuid>

namespace Haven::Test {

AgentProcess::AgentProcess(QString workDir)
    : m_workDir(std::move(workDir))
    , m_token(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
{
    QDir().mkpath(m_workDir);
}

AgentProcess::~AgentProcess()
{
    stop();
}

QString AgentProcess::demoProfile(const QString &siteId)
{
    return QStringLiteral(HAVEN_PROFILES_DIR "/demo/%1.json").arg(siteId);
}

QString AgentProcess::caFile() const
{
    return QStringLiteral(HAVEN_TEST_DATA_DIR "/tls/cert.pem");
}

bool AgentProcess::start(const Options &options)
{
    stop();
    const QDir dir(m_workDir);
    const QString portFile = dir.filePath(QStringLiteral("endpoint.json"));
    QFile::remove(portFile);
    QString ini;
    ini += QStringLiteral(
               "[agent]\nlisten_address = 127.0.0.1\nport = %1\ndata_dir = data\nport_file = endpoint.json\n")
               .arg(options.port);
    ini += QStringLiteral("request_timeout_seconds = %1\nmax_body_bytes = %2\n\n")
               .arg(options.requestTimeoutSeconds)
               .arg(options.maxBodyBytes);
    if (options.tls) {
        // The agent refuses a key others may read; a checkout's files are 0644.
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QFile::remove(key);
        if (!QFile::copy(QStringLiteral(HAVEN_TEST_DATA_DIR "/tls/key.pem"), key)
            || !QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return false;
        ini += QStringLiteral("[tls]\ncertificate = " HAVEN_TEST_DATA_DIR "/tls/cert.pem\nprivate_key = key.pem\n\n");
    }
    ini += QStringLiteral("[auth]\ntoken_sha256 = %1\n\n")
               .arg(QString::fromLatin1(QCryptographicHash::hash(m_token, QCryptographicHash::Sha256).toHex()));
    ini += QStringLiteral("[site]\nid = %1\nname = Test site\nregion = test\ncity = Testville\n\n").arg(options.siteId);
    ini += QStringLiteral("[backend]\ntype = %1\nspeed = %2\n").arg(options.backend).arg(options.speed);
    if (options.backend == QLatin1StringView("simulated"))
        ini += QStringLiteral("profile = %1\n")
                   .arg(options.profile.isEmpty() ? demoProfile(QStringLiteral("sha")) : options.profile);
    else
        ini += QStringLiteral("catalog = %1\n").arg(options.catalog);
    ini += options.extraIni;
    QFile config(dir.filePath(QStringLiteral("agent.conf")));
    if (!config.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    config.write(ini.toUtf8());
    config.close();

    m_output.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral(HAVEN_AGENT_BINARY), {QStringLiteral("--config"), config.fileName()});
    QDeadlineTimer deadline(15'000);
    while (!QFileInfo::exists(portFile)) {
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired()) {
            qWarning("haven-agent did not start: %s", qPrintable(output()));
            return false;
        }
        m_process->waitForReadyRead(20);
    }
    QFile endpointFile(portFile);
    endpointFile.open(QIODevice::ReadOnly);
    const QJsonObject endpoint = QJsonDocument::fromJson(endpointFile.readAll()).object();
    m_url = endpoint.value(QStringLiteral("url")).toString();
    m_pin = endpoint.value(QStringLiteral("pin")).toString();
    return !m_url.isEmpty();
}

void AgentProcess::stop()
{
    if (isRunning()) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void AgentProcess::kill()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool AgentProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString AgentProcess::output() const
{
    if (m_process)
        m_output += m_process->readAll();
    return QString::fromLocal8Bit(m_output);
}

quint16 AgentProcess::port() const
{
    return quint16(QUrl(m_url).port());
}

qint64 AgentProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

} // namespace Haven::Test
