// SPDX-License-Identifier: GPL-3.0-or-later
// haven-agent: the site agent (docs/agent-protocol.md).

#include "agent/faults/faultmanager.h"
#include "agent/faults/faultrecovery.h"
#include "agent/hooks/hooksbackend.h"
#include "agent/http/httpserver.h"
#include "agent/inspections/inspectionroutes.h"
#include "agent/simulated/benchfleet.h"
#include "agent/simulated/demofleet.h"
#include "agent/simulated/simulatedbackend.h"
#include "agent/site/agentconfig.h"
#include "agent/site/agentservice.h"
#include "agent/site/agentstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>
#include <QSslKey>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Haven;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT and SIGTERM end the event loop cleanly (the handler only writes to a pipe).
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] {
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

QString publicKeyPin(const QSslCertificate &certificate)
{
    const QByteArray spki = certificate.publicKey().toDer();
    return QStringLiteral("sha256//")
           + QString::fromLatin1(QCryptographicHash::hash(spki, QCryptographicHash::Sha256).toBase64());
}

std::unique_ptr<SiteBackend> makeBackend(const AgentConfig &config, QString *error)
{
    if (config.backend == QLatin1StringView("simulated"))
        return SimulatedBackend::fromProfile(config.profilePath, config.speed, config.seed, error);
    HooksSettings settings;
    settings.identity.id = config.siteId;
    settings.identity.name = config.siteName.isEmpty() ? config.siteId : config.siteName;
    settings.identity.region = config.region;
    settings.identity.city = config.city;
    settings.catalogPath = config.catalogPath;
    settings.dataDir = config.dataDir;
    return HooksBackend::create(settings, error);
}

// Every connection is a file descriptor: a soft limit of 1,024 would let a burst of clients make
// accept() fail. Take what the hard limit allows.
void raiseFileLimit()
{
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

int runAgent(QCoreApplication &app, const QString &configPath, QTextStream &err)
{
    raiseFileLimit();
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(configPath, &error);
    if (!config) {
        err << "haven-agent: " << error << '\n';
        return 2;
    }
    AgentStore store;
    const QString databasePath = QDir(config->dataDir).filePath(QStringLiteral("agent.db"));
    if (!store.open(databasePath)) {
        err << "haven-agent: cannot use the action database " << databasePath << ": " << store.lastError()
            << "\nNothing was started. Check the data_dir permissions and free space; a corrupt file can be moved "
               "aside (the agent then starts with no action history).\n";
        return 1;
    }
    std::unique_ptr<SiteBackend> backend = makeBackend(*config, &error);
    if (!backend) {
        err << "haven-agent: " << error << '\n';
        return 2;
    }

    HttpLimits limits;
    limits.maxBodyBytes = config->maxBodyBytes;
    limits.requestTimeoutMs = config->requestTimeoutSeconds * 1000;
    HttpServer server(limits);
    QString pin;
    if (config->tlsEnabled()) {
        QFile certificateFile(config->certificatePath);
        QFile keyFile(config->privateKeyPath);
        if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            err << "haven-agent: cannot read the TLS certificate or key (" << config->certificatePath << ", "
                << config->privateKeyPath << ")\n";
            return 2;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&certificateFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Ec);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Rsa);
        if (chain.isEmpty() || key.isNull()) {
            err << "haven-agent: the TLS certificate or key is not valid PEM (EC or RSA)\n";
            return 2;
        }
        server.setTls(chain, key);
        pin = publicKeyPin(chain.first());
    }

    AgentService service(*backend, store, *config);
    service.faults().configure(config->faults);
    if (!service.inspections().setupError().isEmpty()) {
        err << "haven-agent: " << service.inspections().setupError() << '\n';
        return 2;
    }
    service.attach(&server);
    if (!server.listen(config->listenAddress, config->port)) {
        err << "haven-agent: cannot listen on " << config->listenAddress.toString() << ':' << config->port << ": "
            << server.errorString() << '\n';
        return 1;
    }
    const QString host = config->listenAddress.protocol() == QAbstractSocket::IPv6Protocol
                             ? QStringLiteral("[%1]").arg(config->listenAddress.toString())
                             : config->listenAddress.toString();
    const QString url = QStringLiteral("%1://%2:%3")
                            .arg(config->tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"), host)
                            .arg(server.serverPort());
    const SiteInfo site = backend->siteInfo();
    err << "haven-agent " << HAVEN_VERSION << ": site " << site.id << " (" << site.name << ", " << site.backend
        << ") listening on " << url << (pin.isEmpty() ? QString() : QStringLiteral(" pin ") + pin) << '\n'
        << Qt::flush;
    if (!config->portFile.isEmpty()) {
        QSaveFile portFile(config->portFile);
        const QJsonObject endpoint{{QStringLiteral("site"), site.id},
                                   {QStringLiteral("url"), url},
                                   {QStringLiteral("port"), server.serverPort()},
                                   {QStringLiteral("tls"), config->tlsEnabled()},
                                   {QStringLiteral("pin"), pin},
                                   {QStringLiteral("pid"), QCoreApplication::applicationPid()}};
        if (!portFile.open(QIODevice::WriteOnly) || portFile.write(QJsonDocument(endpoint).toJson()) < 0
            || !portFile.commit()) {
            err << "haven-agent: cannot write the port file " << config->portFile << '\n';
            return 1;
        }
    }
    quitOnSignals(app);
    return app.exec();
}

// Reverts every fault of the revert journal without serving, e.g. when agent.db is damaged.
int runRevertFaults(const QString &configPath, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(configPath, &error);
    std::unique_ptr<SiteBackend> backend = config ? makeBackend(*config, &error) : nullptr;
    if (!backend) {
        err << "haven-agent: " << error << '\n';
        return 2;
    }
    return revertJournaledFaults(config->dataDir, *backend, out);
}

int runDemoFleet(QCoreApplication &app, const QCommandLineParser &parser, QTextStream &out)
{
    DemoFleet::Options options;
    options.directory = parser.value(QStringLiteral("demo-fleet"));
    options.profilesDir = parser.isSet(QStringLiteral("profiles")) ? parser.value(QStringLiteral("profiles"))
                                                                   : DemoFleet::defaultProfilesDir();
    options.agentProgram = QCoreApplication::applicationFilePath();
    options.speed = parser.value(QStringLiteral("speed")).toDouble();
    options.tls = !parser.isSet(QStringLiteral("no-tls"));
    if (options.speed <= 0)
        options.speed = 1;
    DemoFleet fleet(options, out);
    out << "Starting the demo fleet from " << options.profilesDir << " ...\n" << Qt::flush;
    if (!fleet.start())
        return 1;
    const bool checkOnly = parser.isSet(QStringLiteral("check"));
    QObject::connect(&fleet, &DemoFleet::checked, &app, [&](bool allAnswered) {
        if (checkOnly) {
            QCoreApplication::exit(allAnswered ? 0 : 1);
            return;
        }
        out << (allAnswered ? "Every site answers.\n" : "Some sites do not answer (see above).\n")
            << "Fleet file for consoles (tokens inside, mode 0600): " << fleet.fleetFile()
            << "\nPress Ctrl-C to stop the fleet.\n"
            << Qt::flush;
    });
    QObject::connect(&fleet, &DemoFleet::agentExited, &app, [&](const QString &site, int code) {
        // The other sites keep running: a stopped site is how the demo shows degraded mode.
        out << "The agent for " << site << " exited (code " << code << "); the other sites keep running.\n"
            << Qt::flush;
    });
    out << "Every agent is listening; asking each site who it is:\n" << Qt::flush;
    fleet.check();
    quitOnSignals(app);
    const int code = app.exec();
    fleet.stop();
    return code;
}

int runBenchFleet(QCoreApplication &app, const QCommandLineParser &parser, QTextStream &err)
{
    BenchFleet::Options options;
    options.templateProfile = parser.isSet(QStringLiteral("profiles"))
                                  ? parser.value(QStringLiteral("profiles"))
                                  : DemoFleet::defaultProfilesDir() + QStringLiteral("/sha.json");
    options.sites = parser.value(QStringLiteral("sites")).toInt();
    options.componentsPerSite = parser.value(QStringLiteral("components")).toInt();
    if (options.sites < 1 || options.sites > 5000 || options.componentsPerSite < 1) {
        err << "haven-agent: --sites must be 1..5000 and --components at least 1\n";
        return 2;
    }
    BenchFleet fleet;
    QString error;
    if (!fleet.start(options, parser.value(QStringLiteral("bench-fleet")), &error)) {
        err << "haven-agent: " << error << '\n';
        return 1;
    }
    err << "haven-agent: " << fleet.siteCount() << " simulated sites listening; fleet file "
        << parser.value(QStringLiteral("bench-fleet")) << '\n'
        << Qt::flush;
    quitOnSignals(app);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("haven-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HAVEN_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Haven site agent: topology, operations, inspections and faults "
                                                    "of one datacenter over HTTPS (protocol v1)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("config"), QStringLiteral("Run the agent with this configuration file."),
         QStringLiteral("file")},
        {QStringLiteral("demo-fleet"),
         QStringLiteral("Start one simulated agent per demo site on loopback; "
                        "configs, data and fleet.json go to this directory."),
         QStringLiteral("directory")},
        {QStringLiteral("profiles"), QStringLiteral("With --demo-fleet: the directory of site profiles."),
         QStringLiteral("directory")},
        {QStringLiteral("speed"), QStringLiteral("With --demo-fleet: simulated seconds per second."),
         QStringLiteral("factor"), QStringLiteral("1")},
        {QStringLiteral("no-tls"), QStringLiteral("With --demo-fleet: plain HTTP on loopback.")},
        {QStringLiteral("check"), QStringLiteral("With --demo-fleet: check that every site answers, then stop.")},
        {QStringLiteral("bench-fleet"),
         QStringLiteral("Serve many small simulated sites from this one process, "
                        "each on its own loopback port, for bench/fleet; write their "
                        "fleet file here."),
         QStringLiteral("file")},
        {QStringLiteral("sites"), QStringLiteral("With --bench-fleet: how many sites."), QStringLiteral("count"),
         QStringLiteral("1000")},
        {QStringLiteral("components"), QStringLiteral("With --bench-fleet: components per site."),
         QStringLiteral("count"), QStringLiteral("10")},
        {QStringLiteral("hash-token"), QStringLiteral("Read a token on standard input and print the token_sha256 "
                                                      "value for the configuration.")},
        {QStringLiteral("pin"), QStringLiteral("Print the public-key pin (sha256//...) of a PEM certificate."),
         QStringLiteral("certificate")},
        {QStringLiteral("revert-faults"), QStringLiteral("With --config: revert every fault in the revert journal, "
                                                         "then exit (works when the agent's database is damaged).")},
    });
    parser.process(app);

    if (parser.isSet(QStringLiteral("hash-token"))) {
        const QByteArray token = QTextStream(stdin).readLine().trimmed().toUtf8();
        if (token.isEmpty()) {
            err << "haven-agent: no token on standard input\n";
            return 2;
        }
        out << tokenDigest(token).toHex() << '\n';
        return 0;
    }
    if (parser.isSet(QStringLiteral("pin"))) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(parser.value(QStringLiteral("pin")));
        if (certificates.isEmpty()) {
            err << "haven-agent: no PEM certificate in " << parser.value(QStringLiteral("pin")) << '\n';
            return 2;
        }
        out << publicKeyPin(certificates.first()) << '\n';
        return 0;
    }
    if (parser.isSet(QStringLiteral("bench-fleet")))
        return runBenchFleet(app, parser, err);
    if (parser.isSet(QStringLiteral("demo-fleet")))
        return runDemoFleet(app, parser, out);
    if (parser.isSet(QStringLiteral("config")) && parser.isSet(QStringLiteral("revert-faults")))
        return runRevertFaults(parser.value(QStringLiteral("config")), out, err);
    if (parser.isSet(QStringLiteral("config")))
        return runAgent(app, parser.value(QStringLiteral("config")), err);
    err << "haven-agent: give --config FILE (or --demo-fleet DIR); --help lists the options\n";
    return 2;
}
