// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "statuscolors.h"

#include <QFont>
#include <QPalette>

class QApplication;
class QScreen;

namespace Haven::Theme {

// High-contrast palettes: body text reaches at least 7:1 against its background (WCAG AAA),
// disabled text at least 4.5:1, so a wall screen stays readable in a bright room.
QPalette palette(ColorScheme scheme);

// Fusion style (draws with the palette on every platform) and the scheme's palette.
void apply(QApplication &app, ColorScheme scheme);

// Pixel size of a font whose capital letters subtend `arcMinutes` of visual angle at
// `distanceMetres` on a screen of `physicalDpi` dots per inch. 20' is the size ISO 9241-303
// prefers for reading; the result never drops below `minimumPixels`.
int readablePixelSize(double distanceMetres, double physicalDpi, double arcMinutes = 20.0, int minimumPixels = 12);

// base, resized so that it is readable from distanceMetres on screen (e.g. 5 m for a war-room wall).
QFont wallFont(const QFont &base, const QScreen &screen, double distanceMetres);

} // namespace Haven::Theme
