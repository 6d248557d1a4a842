// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the parts of ExecutionPage share (executionpage.cpp, executionpagecommands.cpp,
// executionpagestep.cpp); not for use outside the page.

#include <QColor>
#include <QDateTime>
#include <QPalette>
#include <QString>
#include <QWidget>

namespace Haven::ExecutionPageSupport {

// A wall-clock time as HH:mm:ss, or a dash when there is none.
inline QString timeOfDay(qint64 ms)
{
    return ms <= 0 ? QStringLiteral("—") : QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss"));
}

// Colours a label (or row) of its own; an invalid or transparent background leaves it unfilled.
inline void setColors(QWidget *widget, const QColor &background, const QColor &text)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, text);
    widget->setPalette(palette);
    widget->setAutoFillBackground(background.isValid() && background.alpha() > 0);
}

} // namespace Haven::ExecutionPageSupport
