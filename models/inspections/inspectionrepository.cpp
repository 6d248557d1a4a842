// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionrepository.h"

#include "models/store/storedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <sqlite3.h>

#include <limits>

namespace Haven {

namespace {

QString riskStateName(InspectionRiskState state)
{
    return state == InspectionRiskState::Handled ? QStringLiteral("handled") : QStringLiteral("todo");
}

QDateTime timeOf(const SqliteStatement &statement, int column)
{
    return statement.isNull(column) ? QDateTime() : QDateTime::fromMSecsSinceEpoch(statement.integer(column));
}

qint64 msOf(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

const QByteArray RunColumns = "site_id, run_id, task_id, task_revision, seq, trigger, started_ms, finished_ms, checks, "
                              "ok, warning, critical, unknown, hard_problems, flapping, targets";

InspectionRunSummary readRun(const SqliteStatement &select)
{
    InspectionRunSummary run;
    run.siteId = select.text(0);
    run.runId = select.text(1);
    run.taskId = select.text(2);
    run.taskRevision = select.integer(3);
    run.sequence = quint64(select.integer(4));
    run.trigger = inspectionTriggerFromString(select.text(5)).value_or(InspectionTrigger::Schedule);
    run.started = timeOf(select, 6);
    run.finished = timeOf(select, 7);
    run.checks = int(select.integer(8));
    run.ok = int(select.integer(9));
    run.warning = int(select.integer(10));
    run.critical = int(select.integer(11));
    run.unknown = int(select.integer(12));
    run.hardProblems = int(select.integer(13));
    run.flapping = int(select.integer(14));
    run.targets = select.text(15).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return run;
}

} // namespace

InspectionStatus InspectionRunSummary::worst() const
{
    if (critical > 0)
        return InspectionStatus::Critical;
    if (warning > 0)
        return InspectionStatus::Warning;
    if (unknown > 0)
        return InspectionStatus::Unknown;
    return InspectionStatus::Ok;
}

InspectionRunSummary InspectionRunSummary::of(const QString &siteId, const InspectionRunRecord &record)
{
    InspectionRunSummary run;
    run.siteId = siteId;
    run.runId = record.runId;
    run.taskId = record.taskId;
    run.taskRevision = record.taskRevision;
    run.sequence = record.sequence;
    run.trigger = record.trigger;
    run.started = record.started;
    run.finished = record.finished;
    for (const InspectionCheckResult &result : record.results) {
        ++run.checks;
        switch (result.status) {
        case InspectionStatus::Ok:
            ++run.ok;
            break;
        case InspectionStatus::Warning:
            ++run.warning;
            break;
        case InspectionStatus::Critical:
            ++run.critical;
            break;
        case InspectionStatus::Unknown:
            ++run.unknown;
            break;
        }
        if (result.hardState == InspectionHardState::HardProblem)
            ++run.hardProblems;
        if (result.flapping)
            ++run.flapping;
        if (!result.target.isEmpty() && !run.targets.contains(result.target))
            run.targets.append(result.target);
    }
    return run;
}

FeatureSchema InspectionRepository::schema()
{
    return {QStringLiteral("inspections"), {R"(CREATE TABLE inspection_rules (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    document TEXT NOT NULL,
                    built_in INTEGER NOT NULL DEFAULT 0,
                    updated_ms INTEGER NOT NULL);
                CREATE TABLE inspection_tasks (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    document TEXT NOT NULL,
                    updated_ms INTEGER NOT NULL);
                CREATE TABLE inspection_runs (
                    site_id TEXT NOT NULL,
                    run_id TEXT NOT NULL,
                    task_id TEXT NOT NULL,
                    task_revision INTEGER NOT NULL,
                    seq INTEGER NOT NULL,
                    trigger TEXT NOT NULL,
                    started_ms INTEGER NOT NULL,
                    finished_ms INTEGER,
                    checks INTEGER NOT NULL,
                    ok INTEGER NOT NULL,
                    warning INTEGER NOT NULL,
                    critical INTEGER NOT NULL,
                    unknown INTEGER NOT NULL,
                    hard_problems INTEGER NOT NULL,
                    flapping INTEGER NOT NULL,
                    targets TEXT NOT NULL,
                    PRIMARY KEY (site_id, run_id)) WITHOUT ROWID;
                CREATE INDEX inspection_runs_by_task ON inspection_runs (task_id, started_ms);
                CREATE INDEX inspection_runs_by_time ON inspection_runs (started_ms);
                CREATE TABLE inspection_results (
                    site_id TEXT NOT NULL,
                    run_id TEXT NOT NULL,
                    results BLOB NOT NULL,
                    PRIMARY KEY (site_id, run_id)) WITHOUT ROWID;
                CREATE TABLE inspection_cursors (
                    site_id TEXT PRIMARY KEY,
                    seq INTEGER NOT NULL);
                CREATE TABLE inspection_risks (
                    task_id TEXT NOT NULL,
                    site_id TEXT NOT NULL,
                    check_id TEXT NOT NULL,
                    target TEXT NOT NULL,
                    status TEXT NOT NULL,
                    state TEXT NOT NULL,
                    cleared INTEGER NOT NULL DEFAULT 0,
                    first_ms INTEGER NOT NULL,
                    last_ms INTEGER NOT NULL,
                    handled_by TEXT NOT NULL DEFAULT '',
                    handled_ms INTEGER,
                    PRIMARY KEY (task_id, site_id, check_id)) WITHOUT ROWID;
                CREATE TABLE inspection_pushes (
                    task_id TEXT NOT NULL,
                    site_id TEXT NOT NULL,
                    revision INTEGER NOT NULL,
                    time_ms INTEGER NOT NULL,
                    error TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (task_id, site_id)) WITHOUT ROWID;)"}};
}

InspectionRepository::InspectionRepository(LocalStore &store)
    : m_store(store)
{ }

bool InspectionRepository::insertAudit(const QList<AuditEntry> &audit)
{
    for (const AuditEntry &entry : audit) {
        if (!m_store.insertAudit(entry))
            return false;
    }
    return true;
}

QList<InspectionRule> InspectionRepository::rules()
{
    QList<InspectionRule> list;
    SqliteStatement select(m_store.database(), "SELECT id, document, built_in FROM inspection_rules ORDER BY name, id");
    while (select.next()) {
        const std::optional<QJsonObject> json = StoredJson::object(select.blob(1));
        QString error;
        std::optional<InspectionRule> rule = json ? InspectionRule::fromJson(*json, &error) : std::nullopt;
        if (!rule) {
            qCWarning(lcStore) << "the stored inspection rule" << select.text(0) << "cannot be read:" << error;
            continue;
        }
        rule->builtIn = select.integer(2) != 0;
        list.append(*rule);
    }
    return list;
}

std::optional<InspectionRule> InspectionRepository::rule(const QString &id)
{
    SqliteStatement select(m_store.database(), "SELECT document, built_in FROM inspection_rules WHERE id = ?");
    select.bind(1, id);
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = StoredJson::object(select.blob(0));
    QString error;
    std::optional<InspectionRule> rule = json ? InspectionRule::fromJson(*json, &error) : std::nullopt;
    if (rule)
        rule->builtIn = select.integer(1) != 0;
    return rule;
}

bool InspectionRepository::saveRules(const QList<InspectionRule> &rules, const QList<AuditEntry> &audit)
{
    return saveFile(rules, {}, audit);
}

bool InspectionRepository::deleteRule(const QString &id, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM inspection_rules WHERE id = ?");
        return remove.bind(1, id).run() && insertAudit(audit);
    });
}

