// SPDX-License-Identifier: GPL-3.0-or-later
#include "dashboardfeature.h"

#include "dashboardpage.h"
#include "sitesoverviewpage.h"

#include "app/inspections/inspectionservice.h"
#include "app/session/consolesession.h"
#include "models/topology/fleettopology.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"
#include "widgets/common/statuscolors.h"
#include "widgets/inspections/inspectionbadges.h"

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
    // A badge per site and layer with failing inspections, above the map.
    auto *badges = new InspectionBadges;
    dashboard->addBanner(badges);
    InspectionService &inspections = session.inspections();
    const auto updateBadges = [badges, &inspections, &session] {
        QHash<QString, QString> names;
        for (const QString &siteId : session.topology().siteIds())
            names.insert(siteId, inspections.siteName(siteId));
        badges->setFailing(inspections.failingByLayer(), names);
    };
    connect(&inspections, &InspectionService::reportsChanged, badges, updateBadges);
    updateBadges();
    connect(badges, &InspectionBadges::reportsRequested, this,
            [&navigator] { navigator.navigate(QStringLiteral("inspection-report")); });
    shell.addPage(QStringLiteral("dashboard"), tr("Dashboard"), dashboard);
    shell.addPage(QStringLiteral("sites"), tr("Sites"), new SitesOverviewPage(session.topology()));
}

DashboardFeature::~DashboardFeature() = default;

} // namespace Haven
