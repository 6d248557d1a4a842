// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "drill.h"
#include "drillrunrecord.h"
#include "models/store/localstore.h"

#include <optional>

namespace Haven {

// A kill switch (safety lever): while engaged, running drills in its scope are stopped and new
// ones refused. Global, per site or per product group.
struct KillSwitch
{
    enum class Scope { Global, Site, ProductGroup };
    Scope scope = Scope::Global;
    QString key; // the site or product group; empty for the global switch
    QString engagedBy;
    qint64 engagedMs = 0;
    QString reason;

    static QString scopeName(Scope scope);
    static std::optional<Scope> scopeFromName(QStringView name);
};

// The drills' tables in the local store: designs, runs (the whole record, rewritten on each
// change), their events (appended) and the kill switches. Every write may carry audit records,
// kept in the same transaction.
class DrillRepository final
{
public:
    static FeatureSchema schema();

    explicit DrillRepository(LocalStore &store);

    bool saveDrill(const Drill &drill, const QList<AuditEntry> &audit = {});
    bool deleteDrill(const QString &drillId, const QList<AuditEntry> &audit = {});
    std::optional<Drill> loadDrill(const QString &drillId);
    QList<Drill> listDrills(); // by name

    bool saveRun(const DrillRunRecord &run, const QList<DrillEvent> &newEvents = {},
                 const QList<AuditEntry> &audit = {});
    std::optional<DrillRunRecord> loadRun(const QString &runId); // with its events
    QList<DrillRunRecord> listRuns(const QString &drillId = {}); // newest first, without events
    QList<DrillRunRecord> unfinishedRuns();                      // running or halting, with events
    // When each rehearsed plan was last drilled (ms since epoch), from the runs that injected a fault.
    QHash<QString, qint64> lastDrilledPlans();

    bool saveKillSwitch(const KillSwitch &killSwitch, const QList<AuditEntry> &audit = {});
    bool deleteKillSwitch(KillSwitch::Scope scope, const QString &key, const QList<AuditEntry> &audit = {});
    QList<KillSwitch> killSwitches();

private:
    bool insertAudit(const QList<AuditEntry> &audit);
    QList<DrillRunRecord> readRuns(const QByteArray &sql, const QString &bound);
    QList<DrillEvent> readEvents(const QString &runId);

    LocalStore &m_store;
};

} // namespace Haven