QList<InspectionTaskSpec> InspectionRepository::tasks()
{
    QList<InspectionTaskSpec> list;
    SqliteStatement select(m_store.database(), "SELECT id, document FROM inspection_tasks ORDER BY name, id");
    while (select.next()) {
        const std::optional<QJsonObject> json = StoredJson::object(select.blob(1));
        QString error;
        std::optional<InspectionTaskSpec> task = json ? InspectionTaskSpec::fromJson(*json, &error) : std::nullopt;
        if (!task) {
            qCWarning(lcStore) << "the stored inspection task" << select.text(0) << "cannot be read:" << error;
            continue;
        }
        list.append(*task);
    }
    return list;
}

std::optional<InspectionTaskSpec> InspectionRepository::task(const QString &id)
{
    SqliteStatement select(m_store.database(), "SELECT document FROM inspection_tasks WHERE id = ?");
    select.bind(1, id);
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = StoredJson::object(select.blob(0));
    QString error;
    return json ? InspectionTaskSpec::fromJson(*json, &error) : std::nullopt;
}

bool InspectionRepository::saveTasks(const QList<InspectionTaskSpec> &tasks, const QList<AuditEntry> &audit)
{
    return saveFile({}, tasks, audit);
}

bool InspectionRepository::deleteTask(const QString &id, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM inspection_tasks WHERE id = ?");
        return remove.bind(1, id).run() && insertAudit(audit);
    });
}

