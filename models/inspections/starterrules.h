// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inspectionrule.h"

namespace Haven {

// The starter library of the inspection center: real rules that run against the demo agents and
// against a real Linux host with the hooks backend. Catalog rules name entries of the agents'
// inspection catalog (hooks/inspections/catalog.json, shipped in the .deb), so nothing a console
// sends runs as code. They are marked builtIn.
class StarterRules final
{
public:
    static QList<InspectionRule> all();
    // The file format text they come from (docs/inspection-format.md).
    static QByteArray file();
};

} // namespace Haven
