// SPDX-License-Identifier: GPL-3.0-or-later
#include "planrepository.h"

#include "models/plans/planformat.h"
#include "models/store/storedjson.h"

namespace Haven {

FeatureSchema PlanRepository::schema()
{
    // Version 1 is the tables as they were before the features had their own schemas: IF NOT
    // EXISTS lets a database from then adopt them unchanged.
    return {QStringLiteral("plans"), {R"(CREATE TABLE IF NOT EXISTS plans (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    state TEXT NOT NULL,
                    version INTEGER NOT NULL DEFAULT 1,
                    document TEXT NOT NULL,
                    updated_ms INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS plan_versions (
                    plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
                    version INTEGER NOT NULL,
                    document TEXT NOT NULL,
                    author TEXT NOT NULL DEFAULT '',
                    created_ms INTEGER NOT NULL,
                    PRIMARY KEY (plan_id, version)) WITHOUT ROWID;)"}};
}

PlanRepository::PlanRepository(LocalStore &store)
    : m_store(store)
{ }

bool PlanRepository::savePlan(const PlanData &plan, int version, const QList<AuditEntry> &audit)
{
    return m_store.write([&] { return upsertPlan(plan, version) && insertAudit(audit); });
}

bool PlanRepository::savePlanWithVersion(const PlanData &plan, const PlanVersion &version,
                                         const QList<AuditEntry> &audit)
{
    // The working copy first: a version belongs to a plan row.
    return m_store.write([&] {
        return upsertPlan(plan, version.number) && insertVersion(plan.metadata.id, version) && insertAudit(audit);
    });
}

bool PlanRepository::savePlanVersion(const QString &planId, const PlanVersion &version)
{
    return m_store.write([&] { return insertVersion(planId, version); });
}

bool PlanRepository::deletePlan(const QString &planId, const QList<AuditEntry> &audit)
{
    return m_store.write([&] {
        SqliteStatement versions(m_store.database(), "DELETE FROM plan_versions WHERE plan_id = ?");
        SqliteStatement plan(m_store.database(), "DELETE FROM plans WHERE id = ?");
        return versions.bind(1, planId).run() && plan.bind(1, planId).run() && insertAudit(audit);
    });
}

bool PlanRepository::upsertPlan(const PlanData &plan, int version)
{
    SqliteStatement upsert(m_store.database(), "INSERT INTO plans (id, name, kind, state, version, document, "
                                               "updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                                               "name = excluded.name, kind = excluded.kind, state = excluded.state, "
                                               "version = excluded.version, document = excluded.document, "
                                               "updated_ms = excluded.updated_ms");
    return upsert.bind(1, plan.metadata.id)
        .bind(2, plan.metadata.name)
        .bind(3, toString(plan.metadata.kind))
        .bind(4, toString(plan.metadata.state))
        .bind(5, qint64(version))
        .bind(6, StoredJson::compact(PlanFormat::toJson(plan)))
        .bind(7, QDateTime::currentMSecsSinceEpoch())
        .run();
}

bool PlanRepository::insertVersion(const QString &planId, const PlanVersion &version)
{
    const QByteArray document = StoredJson::compact(
        QJsonObject{{QStringLiteral("comment"), version.comment}, {QStringLiteral("snapshot"), version.snapshot}});
    SqliteStatement insert(m_store.database(), "INSERT INTO plan_versions (plan_id, version, document, author, "
                                               "created_ms) VALUES (?, ?, ?, ?, ?)");
    return insert.bind(1, planId)
        .bind(2, qint64(version.number))
        .bind(3, document)
        .bind(4, version.author)
        .bind(5, version.time.toMSecsSinceEpoch())
        .run();
}

bool PlanRepository::insertAudit(const QList<AuditEntry> &audit)
{
    for (const AuditEntry &entry : audit) {
        if (!m_store.insertAudit(entry))
            return false;
    }
    return true;
}

std::optional<PlanData> PlanRepository::loadPlan(const QString &planId)
{
    SqliteStatement select(m_store.database(), "SELECT state, document FROM plans WHERE id = ?");
    select.bind(1, planId);
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = StoredJson::object(select.blob(1));
    QString error;
    std::optional<PlanData> plan = json ? PlanFormat::fromJson(*json, &error) : std::nullopt;
    if (!plan) {
        qCWarning(lcStore) << "the cached plan" << planId
                           << "cannot be read:" << (json ? error : QStringLiteral("not JSON"));
        return std::nullopt;
    }
    plan->metadata.id = planId;
    plan->metadata.state = planStateFromString(select.text(0)).value_or(PlanState::Draft);
    return plan;
}

namespace {

PlanSummary summaryFrom(const SqliteStatement &row)
{
    PlanSummary summary;
    summary.id = row.text(0);
    summary.name = row.text(1);
    summary.kind = planKindFromString(row.text(2)).value_or(PlanKind::DisasterRecovery);
    summary.state = planStateFromString(row.text(3)).value_or(PlanState::Draft);
    summary.version = int(row.integer(4));
    summary.updated = QDateTime::fromMSecsSinceEpoch(row.integer(5), Qt::UTC);
    return summary;
}

} // namespace

QList<PlanSummary> PlanRepository::listPlans()
{
    QList<PlanSummary> plans;
    SqliteStatement select(m_store.database(),
                           "SELECT id, name, kind, state, version, updated_ms FROM plans ORDER BY name, id");
    while (select.next())
        plans.append(summaryFrom(select));
    return plans;
}

std::optional<PlanSummary> PlanRepository::summary(const QString &planId)
{
    SqliteStatement select(m_store.database(),
                           "SELECT id, name, kind, state, version, updated_ms FROM plans WHERE id = ?");
    select.bind(1, planId);
    if (!select.next())
        return std::nullopt;
    return summaryFrom(select);
}

QList<PlanVersion> PlanRepository::loadPlanVersions(const QString &planId)
{
    QList<PlanVersion> versions;
    SqliteStatement select(m_store.database(), "SELECT version, document, author, created_ms FROM plan_versions "
                                               "WHERE plan_id = ? ORDER BY version");
    select.bind(1, planId);
    while (select.next()) {
        const std::optional<QJsonObject> json = StoredJson::object(select.blob(1));
        if (!json) {
            qCWarning(lcStore) << "skipping unreadable version" << select.integer(0) << "of plan" << planId;
            continue;
        }
        PlanVersion version;
        version.number = int(select.integer(0));
        version.comment = json->value(QStringLiteral("comment")).toString();
        version.snapshot = json->value(QStringLiteral("snapshot")).toObject();
        version.author = select.text(2);
        version.time = QDateTime::fromMSecsSinceEpoch(select.integer(3), Qt::UTC);
        versions.append(version);
    }
    return versions;
}

} // namespace Haven
