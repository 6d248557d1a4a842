// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Starting points for drills: one per DR architecture (the disaster it rehearses, halt conditions
// that keep the surviving sites safe, objectives and the expected outcome), plus a single-fault
// drill per layer. Site ids default to the demo fleet's (sha, shb in Shanghai; hzc in Hangzhou).

#include "drill.h"

#include <QCoreApplication>

namespace Haven {

// The sites a template names.
struct DrillTemplateSites
{
    QString failed = QStringLiteral("sha");
    QString sameCity = QStringLiteral("shb");
    QString remote = QStringLiteral("hzc");
};

class DrillTemplates final
{
    Q_DECLARE_TR_FUNCTIONS(Haven::DrillTemplates)
public:
    using Sites = DrillTemplateSites;

    struct Template
    {
        QString id; // "same-city-active-active", "layer-database", ...
        QString name;
        QString description;
    };

    static QList<Template> all();
    // A new drill (fresh id) from the template; an unknown id gives an empty drill.
    static Drill create(const QString &templateId, const Sites &sites = Sites());
};

} // namespace Haven
