// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Starting points for the four DR architectures. Each is a complete DR plan on the demo sites'
// operation catalog: a switchover with one parallel branch per product group, approval gates
// before traffic is cut, guards on replication lag (and capacity) before a promotion, and a
// recovery phase that reverts every reversible switchover step. Laid out with PlanLayout.

#include "plan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Haven {

class PlanTemplates final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::PlanTemplates)
public:
    enum class Architecture {
        SameCityActiveActive,  // 同城双活
        RemoteActiveStandby,   // 异地主备
        TwoCitiesThreeCenters, // 两地三中心
        UnitizedMultiActive    // 单元化多活 (LDC)
    };

    struct Template
    {
        Architecture architecture;
        QString id;          // stable, e.g. "same-city-active-active"
        QString name;        // translated
        QString description; // translated
    };

    static QList<Template> all();
    static QStringList defaultProductGroups(); // the demo sites' groups: payments, accounts, trading

    // A new draft plan (fresh id) for the architecture and product groups. remoteSite names the
    // third center for TwoCitiesThreeCenters (the demo's "hzc").
    static PlanData create(Architecture architecture, const QStringList &productGroups = defaultProductGroups(),
                           const QString &remoteSite = QStringLiteral("hzc"));
};

} // namespace Haven
