// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionroutes.h"

#include "agent/http/routetable.h"
#include "agent/site/agentconfig.h"
#include "agent/site/agentstore.h"
#include "protocol/inspectionstate.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Haven {

namespace {

const QString Capability = QStringLiteral("inspections");

HttpResponse refused(const InspectionRunner::Refusal &refusal)
{
    return HttpResponse::error(refusal.status, refusal.code, refusal.message);
}

} // namespace

std::optional<QHash<QString, QString>> loadInspectionSecrets(const QString &path, QString *error)
{
    // O_NOFOLLOW: a symlink planted in place of the file is refused, not followed.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        *error = QStringLiteral("%1: cannot open the secrets file (%2; a symlink is refused)")
                     .arg(path, QString::fromLocal8Bit(strerror(errno)));
        return std::nullopt;
    }
    struct stat info = {};
    QFile file;
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid() || (info.st_mode & 077) != 0) {
        ::close(fd);
        *error = QStringLiteral("%1: the secrets file must be a regular file of the agent's user with mode 0600")
                     .arg(path);
        return std::nullopt;
    }
    file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject()) {
        *error = QStringLiteral("%1: expected a JSON object of NAME: \"secret\"").arg(path);
        return std::nullopt;
    }
    QHash<QString, QString> secrets;
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString()) {
            *error = QStringLiteral("%1: %2 is not a string").arg(path, it.key());
            return std::nullopt;
        }
        secrets.insert(it.key(), it.value().toString());
    }
    return secrets;
}

InspectionRoutes::InspectionRoutes(AgentStore &store, const SiteBackend &backend, const AgentConfig &config,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store.database())
{
    if (!config.inspectionCatalogPath.isEmpty()) {
        m_catalog = InspectionCatalog::load(config.inspectionCatalogPath, &m_setupError);
        if (m_catalog)
            m_context.catalog = &*m_catalog;
    }
    if (!config.secretsPath.isEmpty() && m_setupError.isEmpty()) {
        if (std::optional<QHash<QString, QString>> secrets = loadInspectionSecrets(config.secretsPath, &m_setupError))
            m_context.secrets = std::move(*secrets);
    }
    m_context.allowFreeScripts = config.allowFreeScripts;
    m_context.probeHosts = config.probeHosts;
    m_context.backend = &backend;
    InspectionScheduler::Settings settings;
    settings.retentionDays = config.inspectionRetentionDays;
    settings.runsPerTask = config.inspectionRunsPerTask;
    settings.minuteSeconds = config.inspectionMinuteSeconds;
    m_scheduler = std::make_unique<InspectionScheduler>(m_store, m_context, settings);
    const QStringList damaged = m_scheduler->load();
    for (const QString &problem : damaged)
        qWarning("haven-agent: a stored inspection task cannot be read and is not run: %s", qPrintable(problem));
}

InspectionRoutes::~InspectionRoutes()
{
    for (InspectionRunner *runner : std::as_const(m_running))
        runner->disconnect(this);
    qDeleteAll(m_running);
}

QString InspectionRoutes::metricsText() const
{
    return m_scheduler->metricsText();
}

void InspectionRoutes::runOne(const InspectionCheck &check, const HttpResponder &responder)
{
    if (m_running.size() >= MaxConcurrent) {
        return responder.respond(
            HttpResponse::error(503, QStringLiteral("busy"),
                                QStringLiteral("%1 inspections are already running here; try again when one finishes")
                                    .arg(MaxConcurrent)));
    }
    InspectionRunner::Refusal refusal;
    std::unique_ptr<InspectionRunner> runner = InspectionRunner::create(check, m_context, &refusal);
    if (!runner)
        return responder.respond(refused(refusal));
    InspectionRunner *raw = runner.release();
    m_running.append(raw);
    connect(raw, &InspectionRunner::finished, this, [this, raw, responder](InspectionCheckResult result) {
        // A single check has no history: its state is that of a first result.
        InspectionCheckState state;
        state.record(result.status, {});
        result.hardState = state.hardState();
        responder.respond(HttpResponse::json(200, {{QStringLiteral("result"), result.toJson()}}));
        m_running.removeOne(raw);
        raw->deleteLater();
    });
    raw->start();
}

