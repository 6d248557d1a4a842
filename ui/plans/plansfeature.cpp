// SPDX-License-Identifier: GPL-3.0-or-later
#include "plansfeature.h"

#include "plancenterpage.h"

#include "app/session/consolesession.h"
#include "models/topology/fleettopology.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"

namespace Haven {

PlansFeature::PlansFeature(ConsoleSession &session, Shell &shell, QObject *parent)
    : QObject(parent)
{
    auto *plans = new PlanCenterPage(session.plans());
    FleetTopology &topology = session.topology();
    plans->setCatalog(topology.catalog());
    connect(&topology, &FleetTopology::catalogChanged, plans,
            [plans, &topology] { plans->setCatalog(topology.catalog()); });
    Navigator &navigator = shell.navigator();
    connect(plans, &PlanCenterPage::runRequested, this,
            [&navigator](const QString &planId) { navigator.navigate(QStringLiteral("ticket"), planId); });
    shell.addPage(QStringLiteral("plans"), tr("Plan center"), plans);
}

PlansFeature::~PlansFeature() = default;

} // namespace Haven
