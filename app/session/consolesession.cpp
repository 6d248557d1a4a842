// SPDX-License-Identifier: GPL-3.0-or-later
#include "consolesession.h"

#include "app/agents/agentclient.h"
#include "app/agents/curlengine.h"
#include "app/agents/secretstore.h"
#include "app/drills/drillservice.h"
#include "app/executions/executionengine.h"
#include "app/fleet/demofleetlauncher.h"
#include "app/fleet/fleetmonitor.h"
#include "app/fleet/modecontroller.h"
#include "app/inspections/inspectionservice.h"
#include "app/metrics/trendrouter.h"
#include "app/notify/chatnotifier.h"
#include "app/plans/planlibrary.h"
#include "models/environment/environmentrepository.h"
#include "models/store/localstore.h"
#include "models/store/metricarchive.h"
#include "models/store/metrichistory.h"
#include "models/store/storeworker.h"
#include "models/topology/fleettopology.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <memory>

namespace Haven {

ConsoleSession::ConsoleSession(const Options &options, QObject *parent)
    : QObject(parent)
    , m_store(std::make_unique<LocalStore>())
    , m_secrets(options.forceSecretsFile ? new SecretStore(SecretStore::Backend::File, options.secretsFile, this)
                                         : new SecretStore(this))
    , m_engine(new CurlEngine(this))
    , m_topology(new FleetTopology(this))
    , m_history(std::make_unique<MetricHistory>())
    , m_archive(new MetricArchive(this))
    , m_trends(new TrendRouter(*m_archive, this))
    , m_monitor(new FleetMonitor(*m_engine, *m_topology, this))
    , m_mode(new ModeController(*m_topology, this))
    , m_executions(new ExecutionEngine(
          *m_store, *m_topology, [this](const QString &siteId) { return client(siteId); }, this))
    , m_plans(new PlanLibrary(*m_store, this))
    , m_drills(nullptr)
    , m_notifier(new ChatNotifier(
          *m_store, *m_engine,
          [this](const QString &name, QObject *context,
                 std::function<void(std::optional<QByteArray>, const QString &)> done) {
    m_secrets->read(ChatWebhook::secretKeyFor(name), context, [done](const SecretStore::ReadResult &result) {
        if (!result.ok)
            return done(std::nullopt, result.error);
        if (!result.found)
            return done(std::nullopt, tr("it is not in the secret store"));
        done(result.secret, {});
    });
          },
          this))
, m_inspections(new InspectionService(
      *m_store, *m_topology, [this](const QString &siteId) { return client(siteId); }, this))
{
    const QString path = options.databasePath.isEmpty()
                             ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                   .filePath(QStringLiteral("haven.db"))
                             : options.databasePath;
    const LocalStore::Status status = m_store->open(path);
    m_mode->setStoreProblem(status.problem);
    m_store->setStatusCallback([this](const LocalStore::Status &changed) { m_mode->setStoreProblem(changed.problem); });
    if (m_store->isPersistent()) {
        m_storeWorker = new StoreWorker(this);
        m_storeWorker->open(m_store->status().path);
    }
    m_monitor->setStore(m_store.get());
    m_monitor->setHistory(m_history.get());
    // The metric history has its own file next to the store's, written by its own thread.
    m_archive->open(status.mode == LocalStore::Mode::Persistent
                        ? QFileInfo(path).dir().filePath(QStringLiteral("metric-history.db"))
                        : QString());
    m_monitor->setArchive(m_archive);
    m_history->setTrendSource(m_trends);
    // After the store opened: the service reads its kill switches and finds interrupted runs.
    m_drills = new DrillService(
        *m_store, *m_topology, *m_executions, [this](const QString &siteId) { return client(siteId); }, this);
    m_drills->markInterrupted();
    // The library checks plans against the operations the agents offer, with or without a page.
    connect(m_topology, &FleetTopology::catalogChanged, m_plans, [this] { m_plans->setCatalog(m_topology->catalog()); });
    if (std::optional<Environment> saved = m_store->environment().load())
        m_environment = *saved;
    ExecutionEngine::Settings engineSettings;
    engineSettings.requireSecondApproval
        = QSettings().value(QStringLiteral("execution/requireSecondApproval"), false).toBool();
    m_executions->setSettings(engineSettings);
    // Tasks reach the agents and their history comes back whenever the agents are (re)followed.
    m_inspections->setNotifier(m_notifier);
    m_inspections->setCollectInterval(15'000);
    connect(this, &ConsoleSession::followed, m_inspections, &InspectionService::agentsFollowed);

    const QString thresholds = options.thresholdsPath.isEmpty()
                                   ? QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
                                         .filePath(QStringLiteral("thresholds.json"))
                                   : options.thresholdsPath;
    if (!options.thresholdsPath.isEmpty() || QFileInfo::exists(thresholds)) {
        QString error;
        if (std::optional<ReadinessThresholds> loaded = ReadinessThresholds::load(thresholds, &error))
            m_thresholds = *loaded;
        else
            m_thresholdsProblem = tr("The readiness thresholds in %1 were not used (%2); the defaults apply.")
                                      .arg(thresholds, error);
    }
}

ConsoleSession::~ConsoleSession()
{
    m_monitor->stop();
}

void ConsoleSession::start()
{
    // The cached picture first: it is on screen before any agent has been asked.
    m_monitor->setEnvironment(m_environment, {});
    m_monitor->loadCache();
    // The live window's samples come back off the GUI thread, a site per event; samples the
    // agents send meanwhile are kept too (MetricHistory::restore merges).
    m_archive->restoreInto(*m_history, QDateTime::currentMSecsSinceEpoch()
                                           - m_history->liveSlots() * MetricTiers::widthMs(MetricTiers::Raw));
    Q_EMIT environmentChanged();
    follow();
}

void ConsoleSession::follow()
{
    // Tokens come one by one from the keychain; a newer environment makes older reads moot.
    const quint64 generation = ++m_followGeneration;
    auto tokens = std::make_shared<QHash<QString, QByteArray>>();
    auto remaining = std::make_shared<qsizetype>(m_environment.sites.size());
    auto go = [this, generation, tokens] {
        if (generation == m_followGeneration)
            followWith(*tokens);
    };
    if (*remaining == 0)
        return go();
    for (const SiteEndpoint &site : std::as_const(m_environment.sites)) {
        const QString id = site.id;
        m_secrets->read(site.secretKey(), this, [tokens, remaining, id, go](const SecretStore::ReadResult &result) {
            if (result.found)
                tokens->insert(id, result.secret);
            if (--*remaining == 0)
                go();
        });
    }
}

void ConsoleSession::followWith(const QHash<QString, QByteArray> &tokens)
{
    m_trends->setEnvironment(m_environment, *m_engine, *m_secrets);
    m_monitor->setEnvironment(m_environment, tokens);
    m_monitor->loadCache();
    m_monitor->start();
    // New clients for the engine; what the old ones had in flight the engine asks again.
    m_tokens = tokens;
    for (AgentClient *old : std::as_const(m_clients))
        old->deleteLater();
    m_clients.clear();
    if (!m_executionsResumed) {
        m_executionsResumed = true;
        // Replaying every journal can take long: it runs on the worker, and followed() waits for it.
        if (m_storeWorker) {
            m_executions->resumeAllInBackground(*m_storeWorker,
                                                [this](int, const QString &problem) { resumed(problem); });
            return;
        }
        QString problem;
        m_executions->resumeAll(&problem);
        return resumed(problem);
    }
    Q_EMIT followed();
}

void ConsoleSession::resumed(const QString &problem)
{
    if (!problem.isEmpty())
        m_resumeProblem = tr("Some executions could not be resumed from the local database: %1").arg(problem);
    m_drills->refreshInterrupted();
    Q_EMIT followed();
}

void ConsoleSession::startWith(const Environment &environment, const QHash<QString, QByteArray> &tokens)
{
    m_environment = environment; // not saved: the console's own environment stays as it is
    ++m_followGeneration;
    Q_EMIT environmentChanged();
    followWith(tokens);
}

void ConsoleSession::setEnvironment(const Environment &environment)
{
    m_environment = environment;
    m_store->environment().save(environment);
    Q_EMIT environmentChanged();
    follow();
}

void ConsoleSession::writeTokens(const QHash<QString, QByteArray> &tokens, std::function<void()> then)
{
    auto remaining = std::make_shared<qsizetype>(tokens.size());
    if (*remaining == 0)
        return then();
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it) {
        m_secrets->write(SiteEndpoint::secretKeyFor(it.key()), it.value(), this,
                         [remaining, then](bool, const QString &) {
            if (--*remaining == 0)
                then();
        });
    }
}

bool ConsoleSession::importFile(const QString &path, QString *error, int *siteCount)
{
    QHash<QString, QByteArray> tokens;
    std::optional<Environment> imported = Environment::loadValid(path, &tokens, error);
    if (!imported)
        return false;
    if (siteCount)
        *siteCount = int(imported->sites.size());
    const Environment environment = *imported;
    writeTokens(tokens, [this, environment] { setEnvironment(environment); });
    return true;
}

bool ConsoleSession::startDemo(const QString &agentProgram, const QString &directory, QString *error)
{
    const QString fleetFile = QDir(directory).filePath(QStringLiteral("fleet.json"));
    QFile::remove(fleetFile); // a file from an earlier run names ports that are gone
    m_demo = new DemoFleetLauncher(this);
    connect(m_demo, &DemoFleetLauncher::finished, this, [this](int exitCode) {
        if (exitCode != 0)
            Q_EMIT demoFailed(m_demo->errorString());
    });
    if (!m_demo->start(agentProgram, directory)) {
        *error = m_demo->errorString();
        return false;
    }
    auto *watch = new QTimer(this);
    watch->setInterval(100);
    connect(watch, &QTimer::timeout, this, [this, watch, fleetFile] {
        if (!QFileInfo::exists(fleetFile)) {
            if (!m_demo->isRunning())
                watch->deleteLater();
            return;
        }
        watch->deleteLater();
        QString problem;
        if (!importFile(fleetFile, &problem))
            Q_EMIT demoFailed(problem);
    });
    watch->start();
    return true;
}

void ConsoleSession::setRequireSecondApproval(bool required, const Operator &who)
{
    ExecutionEngine::Settings settings = m_executions->settings();
    if (settings.requireSecondApproval == required)
        return;
    settings.requireSecondApproval = required;
    m_executions->setSettings(settings);
    QSettings().setValue(QStringLiteral("execution/requireSecondApproval"), required);
    m_store->appendAudit(who.user, QStringLiteral("settings.requireSecondApproval"),
                         {{QStringLiteral("value"), required}, {QStringLiteral("host"), who.host}});
}

AgentClient *ConsoleSession::client(const QString &siteId)
{
    if (AgentClient *existing = m_clients.value(siteId))
        return existing;
    const auto site = std::find_if(m_environment.sites.cbegin(), m_environment.sites.cend(),
                                   [&siteId](const SiteEndpoint &s) { return s.id == siteId && s.enabled; });
    if (site == m_environment.sites.cend() || !m_tokens.contains(siteId))
        return nullptr;
    AgentConnection connection = AgentConnection::forSite(*site, m_tokens.value(siteId));
    connection.requestTimeoutMs = 10'000;
    auto *created = new AgentClient(*m_engine, connection, this);
    m_clients.insert(siteId, created);
    return created;
}

} // namespace Haven
