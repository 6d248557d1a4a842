// SPDX-License-Identifier: GPL-3.0-or-later
#include "drillrepository.h"

#include "drillformat.h"
#include "models/store/storedjson.h"

#include <QDateTime>

namespace Haven {

QString KillSwitch::scopeName(Scope scope)
{
    switch (scope) {
    case Scope::Global:
        return QStringLiteral("global");
    case Scope::Site:
        return QStringLiteral("site");
    case Scope::ProductGroup:
        return QStringLiteral("productGroup");
    }
    return {};
}

std::optional<KillSwitch::Scope> KillSwitch::scopeFromName(QStringView name)
{
    for (Scope scope : {Scope::Global, Scope::Site, Scope::ProductGroup}) {
        if (name == scopeName(scope))
            return scope;
    }
    return std::nullopt;
}

FeatureSchema DrillRepository::schema()
{
    return {QStringLiteral("drills"), {R"(CREATE TABLE drills (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    document TEXT NOT NULL,
                    updated_ms INTEGER NOT NULL);
                CREATE TABLE drill_runs (
                    id TEXT PRIMARY KEY,
                    drill_id TEXT NOT NULL,
                    plan_id TEXT NOT NULL DEFAULT '',
                    state TEXT NOT NULL,
                    started_ms INTEGER NOT NULL,
                    first_fault_ms INTEGER NOT NULL DEFAULT 0,
                    document TEXT NOT NULL);
                CREATE INDEX drill_runs_by_drill ON drill_runs (drill_id, started_ms);
                CREATE TABLE drill_events (
                    run_id TEXT NOT NULL,
                    seq INTEGER NOT NULL,
                    time_ms INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    text TEXT NOT NULL,
                    user TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (run_id, seq)) WITHOUT ROWID;
                CREATE TABLE drill_kill_switches (
                    scope TEXT NOT NULL,
                    key TEXT NOT NULL,
                    engaged_by TEXT NOT NULL,
                    engaged_ms INTEGER NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (scope, key)) WITHOUT ROWID;)"}};
}

DrillRepository::DrillRepository(LocalStore &store)
    : m_store(store)
{ }

bool DrillRepository::insertAudit(const QList<AuditEntry> &audit)
{
    for (const AuditEntry &entry : audit) {
        if (!m_store.insertAudit(entry))
            return false;
    }
    return true;
}

bool DrillRepository::saveDrill(const Drill &drill, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement upsert(m_store.database(), "INSERT INTO drills (id, name, document, updated_ms) VALUES (?, ?, "
                                                   "?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, "
                                                   "document = excluded.document, updated_ms = excluded.updated_ms");
        return upsert.bind(1, drill.id)
                   .bind(2, drill.name)
                   .bind(3, StoredJson::compact(DrillFormat::toJson(drill)))
                   .bind(4, QDateTime::currentMSecsSinceEpoch())
                   .run()
               && insertAudit(audit);
    });
}

bool DrillRepository::deleteDrill(const QString &drillId, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM drills WHERE id = ?");
        return remove.bind(1, drillId).run() && insertAudit(audit);
    });
}

std::optional<Drill> DrillRepository::loadDrill(const QString &drillId)
{
    SqliteStatement select(m_store.database(), "SELECT document FROM drills WHERE id = ?");
    select.bind(1, drillId);
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = StoredJson::object(select.blob(0));
    QString error;
    std::optional<Drill> drill = json ? DrillFormat::fromJson(*json, &error) : std::nullopt;
    if (!drill) {
        qCWarning(lcStore) << "the stored drill" << drillId << "cannot be read:" << error;
        return std::nullopt;
    }
    drill->id = drillId;
    return drill;
}

QList<Drill> DrillRepository::listDrills()
{
    QStringList ids;
    SqliteStatement select(m_store.database(), "SELECT id FROM drills ORDER BY name COLLATE NOCASE");
    while (select.next())
        ids.append(select.text(0));
    QList<Drill> drills;
    for (const QString &id : std::as_const(ids)) {
        if (std::optional<Drill> drill = loadDrill(id))
            drills.append(*drill);
    }
    return drills;
}