bool InspectionRepository::saveFile(const QList<InspectionRule> &rules, const QList<InspectionTaskSpec> &tasks,
                                    const QList<AuditEntry> &audit)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return m_store.write([&] {
        for (const InspectionRule &rule : rules) {
            SqliteStatement upsert(m_store.database(),
                                   "INSERT OR REPLACE INTO inspection_rules (id, name, document, built_in, updated_ms) "
                                   "VALUES (?, ?, ?, ?, ?)");
            if (!upsert.bind(1, rule.id)
                     .bind(2, rule.name)
                     .bind(3, StoredJson::compact(rule.toJson()))
                     .bind(4, qint64(rule.builtIn ? 1 : 0))
                     .bind(5, now)
                     .run())
                return false;
        }
        for (const InspectionTaskSpec &task : tasks) {
            SqliteStatement upsert(m_store.database(),
                                   "INSERT OR REPLACE INTO inspection_tasks (id, name, revision, document, updated_ms) "
                                   "VALUES (?, ?, ?, ?, ?)");
            if (!upsert.bind(1, task.id)
                     .bind(2, task.name)
                     .bind(3, task.revision)
                     .bind(4, StoredJson::compact(task.toJson()))
                     .bind(5, now)
                     .run())
                return false;
        }
        return insertAudit(audit);
    });
}

quint64 InspectionRepository::cursor(const QString &siteId)
{
    SqliteStatement select(m_store.database(), "SELECT seq FROM inspection_cursors WHERE site_id = ?");
    select.bind(1, siteId);
    return select.next() ? quint64(select.integer(0)) : 0;
}

