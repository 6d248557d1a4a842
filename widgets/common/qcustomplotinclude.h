// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Includes qcustomplot.h for the plot widgets' .cpp files only — never from a header: it is heavy.
// qcustomplot.h uses Qt's bare keywords and foreach, which the build turns off: lend them to it.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach(variable, container) for (variable : container)
#include <qcustomplot.h>
#undef foreach
#undef emit
#undef slots
#undef signals
