// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscolors.h"

#include "displaynames.h"

#include <QCoreApplication>
#include <QPalette>

#include <algorithm>
#include <cmath>

namespace Haven::StatusColors {

namespace {

// Light scheme: darker fills with white text where orange would be too light for it.
// Dark scheme: the brighter Okabe-Ito colours with black text.
StatusStyle lightStyle(ComponentStatus status)
{
    switch (status) {
    case ComponentStatus::Ok:       return {QColor(0x00, 0x7a, 0x5a), Qt::white, QStringLiteral("\u2714")};
    case ComponentStatus::Warning:  return {QColor(0xe6, 0x9f, 0x00), Qt::black, QStringLiteral("\u25b2")};
    case ComponentStatus::Critical: return {QColor(0xb3, 0x47, 0x00), Qt::white, QStringLiteral("\u2716")};
    case ComponentStatus::Down:     return {QColor(0x8e, 0x2c, 0x6e), Qt::white, QStringLiteral("\u25bc")};
    case ComponentStatus::Unknown:  break;
    }
    return {QColor(0x5f, 0x63, 0x68), Qt::white, QStringLiteral("?")};
}

StatusStyle darkStyle(ComponentStatus status)
{
    switch (status) {
    case ComponentStatus::Ok:       return {QColor(0x00, 0x9e, 0x73), Qt::black, QStringLiteral("\u2714")};
    case ComponentStatus::Warning:  return {QColor(0xf0, 0xe4, 0x42), Qt::black, QStringLiteral("\u25b2")};
    case ComponentStatus::Critical: return {QColor(0xf0, 0x70, 0x30), Qt::black, QStringLiteral("\u2716")};
    case ComponentStatus::Down:     return {QColor(0xcc, 0x79, 0xa7), Qt::black, QStringLiteral("\u25bc")};
    case ComponentStatus::Unknown:  break;
    }
    return {QColor(0x9e, 0x9e, 0x9e), Qt::black, QStringLiteral("?")};
}

double relativeLuminance(const QColor &color)
{
    const auto linear = [](double channel) {
        return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * linear(color.redF()) + 0.7152 * linear(color.greenF()) + 0.0722 * linear(color.blueF());
}

} // namespace

StatusStyle style(ComponentStatus status, ColorScheme scheme)
{
    return scheme == ColorScheme::Dark ? darkStyle(status) : lightStyle(status);
}

QString label(ComponentStatus status)
{
    return DisplayNames::status(status);
}

ColorScheme schemeFor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? ColorScheme::Dark : ColorScheme::Light;
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace Haven::StatusColors
