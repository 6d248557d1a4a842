// SPDX-License-Identifier: GPL-3.0-or-later
#include "theme.h"

#include <QApplication>
#include <QStyleFactory>

#include <algorithm>

namespace Haven::Theme {

namespace {

struct Colors
{
    QColor window, windowText, base, alternateBase, text, button, buttonText, highlight, highlightedText, link,
        placeholder, disabledText, toolTipBase, toolTipText, mid;
};

Colors lightColors()
{
    return {QColor(0xf2, 0xf2, 0xf2),
            Qt::black,
            Qt::white,
            QColor(0xe6, 0xe6, 0xe6),
            Qt::black,
            QColor(0xe0, 0xe0, 0xe0),
            Qt::black,
            QColor(0x00, 0x4f, 0xa3),
            Qt::white,
            QColor(0x00, 0x4f, 0xa3),
            QColor(0x55, 0x55, 0x55),
            QColor(0x59, 0x59, 0x59),
            QColor(0xff, 0xff, 0xdc),
            Qt::black,
            QColor(0x80, 0x80, 0x80)};
}

Colors darkColors()
{
    return {QColor(0x12, 0x12, 0x12),
            Qt::white,
            Qt::black,
            QColor(0x1e, 0x1e, 0x1e),
            Qt::white,
            QColor(0x2a, 0x2a, 0x2a),
            Qt::white,
            QColor(0x56, 0xb4, 0xe9),
            Qt::black,
            QColor(0x56, 0xb4, 0xe9),
            QColor(0xb0, 0xb0, 0xb0),
            QColor(0x9e, 0x9e, 0x9e),
            QColor(0x30, 0x30, 0x30),
            Qt::white,
            QColor(0x70, 0x70, 0x70)};
}

} // namespace

QPalette palette(ColorScheme scheme)
{
    const Colors c = scheme == ColorScheme::Dark ? darkColors() : lightColors();
    QPalette palette(c.button, c.window);
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Window, c.window);
        palette.setColor(group, QPalette::WindowText, c.windowText);
        palette.setColor(group, QPalette::Base, c.base);
        palette.setColor(group, QPalette::AlternateBase, c.alternateBase);
        palette.setColor(group, QPalette::Text, c.text);
        palette.setColor(group, QPalette::Button, c.button);
        palette.setColor(group, QPalette::ButtonText, c.buttonText);
        palette.setColor(group, QPalette::BrightText, c.highlight);
        palette.setColor(group, QPalette::Highlight, c.highlight);
        palette.setColor(group, QPalette::HighlightedText, c.highlightedText);
        palette.setColor(group, QPalette::Link, c.link);
        palette.setColor(group, QPalette::LinkVisited, c.link);
        palette.setColor(group, QPalette::PlaceholderText, c.placeholder);
        palette.setColor(group, QPalette::ToolTipBase, c.toolTipBase);
        palette.setColor(group, QPalette::ToolTipText, c.toolTipText);
        palette.setColor(group, QPalette::Mid, c.mid);
    }
    palette.setColor(QPalette::Disabled, QPalette::Window, c.window);
    palette.setColor(QPalette::Disabled, QPalette::Base, c.window);
    palette.setColor(QPalette::Disabled, QPalette::Button, c.button);
    for (const QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.disabledText);
    return palette;
}

void apply(QApplication &app, ColorScheme scheme)
{
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion); // the application takes ownership
    app.setPalette(palette(scheme));
}

int wallPixelSize(int windowHeight)
{
    return std::clamp(windowHeight / 30, 18, 160);
}

} // namespace Haven::Theme
