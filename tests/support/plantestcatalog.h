// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A small operation catalog for the plan editor tests, shaped like the simulated site's.

#include "models/plans/plan.h"

#include <QJsonArray>

namespace Haven::TestCatalog {

inline QJsonObject property(const QString &type, const QString &description, const QStringList &values = {})
{
    QJsonObject p{{QStringLiteral("type"), type}, {QStringLiteral("description"), description}};
    if (!values.isEmpty())
        p.insert(QStringLiteral("enum"), QJsonArray::fromStringList(values));
    return p;
}

inline OperationSpec spec(const QString &code, const QString &name, Layer layer, const QJsonObject &properties,
                          const QStringList &required, const QString &inverse = {})
{
    OperationSpec s;
    s.code = code;
    s.name = name;
    s.description = name + QStringLiteral(" (test)");
    s.layer = layer;
    s.parameters = {{QStringLiteral("type"), QStringLiteral("object")},
                    {QStringLiteral("properties"), properties},
                    {QStringLiteral("required"), QJsonArray::fromStringList(required)}};
    s.reversible = !inverse.isEmpty();
    s.inverse = inverse;
    return s;
}

inline QList<OperationSpec> catalog()
{
    const QString group = QStringLiteral("productGroup");
    const QJsonObject groupProperty = property(QStringLiteral("string"), QStringLiteral("product group"),
                                               {QStringLiteral("payments"), QStringLiteral("accounts"),
                                                QStringLiteral("trading")});
    const QJsonObject groupOnly{{group, groupProperty}};
    QJsonObject restore = groupOnly;
    restore.insert(QStringLiteral("share"), property(QStringLiteral("number"), QStringLiteral("share, percent")));
    QJsonObject replica = groupOnly;
    replica.insert(QStringLiteral("component"), property(QStringLiteral("string"), QStringLiteral("component")));
    QJsonObject wait{{QStringLiteral("seconds"), property(QStringLiteral("integer"), QStringLiteral("seconds"))}};
    QJsonObject lag = groupOnly;
    lag.insert(QStringLiteral("maxLagSeconds"), property(QStringLiteral("number"), QStringLiteral("largest lag")));
    lag.insert(QStringLiteral("timeoutSeconds"), property(QStringLiteral("number"), QStringLiteral("give up after")));
    QJsonObject check = groupOnly;
    check.insert(QStringLiteral("layer"),
                 property(QStringLiteral("string"), QStringLiteral("layer"),
                          {QStringLiteral("business"), QStringLiteral("middleware"), QStringLiteral("storage"),
                           QStringLiteral("database"), QStringLiteral("physical")}));
    check.insert(QStringLiteral("strict"), property(QStringLiteral("boolean"), QStringLiteral("fail on warnings")));
    return {
        spec(QStringLiteral("traffic.cut"), QStringLiteral("Cut traffic"), Layer::Business, groupOnly, {group},
             QStringLiteral("traffic.restore")),
        spec(QStringLiteral("traffic.restore"), QStringLiteral("Restore traffic"), Layer::Business, restore, {group},
             QStringLiteral("traffic.cut")),
        spec(QStringLiteral("app.stop"), QStringLiteral("Stop application group"), Layer::Business, groupOnly, {group},
             QStringLiteral("app.start")),
        spec(QStringLiteral("app.start"), QStringLiteral("Start application group"), Layer::Business, groupOnly,
             {group}, QStringLiteral("app.stop")),
        spec(QStringLiteral("db.promote"), QStringLiteral("Promote database"), Layer::Database, replica, {},
             QStringLiteral("db.demote")),
        spec(QStringLiteral("db.demote"), QStringLiteral("Demote database"), Layer::Database, replica, {},
             QStringLiteral("db.promote")),
        spec(QStringLiteral("storage.promote"), QStringLiteral("Promote storage"), Layer::Storage, replica, {},
             QStringLiteral("storage.demote")),
        spec(QStringLiteral("storage.demote"), QStringLiteral("Demote storage"), Layer::Storage, replica, {},
             QStringLiteral("storage.promote")),
        spec(QStringLiteral("health.check"), QStringLiteral("Health check"), Layer::Business, check, {}),
        spec(QStringLiteral("app.restart"), QStringLiteral("Restart application group"), Layer::Middleware, groupOnly,
             {group}),
        spec(QStringLiteral("wait.replication"), QStringLiteral("Wait for replication"), Layer::Database, lag,
             {QStringLiteral("maxLagSeconds"), QStringLiteral("timeoutSeconds")}),
        spec(QStringLiteral("wait.seconds"), QStringLiteral("Wait"), Layer::Physical, wait, {QStringLiteral("seconds")}),
    };
}

// A valid two-phase plan: cut → promote → start in switchover, and the reverse in recovery.
inline PlanData smallPlan()
{
    PlanData data;
    data.metadata.id = QStringLiteral("plan-1");
    data.metadata.name = QStringLiteral("Payments switchover");
    data.metadata.kind = PlanKind::DisasterRecovery;
    data.metadata.rtoSeconds = 600;
    data.metadata.rpoSeconds = 30;
    auto add = [&data](StepId id, PlanPhase phase, const QString &name, const QString &op, const QPointF &pos) {
        PlanStep s;
        s.id = id;
        s.phase = phase;
        s.name = name;
        s.operation = op;
        s.productGroup = QStringLiteral("payments");
        s.parameters = {{QStringLiteral("productGroup"), QStringLiteral("payments")}};
        s.position = pos;
        data.steps.append(s);
    };
    add(1, PlanPhase::Switchover, QStringLiteral("Cut traffic"), QStringLiteral("traffic.cut"), {0, 0});
    add(2, PlanPhase::Switchover, QStringLiteral("Promote database"), QStringLiteral("db.promote"), {300, 0});
    add(3, PlanPhase::Switchover, QStringLiteral("Start applications"), QStringLiteral("app.start"), {600, 0});
    add(4, PlanPhase::Recovery, QStringLiteral("Stop applications"), QStringLiteral("app.stop"), {0, 0});
    add(5, PlanPhase::Recovery, QStringLiteral("Demote database"), QStringLiteral("db.demote"), {300, 0});
    add(6, PlanPhase::Recovery, QStringLiteral("Restore traffic"), QStringLiteral("traffic.restore"), {600, 0});
    data.steps[2].target.kind = StepTargetKind::EmergencySite;
    data.steps[1].target.kind = StepTargetKind::EmergencySite;
    data.edges = {{1, 2}, {2, 3}, {4, 5}, {5, 6}};
    return data;
}

} // namespace Haven::TestCatalog
