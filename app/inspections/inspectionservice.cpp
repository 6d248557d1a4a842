// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionservice.h"

#include "inspectionsync.h"

#include "app/executions/executionengine.h"
#include "app/notify/chatnotifier.h"
#include "models/inspections/inspectionformat.h"
#include "models/inspections/starterrules.h"
#include "models/topology/fleettopology.h"

#include <QFile>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>

namespace Haven {

namespace {

AuditEntry auditEntry(const Operator &who, const QString &action, QJsonObject details)
{
    details.insert(QStringLiteral("host"), who.host);
    return {who.user, QStringLiteral("inspection.") + action, details};
}

} // namespace

InspectionService::InspectionService(LocalStore &store, FleetTopology &topology, ClientFor clients, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_topology(topology)
    , m_sync(new InspectionSync(store, std::move(clients), this))
    , m_pushTimer(new QTimer(this))
{
    // Topology arrives site by site: one push after it settles, not one per site.
    m_pushTimer->setSingleShot(true);
    m_pushTimer->setInterval(2000);
    connect(m_pushTimer, &QTimer::timeout, this, &InspectionService::pushAll);
    connect(&m_topology, &FleetTopology::componentsInserted, m_pushTimer, qOverload<>(&QTimer::start));
    connect(m_sync, &InspectionSync::runsCollected, this, [this](const QList<InspectionRunSummary> &added) {
        notify(added);
        Q_EMIT reportsChanged();
    });
    connect(m_sync, &InspectionSync::collectFinished, this, [this](const QString &, const QString &message) {
        if (!message.isEmpty())
            Q_EMIT problem(message);
    });
    connect(m_sync, &InspectionSync::pushed, this,
            [this](const QString &taskId, const QString &, const QString &message) {
        if (!message.isEmpty())
            Q_EMIT problem(message);
        Q_EMIT pushStateChanged(taskId);
    });
    connect(m_sync, &InspectionSync::runStarted, this,
            [this](const QString &, const QString &, const QString &message) {
        if (!message.isEmpty())
            Q_EMIT problem(message);
    });
    connect(&m_topology, &FleetTopology::sitesReset, this, &InspectionService::followFleet);
    followFleet();
}

InspectionService::~InspectionService() = default;

void InspectionService::followFleet()
{
    QHash<QString, QString> names;
    for (const QString &siteId : m_topology.siteIds())
        names.insert(siteId, siteName(siteId));
    m_sync->setSites(m_topology.siteIds(), names);
}

void InspectionService::setCollectInterval(int intervalMs)
{
    m_sync->setCollectInterval(intervalMs);
}

QString InspectionService::siteName(const QString &siteId) const
{
    const SiteState *site = m_topology.site(siteId);
    return site ? site->displayName() : siteId;
}

QString InspectionService::memoryNote() const
{
    if (m_store.isPersistent())
        return {};
    return QLatin1Char(' ')
           + tr("The local database cannot be used, so this is kept in memory only until Haven closes.");
}

QList<InspectionRule> InspectionService::rules()
{
    QList<InspectionRule> list = InspectionRepository(m_store).rules();
    for (const InspectionRule &builtIn : StarterRules::all()) {
        const bool edited = std::any_of(list.cbegin(), list.cend(),
                                        [&](const InspectionRule &rule) { return rule.id == builtIn.id; });
        if (!edited)
            list.append(builtIn);
    }
    std::sort(list.begin(), list.end(), [](const InspectionRule &a, const InspectionRule &b) {
        return QString::localeAwareCompare(a.name, b.name) < 0;
    });
    return list;
}

std::optional<InspectionRule> InspectionService::rule(const QString &id)
{
    if (std::optional<InspectionRule> stored = InspectionRepository(m_store).rule(id))
        return stored;
    for (const InspectionRule &builtIn : StarterRules::all()) {
        if (builtIn.id == id)
            return builtIn;
    }
    return std::nullopt;
}

QHash<QString, InspectionRule> InspectionService::ruleMap()
{
    QHash<QString, InspectionRule> map;
    for (const InspectionRule &rule : rules())
        map.insert(rule.id, rule);
    return map;
}

QList<InspectionTaskSpec> InspectionService::tasks()
{
    return InspectionRepository(m_store).tasks();
}

std::optional<InspectionTaskSpec> InspectionService::task(const QString &id)
{
    return InspectionRepository(m_store).task(id);
}

InspectionService::Outcome InspectionService::saveRule(const InspectionRule &rule, const Operator &who)
{
    // The same checks as a file: a rule saved here can always be exported and imported again.
    QString error;
    std::optional<InspectionRule> checked = InspectionRule::fromJson(rule.toJson(), &error);
    if (!checked)
        return refusal(tr("The rule was not saved: %1.").arg(error));
    checked->builtIn = false;
    const AuditEntry audit = auditEntry(who, QStringLiteral("rule.save"),
                                        {{QStringLiteral("rule"), rule.id}, {QStringLiteral("name"), rule.name}});
    if (!InspectionRepository(m_store).saveRules({*checked}, {audit}))
        return refusal(tr("The rule could not be saved (%1); nothing changed.").arg(m_store.status().problem));
    Q_EMIT rulesChanged();
    // Tasks that use it run the new version from now on.
    for (const InspectionTaskSpec &task : tasks()) {
        if (task.ruleIds.contains(rule.id))
            saveTask(task, who);
    }
    return {true, tr("Saved the rule \"%1\".").arg(rule.name) + memoryNote()};
}

InspectionService::Outcome InspectionService::deleteRule(const QString &id, const Operator &who)
{
    QStringList users;
    for (const InspectionTaskSpec &task : tasks()) {
        if (task.ruleIds.contains(id))
            users.append(task.name);
    }
    if (!users.isEmpty())
        return refusal(
            tr("The rule is used by %1; remove it from those tasks first.").arg(users.join(QStringLiteral(", "))));
    if (!InspectionRepository(m_store).rule(id))
        return refusal(tr("Built-in rules cannot be deleted; they run only where a task uses them."));
    const AuditEntry audit = auditEntry(who, QStringLiteral("rule.delete"), {{QStringLiteral("rule"), id}});
    if (!InspectionRepository(m_store).deleteRule(id, {audit}))
        return refusal(tr("The rule could not be deleted (%1).").arg(m_store.status().problem));
    Q_EMIT rulesChanged();
    return {true, tr("Deleted the rule.")};
}

InspectionService::Outcome InspectionService::saveTask(InspectionTaskSpec task, const Operator &who)
{
    const QHash<QString, InspectionRule> known = ruleMap();
    for (const QString &ruleId : std::as_const(task.ruleIds)) {
        if (!known.contains(ruleId))
            return refusal(tr("The task names the rule \"%1\", which does not exist.").arg(ruleId));
    }
    if (const std::optional<InspectionTaskSpec> old = this->task(task.id))
        task.revision = old->revision + 1;
    QString error;
    if (!InspectionTaskSpec::fromJson(task.toJson(), &error))
        return refusal(tr("The task was not saved: %1.").arg(error));
    // The rules a task runs go with it, so a file of tasks can be imported alone elsewhere.
    const AuditEntry audit = auditEntry(who, QStringLiteral("task.save"),
                                        {{QStringLiteral("task"), task.id},
                                         {QStringLiteral("name"), task.name},
                                         {QStringLiteral("revision"), task.revision}});
    if (!InspectionRepository(m_store).saveTasks({task}, {audit}))
        return refusal(tr("The task could not be saved (%1); nothing changed.").arg(m_store.status().problem));
    Q_EMIT tasksChanged();
    pushTask(task);
    return {true, tr("Saved the task \"%1\"; it goes to %n site(s).", nullptr, int(sitesOf(task).size())).arg(task.name)
                      + memoryNote()};
}

InspectionService::Outcome InspectionService::deleteTask(const QString &id, const Operator &who)
{
    const AuditEntry audit = auditEntry(who, QStringLiteral("task.delete"), {{QStringLiteral("task"), id}});
    if (!InspectionRepository(m_store).deleteTask(id, {audit}))
        return refusal(tr("The task could not be deleted (%1).").arg(m_store.status().problem));
    QStringList pushedTo;
    for (const InspectionPush &push : pushes(id))
        pushedTo.append(push.siteId);
    m_sync->push(id, {}, pushedTo);
    Q_EMIT tasksChanged();
    return {true, tr("Deleted the task; the agents stop running it. Its reports stay.")};
}

InspectionService::Outcome InspectionService::importFile(const QString &path, const Operator &who)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return refusal(tr("%1 cannot be read: %2. Nothing was imported.").arg(path, file.errorString()));
    return importData(file.readAll(), who);
}

InspectionService::Outcome InspectionService::importData(const QByteArray &data, const Operator &who)
{
    QSet<QString> known;
    for (const InspectionRule &rule : rules())
        known.insert(rule.id);
    QString error;
    const std::optional<InspectionFile> file = InspectionFormat::read(data, &error, known);
    if (!file)
        return refusal(
            tr("The file was not imported: %1. Nothing was imported; fix that field and import again.").arg(error));
    QList<InspectionTaskSpec> tasks = file->tasks;
    for (InspectionTaskSpec &task : tasks) {
        if (const std::optional<InspectionTaskSpec> old = this->task(task.id))
            task.revision = std::max(task.revision, old->revision + 1);
    }
    const AuditEntry audit = auditEntry(who, QStringLiteral("import"),
                                        {{QStringLiteral("rules"), int(file->rules.size())},
                                         {QStringLiteral("tasks"), int(tasks.size())}});
    if (!InspectionRepository(m_store).saveFile(file->rules, tasks, {audit}))
        return refusal(tr("The file could not be stored (%1); nothing was imported.").arg(m_store.status().problem));
    Q_EMIT rulesChanged();
    Q_EMIT tasksChanged();
    pushAll();
    return {true, tr("Imported %n rule(s)", nullptr, int(file->rules.size())) + QStringLiteral(", ")
                      + tr("%n task(s).", nullptr, int(tasks.size())) + memoryNote()};
}

InspectionService::Outcome InspectionService::exportFile(const QString &path, const QStringList &ruleIds,
                                                         bool includeBuiltIn)
{
    InspectionFile file;
    for (const InspectionRule &rule : rules()) {
        const bool wanted = ruleIds.isEmpty() ? (includeBuiltIn || !rule.builtIn) : ruleIds.contains(rule.id);
        if (wanted)
            file.rules.append(rule);
    }
    if (ruleIds.isEmpty())
        file.tasks = tasks();
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(InspectionFormat::write(file)) < 0 || !out.commit())
        return refusal(tr("%1 could not be written: %2.").arg(path, out.errorString()));
    return {true, tr("Exported %n rule(s).", nullptr, int(file.rules.size()))};
}

