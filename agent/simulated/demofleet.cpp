// SPDX-License-Identifier: GPL-3.0-or-later
#include "demofleet.h"

#include "agent/site/agentconfig.h"
#include "protocol/protocol.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTextStream>
#include <QThread>

#include <memory>

#include <signal.h>
#include <sys/prctl.h>

namespace Haven {

namespace {

QByteArray newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool writePrivateFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(content);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

DemoFleet::DemoFleet(Options options, QTextStream &out, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_out(out)
    , m_network(new QNetworkAccessManager(this))
{ }

DemoFleet::~DemoFleet()
{
    stop();
}

QString DemoFleet::defaultProfilesDir()
{
    const QString besideBinary = QCoreApplication::applicationDirPath()
                                 + QStringLiteral("/../share/haven/profiles/demo");
    for (const QString &candidate : {besideBinary, QStringLiteral(HAVEN_PROFILES_INSTALL_DIR "/demo"),
                                     QStringLiteral(HAVEN_PROFILES_SOURCE_DIR "/demo")}) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return QStringLiteral(HAVEN_PROFILES_SOURCE_DIR "/demo");
}

QString DemoFleet::fleetFile() const
{
    return QDir(m_options.directory).filePath(QStringLiteral("fleet.json"));
}

bool DemoFleet::start()
{
    QString error;
    const QStringList profiles = QDir(m_options.profilesDir)
                                     .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    if (profiles.isEmpty()) {
        m_out << QStringLiteral("No demo profiles in %1.\n").arg(m_options.profilesDir) << Qt::flush;
        return false;
    }
    if (!QDir().mkpath(m_options.directory)) {
        m_out << QStringLiteral("Cannot create %1.\n").arg(m_options.directory) << Qt::flush;
        return false;
    }
    QFile::setPermissions(m_options.directory, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    for (const QString &profile : profiles) {
        Site site;
        site.id = QFileInfo(profile).completeBaseName();
        site.profile = QDir(m_options.profilesDir).filePath(profile);
        site.dir = QDir(m_options.directory).filePath(site.id);
        if (!prepare(site, &error)) {
            m_out << QStringLiteral("Site %1: %2\n").arg(site.id, error) << Qt::flush;
            stop();
            return false;
        }
        m_sites.append(site);
    }
    for (Site &site : m_sites) {
        site.process = new QProcess(this);
        site.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // The agents go when the fleet goes, even if the fleet is killed.
        site.process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        const QString id = site.id;
        connect(site.process, &QProcess::finished, this, [this, id](int exitCode) { Q_EMIT agentExited(id, exitCode); });
        site.process->start(m_options.agentProgram,
                            {QStringLiteral("--config"), QDir(site.dir).filePath(QStringLiteral("agent.conf"))});
    }
    if (!waitForPortFiles(&error) || !writeFleetFile(&error)) {
        m_out << error << '\n' << Qt::flush;
        stop();
        return false;
    }
    return true;
}

bool DemoFleet::prepare(Site &site, QString *error)
{
    const QDir dir(site.dir);
    if (!QDir().mkpath(dir.filePath(QStringLiteral("data")))) {
        *error = QStringLiteral("cannot create %1").arg(site.dir);
        return false;
    }
    QFile::remove(dir.filePath(QStringLiteral("endpoint.json")));
    site.token = newToken();
    if (m_options.tls && !makeCertificate(site, error))
        return false;
    QString config;
    QTextStream ini(&config);
    ini << "; Written by haven-agent --demo-fleet for the demo site " << site.id << ".\n"
        << "[agent]\nlisten_address = 127.0.0.1\nport = 0\ndata_dir = data\nport_file = endpoint.json\n\n";
    if (m_options.tls)
        ini << "[tls]\ncertificate = cert.pem\nprivate_key = key.pem\n\n";
    ini << "[auth]\ntoken_sha256 = " << tokenDigest(site.token).toHex() << "\n\n"
        << "[backend]\ntype = simulated\nprofile = " << site.profile << "\nspeed = " << m_options.speed << '\n';
    ini.flush();
    return writePrivateFile(dir.filePath(QStringLiteral("agent.conf")), config.toUtf8(), error);
}

bool DemoFleet::makeCertificate(const Site &site, QString *error)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = QStringLiteral("openssl is needed to make the demo certificates; install it (./setup.sh does) "
                                "or start the fleet with --no-tls");
        return false;
    }
    const QDir dir(site.dir);
    if (QFileInfo::exists(dir.filePath(QStringLiteral("cert.pem")))
        && QFileInfo::exists(dir.filePath(QStringLiteral("key.pem"))))
        return true; // kept across runs so that pins stay stable
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl,
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-days"), QStringLiteral("825"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=haven-demo-%1").arg(site.id), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"),
                   dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   dir.filePath(QStringLiteral("cert.pem"))});
    if (!process.waitForFinished(30'000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl could not make a certificate: %1")
                     .arg(QString::fromLocal8Bit(process.readAll()).trimmed());
        return false;
    }
    QFile::setPermissions(dir.filePath(QStringLiteral("key.pem")), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

bool DemoFleet::waitForPortFiles(QString *error)
{
    QDeadlineTimer deadline(m_options.startTimeoutMs);
    for (Site &site : m_sites) {
        const QString path = QDir(site.dir).filePath(QStringLiteral("endpoint.json"));
        while (!QFileInfo::exists(path)) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            if (site.process->state() == QProcess::NotRunning) {
                *error = QStringLiteral("the agent for %1 stopped at start (exit code %2); see its messages above")
                             .arg(site.id)
                             .arg(site.process->exitCode());
                return false;
            }
            if (deadline.hasExpired()) {
                *error = QStringLiteral("the agent for %1 did not start within %2 s")
                             .arg(site.id)
                             .arg(m_options.startTimeoutMs / 1000);
                return false;
            }
            QThread::msleep(20);
        }
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        site.endpoint = QJsonDocument::fromJson(file.readAll()).object();
    }
    return true;
}

bool DemoFleet::writeFleetFile(QString *error)
{
    QJsonArray sites;
    for (const Site &site : std::as_const(m_sites)) {
        QJsonObject entry{{QStringLiteral("id"), site.id},
                          {QStringLiteral("url"), site.endpoint.value(QStringLiteral("url"))},
                          {QStringLiteral("token"), QString::fromLatin1(site.token)}};
        if (m_options.tls) {
            entry.insert(QStringLiteral("pin"), site.endpoint.value(QStringLiteral("pin")));
            entry.insert(QStringLiteral("caFile"), QDir(site.dir).filePath(QStringLiteral("cert.pem")));
        }
        sites.append(entry);
    }
    const QJsonObject fleet{{QStringLiteral("format"), QStringLiteral("haven-fleet")},
                            {QStringLiteral("version"), 1},
                            {QStringLiteral("sites"), sites}};
    return writePrivateFile(fleetFile(), QJsonDocument(fleet).toJson(), error);
}

void DemoFleet::check()
{
    auto pending = std::make_shared<int>(int(m_sites.size()) * 2);
    auto allOk = std::make_shared<bool>(true);
    auto rows = std::make_shared<QMap<QString, QStringList>>();
    for (const Site &site : std::as_const(m_sites)) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (m_options.tls)
            tls.setCaCertificates(QSslCertificate::fromPath(QDir(site.dir).filePath(QStringLiteral("cert.pem"))));
        const QString base = site.endpoint.value(QStringLiteral("url")).toString();
        for (const QString &path : {QStringLiteral("/v1/site"), QStringLiteral("/v1/topology")}) {
            QNetworkRequest request(QUrl(base + path));
            request.setRawHeader("Authorization", "Bearer " + site.token);
            request.setSslConfiguration(tls);
            request.setTransferTimeout(10'000);
            QNetworkReply *reply = m_network->get(request);
            const QString id = site.id;
            connect(reply, &QNetworkReply::finished, this, [=, this] {
                reply->deleteLater();
                const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
                QStringList &row = (*rows)[id];
                if (reply->error() != QNetworkReply::NoError) {
                    *allOk = false;
                    row.append(QStringLiteral("NOT ANSWERING: ") + reply->errorString());
                } else if (path.endsWith(QLatin1StringView("site"))) {
                    row.prepend(QStringLiteral("%1 (%2, %3)")
                                    .arg(body.value(QStringLiteral("name")).toString(),
                                         body.value(QStringLiteral("city")).toString(),
                                         body.value(QStringLiteral("region")).toString()));
                } else {
                    row.append(QStringLiteral("%1 components, revision %2")
                                   .arg(body.value(QStringLiteral("components")).toArray().size())
                                   .arg(body.value(QStringLiteral("revision")).toInteger()));
                }
                if (--*pending > 0)
                    return;
                for (const Site &s : std::as_const(m_sites)) {
                    m_out << QStringLiteral("  %1  %2  %3\n")
                                 .arg(s.id, -5)
                                 .arg(s.endpoint.value(QStringLiteral("url")).toString(), -24)
                                 .arg(rows->value(s.id).join(QStringLiteral(" — ")));
                }
                m_out << Qt::flush;
                Q_EMIT checked(*allOk);
            });
        }
    }
}

void DemoFleet::stop()
{
    for (Site &site : m_sites) {
        if (site.process && site.process->state() != QProcess::NotRunning) {
            site.process->disconnect(this);
            site.process->terminate();
            if (!site.process->waitForFinished(5000))
                site.process->kill();
        }
    }
}

} // namespace Haven
