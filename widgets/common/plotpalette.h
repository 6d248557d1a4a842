// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCustomPlot;
class QCPItemText;
class QWidget;

namespace Haven {

// Colours and fonts of a QCustomPlot from its owner's palette and font (light or dark theme, the
// wall's large type): background, axes, grid, legend and an optional "no data" text.
void applyPlotPalette(QCustomPlot *plot, const QWidget &owner, QCPItemText *emptyText = nullptr);

} // namespace Haven