bool InspectionRepository::writeRun(const QString &siteId, const InspectionRunRecord &record, bool *isNew)
{
    SqliteStatement exists(m_store.database(), "SELECT 1 FROM inspection_runs WHERE site_id = ? AND run_id = ?");
    exists.bind(1, siteId).bind(2, record.runId);
    *isNew = !exists.next();
    if (!*isNew)
        return true; // a finished run never changes at the agent: collected twice, kept once
    const InspectionRunSummary run = InspectionRunSummary::of(siteId, record);
    SqliteStatement upsert(m_store.database(), "INSERT OR REPLACE INTO inspection_runs (" + RunColumns
                                                   + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    upsert.bind(1, siteId)
        .bind(2, run.runId)
        .bind(3, run.taskId)
        .bind(4, run.taskRevision)
        .bind(5, qint64(run.sequence))
        .bind(6, toString(run.trigger))
        .bind(7, msOf(run.started));
    if (run.finished.isValid())
        upsert.bind(8, msOf(run.finished));
    else
        upsert.bindNull(8);
    upsert.bind(9, qint64(run.checks))
        .bind(10, qint64(run.ok))
        .bind(11, qint64(run.warning))
        .bind(12, qint64(run.critical))
        .bind(13, qint64(run.unknown))
        .bind(14, qint64(run.hardProblems))
        .bind(15, qint64(run.flapping))
        .bind(16, run.targets.join(QLatin1Char('\n')));
    if (!upsert.run())
        return false;
    QJsonArray results;
    for (const InspectionCheckResult &result : record.results)
        results.append(result.toJson());
    SqliteStatement blob(m_store.database(),
                         "INSERT OR REPLACE INTO inspection_results (site_id, run_id, results) VALUES (?, ?, ?)");
    return blob.bind(1, siteId)
        .bind(2, run.runId)
        .bind(3, qCompress(QJsonDocument(results).toJson(QJsonDocument::Compact)))
        .run();
}

bool InspectionRepository::updateRisks(const QString &siteId, const InspectionRunRecord &run)
{
    const qint64 when = msOf(run.finished.isValid() ? run.finished : run.started);
    for (const InspectionCheckResult &result : run.results) {
        if (result.hardState == InspectionHardState::HardProblem) {
            // A new risk, or one that had cleared, is to do (again); one still open only ages.
            SqliteStatement upsert(m_store.database(),
                                   "INSERT INTO inspection_risks (task_id, site_id, check_id, target, status, state, "
                                   "cleared, first_ms, last_ms) VALUES (?, ?, ?, ?, ?, 'todo', 0, ?, ?) "
                                   "ON CONFLICT (task_id, site_id, check_id) DO UPDATE SET target = excluded.target, "
                                   "status = excluded.status, last_ms = excluded.last_ms, "
                                   "state = CASE WHEN cleared THEN 'todo' ELSE state END, "
                                   "first_ms = CASE WHEN cleared THEN excluded.first_ms ELSE first_ms END, "
                                   "cleared = 0");
            if (!upsert.bind(1, run.taskId)
                     .bind(2, siteId)
                     .bind(3, result.checkId)
                     .bind(4, result.target)
                     .bind(5, toString(result.status))
                     .bind(6, when)
                     .bind(7, when)
                     .run())
                return false;
        } else if (result.hardState == InspectionHardState::Ok) {
            SqliteStatement clear(m_store.database(), "UPDATE inspection_risks SET cleared = 1 WHERE task_id = ? AND "
                                                      "site_id = ? AND check_id = ?");
            if (!clear.bind(1, run.taskId).bind(2, siteId).bind(3, result.checkId).run())
                return false;
        }
    }
    return true;
}

std::optional<QList<InspectionRunSummary>> InspectionRepository::recordRuns(const QString &siteId,
                                                                            const QList<InspectionRunRecord> &runs,
                                                                            quint64 cursor)
{
    QList<InspectionRunSummary> added;
    const bool ok = m_store.write([&] {
        for (const InspectionRunRecord &run : runs) {
            if (!run.finished.isValid())
                continue; // still running: collected again once it is finished
            bool isNew = false;
            if (!writeRun(siteId, run, &isNew) || (isNew && !updateRisks(siteId, run)))
                return false;
            if (isNew)
                added.append(InspectionRunSummary::of(siteId, run));
        }
        SqliteStatement move(m_store.database(),
                             "INSERT OR REPLACE INTO inspection_cursors (site_id, seq) VALUES (?, ?)");
        return move.bind(1, siteId).bind(2, qint64(cursor)).run();
    });
    if (!ok)
        return std::nullopt;
    return added;
}

QList<InspectionRunSummary> InspectionRepository::runs(const QString &taskId, const QDateTime &from,
                                                       const QDateTime &to, int limit)
{
    QByteArray sql = "SELECT " + RunColumns + " FROM inspection_runs WHERE started_ms >= ? AND started_ms <= ?";
    if (!taskId.isEmpty())
        sql += " AND task_id = ?";
    sql += " ORDER BY started_ms DESC, site_id";
    if (limit > 0)
        sql += " LIMIT " + QByteArray::number(limit);
    SqliteStatement select(m_store.database(), sql);
    select.bind(1, from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min())
        .bind(2, to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    if (!taskId.isEmpty())
        select.bind(3, taskId);
    QList<InspectionRunSummary> list;
    while (select.next())
        list.append(readRun(select));
    return list;
}

std::optional<InspectionRunSummary> InspectionRepository::run(const QString &siteId, const QString &runId)
{
    SqliteStatement select(m_store.database(),
                           "SELECT " + RunColumns + " FROM inspection_runs WHERE site_id = ? AND run_id = ?");
    select.bind(1, siteId).bind(2, runId);
    if (!select.next())
        return std::nullopt;
    return readRun(select);
}

QList<InspectionTrendPoint> InspectionRepository::trend(const QString &taskId, const QDateTime &from,
                                                        const QDateTime &to, qint64 bucketMs)
{
    const qint64 start = from.toMSecsSinceEpoch();
    const qint64 bucket = std::max<qint64>(bucketMs, 1000);
    SqliteStatement
        select(m_store.database(),
               "SELECT site_id, (started_ms - ?1) / ?2, SUM(ok), SUM(checks), COUNT(*) FROM inspection_runs "
               "WHERE task_id = ?3 AND started_ms >= ?1 AND started_ms <= ?4 GROUP BY site_id, 2 "
               "ORDER BY 2, site_id");
    select.bind(1, start).bind(2, bucket).bind(3, taskId).bind(4, to.toMSecsSinceEpoch());
    QList<InspectionTrendPoint> points;
    while (select.next()) {
        const qint64 checks = select.integer(3);
        points.append({select.text(0), QDateTime::fromMSecsSinceEpoch(start + select.integer(1) * bucket, Qt::UTC),
                       checks > 0 ? double(select.integer(2)) / double(checks) : 1.0, int(select.integer(4))});
    }
    return points;
}

QList<InspectionCheckResult> InspectionRepository::results(const QString &siteId, const QString &runId)
{
    SqliteStatement select(m_store.database(),
                           "SELECT results FROM inspection_results WHERE site_id = ? AND run_id = ?");
    select.bind(1, siteId).bind(2, runId);
    QList<InspectionCheckResult> list;
    if (!select.next())
        return list;
    const QJsonArray array = QJsonDocument::fromJson(qUncompress(select.blob(0))).array();
    for (const QJsonValue &value : array) {
        QString error;
        if (const std::optional<InspectionCheckResult> result = InspectionCheckResult::fromJson(value.toObject(),
                                                                                                &error))
            list.append(*result);
    }
    return list;
}

int InspectionRepository::pruneResults(const QDateTime &before)
{
    int removed = 0;
    m_store.write([&] {
        SqliteStatement prune(m_store.database(),
                              "DELETE FROM inspection_results WHERE (site_id, run_id) IN (SELECT site_id, run_id FROM "
                              "inspection_runs WHERE started_ms < ?)");
        if (!prune.bind(1, before.toMSecsSinceEpoch()).run())
            return false;
        removed = int(sqlite3_changes(m_store.database().handle()));
        return true;
    });
    return removed;
}

QList<InspectionRisk> InspectionRepository::risks(const QString &taskId)
{
    QByteArray sql = "SELECT task_id, site_id, check_id, target, status, state, cleared, first_ms, last_ms, "
                     "handled_by, handled_ms FROM inspection_risks";
    if (!taskId.isEmpty())
        sql += " WHERE task_id = ?";
    sql += " ORDER BY last_ms DESC";
    SqliteStatement select(m_store.database(), sql);
    if (!taskId.isEmpty())
        select.bind(1, taskId);
    QList<InspectionRisk> list;
    while (select.next()) {
        InspectionRisk risk;
        risk.taskId = select.text(0);
        risk.siteId = select.text(1);
        risk.checkId = select.text(2);
        risk.target = select.text(3);
        risk.status = inspectionStatusFromString(select.text(4)).value_or(InspectionStatus::Unknown);
        risk.state = select.text(5) == QLatin1String("handled") ? InspectionRiskState::Handled
                                                                : InspectionRiskState::ToDo;
        risk.cleared = select.integer(6) != 0;
        risk.firstSeen = timeOf(select, 7);
        risk.lastSeen = timeOf(select, 8);
        risk.handledBy = select.text(9);
        risk.handled = timeOf(select, 10);
        list.append(risk);
    }
    return list;
}

bool InspectionRepository::setRiskState(const QString &taskId, const QString &siteId, const QString &checkId,
                                        InspectionRiskState state, const QString &user, const QList<AuditEntry> &audit)
{
    bool found = false;
    const bool ok = m_store.write([&] {
        SqliteStatement update(m_store.database(),
                               "UPDATE inspection_risks SET state = ?, handled_by = ?, handled_ms = ? "
                               "WHERE task_id = ? AND site_id = ? AND check_id = ?");
        update.bind(1, riskStateName(state)).bind(2, state == InspectionRiskState::Handled ? user : QString());
        if (state == InspectionRiskState::Handled)
            update.bind(3, QDateTime::currentMSecsSinceEpoch());
        else
            update.bindNull(3);
        if (!update.bind(4, taskId).bind(5, siteId).bind(6, checkId).run())
            return false;
        found = sqlite3_changes(m_store.database().handle()) > 0;
        return found && insertAudit(audit);
    });
    return ok && found;
}

bool InspectionRepository::recordPush(const InspectionPush &push)
{
    return m_store.write([&] {
        SqliteStatement upsert(m_store.database(), "INSERT OR REPLACE INTO inspection_pushes (task_id, site_id, "
                                                   "revision, time_ms, error) VALUES (?, ?, ?, ?, ?)");
        return upsert.bind(1, push.taskId)
            .bind(2, push.siteId)
            .bind(3, push.revision)
            .bind(4, msOf(push.time))
            .bind(5, push.error)
            .run();
    });
}

QList<InspectionPush> InspectionRepository::pushes(const QString &taskId)
{
    QByteArray sql = "SELECT task_id, site_id, revision, time_ms, error FROM inspection_pushes";
    if (!taskId.isEmpty())
        sql += " WHERE task_id = ?";
    sql += " ORDER BY task_id, site_id";
    SqliteStatement select(m_store.database(), sql);
    if (!taskId.isEmpty())
        select.bind(1, taskId);
    QList<InspectionPush> list;
    while (select.next())
        list.append({select.text(0), select.text(1), select.integer(2), timeOf(select, 3), select.text(4)});
    return list;
}

} // namespace Haven