bool DrillRepository::saveRun(const DrillRunRecord &run, const QList<DrillEvent> &newEvents,
                              const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement
            upsert(m_store.database(),
                   "INSERT INTO drill_runs (id, drill_id, plan_id, state, started_ms, first_fault_ms, "
                   "document) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = "
                   "excluded.state, first_fault_ms = excluded.first_fault_ms, document = excluded.document");
        if (!upsert.bind(1, run.id)
                 .bind(2, run.drill.id)
                 .bind(3, run.drill.plan.planId)
                 .bind(4, toString(run.state))
                 .bind(5, run.startedMs)
                 .bind(6, run.firstFaultMs)
                 .bind(7, StoredJson::compact(run.toJson()))
                 .run())
            return false;
        SqliteStatement count(m_store.database(), "SELECT COUNT(*) FROM drill_events WHERE run_id = ?");
        count.bind(1, run.id);
        qint64 seq = count.next() ? count.integer(0) : 0;
        for (const DrillEvent &event : newEvents) {
            SqliteStatement insert(m_store.database(), "INSERT INTO drill_events (run_id, seq, time_ms, kind, text, "
                                                       "user) VALUES (?, ?, ?, ?, ?, ?)");
            if (!insert.bind(1, run.id)
                     .bind(2, ++seq)
                     .bind(3, event.timeMs)
                     .bind(4, event.kind)
                     .bind(5, event.text)
                     .bind(6, event.user)
                     .run())
                return false;
        }
        return insertAudit(audit);
    });
}

QList<DrillEvent> DrillRepository::readEvents(const QString &runId)
{
    QList<DrillEvent> events;
    SqliteStatement select(m_store.database(),
                           "SELECT time_ms, kind, text, user FROM drill_events WHERE run_id = ? ORDER BY seq");
    select.bind(1, runId);
    while (select.next())
        events.append({select.integer(0), select.text(1), select.text(2), select.text(3)});
    return events;
}

QList<DrillRunRecord> DrillRepository::readRuns(const QByteArray &sql, const QString &bound)
{
    QList<DrillRunRecord> runs;
    SqliteStatement select(m_store.database(), sql);
    if (!bound.isNull())
        select.bind(1, bound);
    while (select.next()) {
        const std::optional<QJsonObject> json = StoredJson::object(select.blob(0));
        QString error;
        if (std::optional<DrillRunRecord> run = json ? DrillRunRecord::fromJson(*json, &error) : std::nullopt)
            runs.append(*run);
        else
            qCWarning(lcStore) << "a stored drill run cannot be read:" << error;
    }
    return runs;
}

std::optional<DrillRunRecord> DrillRepository::loadRun(const QString &runId)
{
    QList<DrillRunRecord> runs = readRuns("SELECT document FROM drill_runs WHERE id = ?", runId);
    if (runs.isEmpty())
        return std::nullopt;
    runs.first().events = readEvents(runId);
    return runs.first();
}

QList<DrillRunRecord> DrillRepository::listRuns(const QString &drillId)
{
    if (drillId.isEmpty())
        return readRuns("SELECT document FROM drill_runs ORDER BY started_ms DESC", QString());
    return readRuns("SELECT document FROM drill_runs WHERE drill_id = ? ORDER BY started_ms DESC", drillId);
}

QList<DrillRunRecord> DrillRepository::unfinishedRuns()
{
    QList<DrillRunRecord> runs
        = readRuns("SELECT document FROM drill_runs WHERE state IN ('running', 'halting') ORDER BY started_ms",
                   QString());
    for (DrillRunRecord &run : runs)
        run.events = readEvents(run.id);
    return runs;
}

QHash<QString, qint64> DrillRepository::lastDrilledPlans()
{
    QHash<QString, qint64> last;
    SqliteStatement select(m_store.database(), "SELECT plan_id, MAX(first_fault_ms) FROM drill_runs WHERE plan_id "
                                               "<> '' AND first_fault_ms > 0 GROUP BY plan_id");
    while (select.next())
        last.insert(select.text(0), select.integer(1));
    return last;
}

bool DrillRepository::saveKillSwitch(const KillSwitch &killSwitch, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement upsert(m_store.database(), "INSERT OR REPLACE INTO drill_kill_switches (scope, key, "
                                                   "engaged_by, engaged_ms, reason) VALUES (?, ?, ?, ?, ?)");
        return upsert.bind(1, KillSwitch::scopeName(killSwitch.scope))
                   .bind(2, killSwitch.key)
                   .bind(3, killSwitch.engagedBy)
                   .bind(4, killSwitch.engagedMs)
                   .bind(5, killSwitch.reason)
                   .run()
               && insertAudit(audit);
    });
}

bool DrillRepository::deleteKillSwitch(KillSwitch::Scope scope, const QString &key, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement remove(m_store.database(), "DELETE FROM drill_kill_switches WHERE scope = ? AND key = ?");
        return remove.bind(1, KillSwitch::scopeName(scope)).bind(2, key).run() && insertAudit(audit);
    });
}

QList<KillSwitch> DrillRepository::killSwitches()
{
    QList<KillSwitch> list;
    SqliteStatement select(m_store.database(), "SELECT scope, key, engaged_by, engaged_ms, reason FROM "
                                               "drill_kill_switches ORDER BY engaged_ms");
    while (select.next()) {
        const std::optional<KillSwitch::Scope> scope = KillSwitch::scopeFromName(select.text(0));
        if (scope)
            list.append({*scope, select.text(1), select.text(2), select.integer(3), select.text(4)});
    }
    return list;
}

} // namespace Haven
