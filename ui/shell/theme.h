// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/common/statuscolors.h"

#include <QFont>
#include <QPalette>

class QApplication;

namespace Haven::Theme {

// High-contrast palettes: body text reaches at least 7:1 against its background (WCAG AAA),
// disabled text at least 4.5:1, so a wall screen stays readable in a bright room.
QPalette palette(ColorScheme scheme);

// Fusion style (draws with the palette on every platform) and the scheme's palette.
void apply(QApplication &app, ColorScheme scheme);

// Body text size on a wall screen, from the window's height rather than the screen's reported
// DPI (walls and video matrices often report nonsense): the same share of the height on 1080p
// and on 4K, which at wall sizes puts body text above 15 arcminutes from 5 m.
int wallPixelSize(int windowHeight);

} // namespace Haven::Theme
