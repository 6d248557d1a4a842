// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/executions/execution.h"
#include "protocol/protocol.h"

#include <QColor>
#include <QString>

class QPalette;

namespace Haven {

enum class ColorScheme { Light, Dark };

// How a component status is shown. Colours follow the Okabe-Ito palette, which stays
// distinguishable with red-green colour blindness; the symbol and label keep the status readable
// without colour at all (monochrome wall screens, printouts).
struct StatusStyle
{
    QColor fill;    // background of a badge or marker
    QColor text;    // text on fill; contrast ratio >= 4.5 (WCAG AA)
    QString symbol; // one character: ✔ ▲ ✖ ▼ ?
};

namespace StatusColors {

StatusStyle style(ComponentStatus status, ColorScheme scheme);
// The translated short name of a status ("OK", "Down", ...).
QString label(ComponentStatus status);
// How a step of a running plan is shown (the switchover dashboard): pending grey, awaiting
// approval and waiting amber, running blue, succeeded green, failed red, skipped and not
// selected grey (drawn hatched), cancelled dark grey. The symbols keep them apart without colour.
StatusStyle style(StepRunState state, ColorScheme scheme);
// Steps that will not run (skipped, not selected) are drawn hatched.
bool isHatched(StepRunState state);
// The execution as a whole, for its state pill: the colour of the step state it resembles.
StatusStyle style(ExecutionState state, ColorScheme scheme);
// Dark when the palette's window colour is dark.
ColorScheme schemeFor(const QPalette &palette);
// WCAG 2 contrast ratio of two colours, from 1 (same luminance) to 21 (black on white).
double contrastRatio(const QColor &a, const QColor &b);

} // namespace StatusColors

} // namespace Haven