QHash<QString, QList<Component>> InspectionService::components() const
{
    QHash<QString, QList<Component>> map;
    for (const QString &siteId : m_topology.siteIds())
        map.insert(siteId, m_topology.components(siteId));
    return map;
}

QStringList InspectionService::sitesOf(const InspectionTaskSpec &task)
{
    return task.sites(ruleMap(), m_topology.siteIds(), components());
}

QStringList InspectionService::sitesOf(const InspectionTarget &target)
{
    return target.sites(m_topology.siteIds(), components());
}

void InspectionService::pushTask(const InspectionTaskSpec &task)
{
    const QHash<QString, InspectionRule> rules = ruleMap();
    const QHash<QString, QList<Component>> parts = components();
    const QStringList siteIds = m_topology.siteIds();
    QHash<QString, InspectionTask> perSite;
    for (const QString &siteId : task.sites(rules, siteIds, parts))
        perSite.insert(siteId, task.forSite(rules, siteId, siteIds, parts));
    // Where it ran before and runs no more, it is removed.
    QStringList removeFrom;
    for (const InspectionPush &push : pushes(task.id)) {
        // A site whose topology is not known (yet) keeps what it runs: no target can be judged there.
        if (push.revision > 0 && !perSite.contains(push.siteId) && !parts.value(push.siteId).isEmpty())
            removeFrom.append(push.siteId);
    }
    m_sync->push(task.id, perSite, removeFrom);
}