void InspectionRoutes::addRoutes(RouteTable &table)
{
    table.add(
        "POST", QStringLiteral("/v1/inspections"), Capability,
        [this](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        const std::optional<QJsonObject> body = Http::jsonBody(request, responder);
        if (!body)
            return;
        QString error;
        const std::optional<InspectionCheck> check = InspectionCheck::fromJson(*body, &error);
        if (!check)
            return responder.respond(HttpResponse::error(400, QStringLiteral("invalid_inspection"), error));
        runOne(*check, responder);
        },
        AgentRole::Inspector);

    table.add("GET", QStringLiteral("/v1/inspection-catalog"), Capability,
              [this](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &) {
        QJsonObject answer = m_catalog ? m_catalog->toJson() : QJsonObject{{QStringLiteral("entries"), QJsonArray()}};
        answer.insert(QStringLiteral("allowFreeScripts"), m_context.allowFreeScripts);
        answer.insert(QStringLiteral("probeHosts"), QJsonArray::fromStringList(m_context.probeHosts));
        responder.respond(HttpResponse::json(200, answer));
    });

    table.add("GET", QStringLiteral("/v1/inspection-tasks"), Capability,
              [this](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &) {
        QJsonArray tasks;
        const QList<InspectionScheduler::TaskStatus> list = m_scheduler->tasks();
        for (const InspectionScheduler::TaskStatus &status : list)
            tasks.append(QJsonObject{{QStringLiteral("task"), status.task.toJson()},
                                     {QStringLiteral("nextRun"), isoTime(status.nextRun.toUTC())},
                                     {QStringLiteral("running"), status.running}});
        responder.respond(HttpResponse::json(200, {{QStringLiteral("tasks"), tasks}}));
    });

    table.add(
        "PUT", QStringLiteral("/v1/inspection-tasks/{id}"), Capability,
        [this](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &captures) {
        const std::optional<QJsonObject> body = Http::jsonBody(request, responder);
        if (!body)
            return;
        QString error;
        const std::optional<InspectionTask> task = InspectionTask::fromJson(*body, &error);
        if (!task)
            return responder.respond(HttpResponse::error(400, QStringLiteral("invalid_inspection"), error));
        if (task->id != captures.value(QStringLiteral("id"))) {
            return responder.respond(
                HttpResponse::error(400, QStringLiteral("invalid_inspection"),
                                    QStringLiteral("id: the body's id \"%1\" is not the path's \"%2\"")
                                        .arg(task->id, captures.value(QStringLiteral("id")))));
        }
        const InspectionRunner::Refusal refusal = m_scheduler->putTask(*task);
        if (!refusal.code.isEmpty())
            return responder.respond(refused(refusal));
        responder.respond(HttpResponse::json(200, {{QStringLiteral("task"), task->toJson()}}));
        },
        AgentRole::Inspector);

    table.add(
        "DELETE", QStringLiteral("/v1/inspection-tasks/{id}"), Capability,
        [this](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &captures) {
        QString error;
        if (!m_scheduler->deleteTask(captures.value(QStringLiteral("id")), &error))
            return responder.respond(HttpResponse::error(500, QStringLiteral("store_failed"), error));
        responder.respond(HttpResponse::text(204, {}, {}));
        },
        AgentRole::Inspector);

    table.add(
        "POST", QStringLiteral("/v1/inspection-tasks/{id}/run"), Capability,
        [this](const HttpRequest &, const HttpResponder &responder, const RouteCaptures &captures) {
        InspectionRunner::Refusal refusal;
        const QString runId = m_scheduler->runNow(captures.value(QStringLiteral("id")), &refusal);
        if (runId.isEmpty())
            return responder.respond(refused(refusal));
        responder.respond(HttpResponse::json(202, {{QStringLiteral("runId"), runId}}));
        },
        AgentRole::Inspector);

    table.add("GET", QStringLiteral("/v1/inspection-runs"), Capability,
              [this](const HttpRequest &request, const HttpResponder &responder, const RouteCaptures &) {
        const std::optional<qint64> since = Http::integerParameter(request, QStringLiteral("since"), 0, 0,
                                                                   std::numeric_limits<qint64>::max(), responder);
        if (!since)
            return;
        const std::optional<qint64> limit = Http::integerParameter(request, QStringLiteral("limit"), 100, 1, 500,
                                                                   responder);
        if (!limit)
            return;
        const QString taskId = request.query.queryItemValue(QStringLiteral("task"));
        // One more than asked, to say whether another page follows.
        QList<InspectionRunRecord> runs = m_store.runs(quint64(*since), int(*limit) + 1, taskId);
        const bool more = runs.size() > *limit;
        if (more)
            runs.removeLast();
        QJsonArray list;
        for (const InspectionRunRecord &run : std::as_const(runs))
            list.append(run.toJson());
        responder.respond(HttpResponse::json(200, {{QStringLiteral("runs"), list},
                                                   {QStringLiteral("sequence"), qint64(m_store.lastSequence())},
                                                   {QStringLiteral("more"), more}}));
    });
}

} // namespace Haven
