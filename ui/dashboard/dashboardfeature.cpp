// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardfeature.h"

#include "dashboardpage.h"
#include "sitesoverviewpage.h"

#include "app/session/consolesession.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"
#include "widgets/common/statuscolors.h"

namespace Haven {

DashboardFeature::DashboardFeature(ConsoleSession &session, Shell &shell, QObject *parent)
    : QObject(parent)
{
    auto *dashboard = new DashboardPage(session.topology(), session.history(), session.readinessThresholds());
    dashboard->setDarkTheme(StatusColors::schemeFor(shell.dialogParent()->palette()) == ColorScheme::Dark);
    Navigator &navigator = shell.navigator();
    connect(dashboard, &DashboardPage::addSitesRequested, this,
            [&navigator] { navigator.navigate(QStringLiteral("environment")); });
    connect(dashboard, &DashboardPage::importRequested, this,
            [&navigator] { navigator.navigate(QStringLiteral("import")); });
    shell.addPage(QStringLiteral("dashboard"), tr("Dashboard"), dashboard);
    shell.addPage(QStringLiteral("sites"), tr("Sites"), new SitesOverviewPage(session.topology()));
}

DashboardFeature::~DashboardFeature() = default;

} // namespace Haven