void InspectionService::pushAll()
{
    for (const InspectionTaskSpec &task : tasks())
        pushTask(task);
}

InspectionService::Outcome InspectionService::runNow(const QString &taskId, const Operator &who)
{
    const std::optional<InspectionTaskSpec> found = task(taskId);
    if (!found)
        return refusal(tr("There is no task \"%1\".").arg(taskId));
    const QStringList sites = sitesOf(*found);
    if (sites.isEmpty())
        return refusal(
            tr("No site holds a target of \"%1\"; check its targets and the sites' topology.").arg(found->name));
    m_store.appendAudit(who.user, QStringLiteral("inspection.task.run"),
                        {{QStringLiteral("task"), taskId}, {QStringLiteral("host"), who.host}});
    m_sync->runNow(taskId, sites);
    return {true,
            tr("\"%1\" runs now at %n site(s); its reports arrive as the agents finish.", nullptr, int(sites.size()))
                .arg(found->name)};
}

void InspectionService::testRule(const InspectionRule &rule, const QString &siteId,
                                 std::function<void(std::optional<InspectionCheckResult>, const QString &)> done)
{
    m_sync->test(siteId, rule.checkFor(rule.id, rule.target), std::move(done));
}

void InspectionService::collectNow()
{
    m_sync->collectAll();
}

void InspectionService::agentsFollowed()
{
    m_pushTimer->start();
    collectNow();
}

QList<InspectionRunSummary> InspectionService::runs(const QString &taskId, const QDateTime &from, const QDateTime &to,
                                                    int limit)
{
    return InspectionRepository(m_store).runs(taskId, from, to, limit);
}

QList<InspectionTrendPoint> InspectionService::trend(const QString &taskId, const QDateTime &from, const QDateTime &to,
                                                     qint64 bucketMs)
{
    return InspectionRepository(m_store).trend(taskId, from, to, bucketMs);
}

std::optional<InspectionReport> InspectionService::report(const QString &siteId, const QString &runId)
{
    InspectionRepository repository(m_store);
    const std::optional<InspectionRunSummary> run = repository.run(siteId, runId);
    if (!run)
        return std::nullopt;
    const std::optional<InspectionTaskSpec> spec = repository.task(run->taskId);
    return InspectionReport::build(*run, repository.results(siteId, runId), ruleMap(), repository.risks(run->taskId),
                                   spec ? spec->name : run->taskId, siteName(siteId));
}

QList<InspectionPush> InspectionService::pushes(const QString &taskId)
{
    return InspectionRepository(m_store).pushes(taskId);
}

QList<InspectionRisk> InspectionService::risks(const QString &taskId)
{
    return InspectionRepository(m_store).risks(taskId);
}

InspectionService::Outcome InspectionService::setRiskState(const InspectionRisk &risk, InspectionRiskState state,
                                                           const Operator &who)
{
    const AuditEntry audit = auditEntry(who, QStringLiteral("risk.state"),
                                        {{QStringLiteral("task"), risk.taskId},
                                         {QStringLiteral("site"), risk.siteId},
                                         {QStringLiteral("check"), risk.checkId},
                                         {QStringLiteral("state"), state == InspectionRiskState::Handled
                                                                       ? QStringLiteral("handled")
                                                                       : QStringLiteral("todo")}});
    if (!InspectionRepository(m_store).setRiskState(risk.taskId, risk.siteId, risk.checkId, state, who.user, {audit}))
        return refusal(tr("The risk's state could not be changed (%1).").arg(m_store.status().problem));
    Q_EMIT reportsChanged();
    return {true, {}};
}

QHash<QString, QHash<QString, int>> InspectionService::failingByLayer()
{
    InspectionRepository repository(m_store);
    QHash<QString, QHash<QString, int>> failing;
    QSet<QString> seen; // "task/site": only the newest run of each counts
    for (const InspectionRunSummary &run : repository.runs({}, QDateTime::currentDateTimeUtc().addDays(-2))) {
        const QString key = run.taskId + QLatin1Char('/') + run.siteId;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        if (run.failed() == 0)
            continue;
        for (const InspectionCheckResult &result : repository.results(run.siteId, run.runId)) {
            if (result.status == InspectionStatus::Ok)
                continue;
            const QString kind = result.target.section(QLatin1Char(':'), 0, 0);
            const QString id = result.target.section(QLatin1Char(':'), 1);
            QString layer = QStringLiteral("site");
            if (kind == toString(InspectionTargetKind::Layer)) {
                layer = id;
            } else if (kind == toString(InspectionTargetKind::Component)
                       || kind == toString(InspectionTargetKind::Host)) {
                for (const Component &component : m_topology.components(run.siteId)) {
                    if (component.id == id || component.host == id) {
                        layer = toString(component.layer);
                        break;
                    }
                }
            }
            ++failing[run.siteId][layer];
        }
    }
    return failing;
}

void InspectionService::notify(const QList<InspectionRunSummary> &added)
{
    if (!m_notifier)
        return;
    QHash<QString, InspectionTaskSpec> specs;
    for (const InspectionTaskSpec &task : tasks())
        specs.insert(task.id, task);
    // A console that was closed collects old runs too: those are history, not news for the chat.
    const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const InspectionRunSummary &run : added) {
        if (run.finished < recent)
            continue;
        const InspectionTaskSpec spec = specs.value(run.taskId);
        if (spec.notify.isEmpty())
            continue;
        const std::optional<InspectionReport> built = report(run.siteId, run.runId);
        if (built)
            m_notifier->enqueue(spec.notify, built->title(), built->digest());
    }
}

} // namespace Haven
