// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscolors.h"

#include "models/topology/displaynames.h"

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
    case ComponentStatus::Ok:
        return {QColor(0x00, 0x7a, 0x5a), Qt::white, QStringLiteral("\u2714")};
    case ComponentStatus::Warning:
        return {QColor(0xe6, 0x9f, 0x00), Qt::black, QStringLiteral("\u25b2")};
    case ComponentStatus::Critical:
        return {QColor(0xb3, 0x47, 0x00), Qt::white, QStringLiteral("\u2716")};
    case ComponentStatus::Down:
        return {QColor(0x8e, 0x2c, 0x6e), Qt::white, QStringLiteral("\u25bc")};
    case ComponentStatus::Unknown:
        break;
    }
    return {QColor(0x5f, 0x63, 0x68), Qt::white, QStringLiteral("?")};
}

StatusStyle darkStyle(ComponentStatus status)
{
    switch (status) {
    case ComponentStatus::Ok:
        return {QColor(0x00, 0x9e, 0x73), Qt::black, QStringLiteral("\u2714")};
    case ComponentStatus::Warning:
        return {QColor(0xf0, 0xe4, 0x42), Qt::black, QStringLiteral("\u25b2")};
    case ComponentStatus::Critical:
        return {QColor(0xf0, 0x70, 0x30), Qt::black, QStringLiteral("\u2716")};
    case ComponentStatus::Down:
        return {QColor(0xcc, 0x79, 0xa7), Qt::black, QStringLiteral("\u25bc")};
    case ComponentStatus::Unknown:
        break;
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

StatusStyle lightStepStyle(StepRunState state)
{
    switch (state) {
    case StepRunState::Pending:
        return {QColor(0xe0, 0xe0, 0xe0), Qt::black, QStringLiteral("\u25cb")};
    case StepRunState::NotSelected:
        return {QColor(0xf0, 0xf0, 0xf0), QColor(0x4a, 0x4a, 0x4a), QStringLiteral("\u2298")};
    case StepRunState::AwaitingApproval:
        return {QColor(0xe6, 0x9f, 0x00), Qt::black, QStringLiteral("\u2691")};
    case StepRunState::Waiting:
        return {QColor(0xf0, 0xe4, 0x42), Qt::black, QStringLiteral("\u21bb")};
    case StepRunState::Running:
        return {QColor(0x00, 0x72, 0xb2), Qt::white, QStringLiteral("\u25b6")};
    case StepRunState::Succeeded:
        return {QColor(0x00, 0x7a, 0x5a), Qt::white, QStringLiteral("\u2714")};
    case StepRunState::Failed:
        return {QColor(0xc6, 0x28, 0x28), Qt::white, QStringLiteral("\u2716")};
    case StepRunState::Skipped:
        return {QColor(0xbd, 0xbd, 0xbd), Qt::black, QStringLiteral("\u21b7")};
    case StepRunState::Cancelled:
        return {QColor(0x61, 0x61, 0x61), Qt::white, QStringLiteral("\u25a0")};
    }
    return {QColor(0xe0, 0xe0, 0xe0), Qt::black, QStringLiteral("?")};
}

// On the dark wall: pending steps stay quiet, the states that need eyes are the brightest.
StatusStyle darkStepStyle(StepRunState state)
{
    switch (state) {
    case StepRunState::Pending:
        return {QColor(0x3c, 0x40, 0x43), Qt::white, QStringLiteral("\u25cb")};
    case StepRunState::NotSelected:
        return {QColor(0x26, 0x26, 0x26), QColor(0xb0, 0xb0, 0xb0), QStringLiteral("\u2298")};
    case StepRunState::AwaitingApproval:
        return {QColor(0xe6, 0x9f, 0x00), Qt::black, QStringLiteral("\u2691")};
    case StepRunState::Waiting:
        return {QColor(0xf0, 0xe4, 0x42), Qt::black, QStringLiteral("\u21bb")};
    case StepRunState::Running:
        return {QColor(0x56, 0xb4, 0xe9), Qt::black, QStringLiteral("\u25b6")};
    case StepRunState::Succeeded:
        return {QColor(0x00, 0x9e, 0x73), Qt::black, QStringLiteral("\u2714")};
    case StepRunState::Failed:
        return {QColor(0xd3, 0x2f, 0x2f), Qt::white, QStringLiteral("\u2716")};
    case StepRunState::Skipped:
        return {QColor(0x5f, 0x63, 0x68), Qt::white, QStringLiteral("\u21b7")};
    case StepRunState::Cancelled:
        return {QColor(0x1f, 0x1f, 0x1f), QColor(0xc8, 0xc8, 0xc8), QStringLiteral("\u25a0")};
    }
    return {QColor(0x3c, 0x40, 0x43), Qt::white, QStringLiteral("?")};
}

} // namespace

StatusStyle style(StepRunState state, ColorScheme scheme)
{
    return scheme == ColorScheme::Dark ? darkStepStyle(state) : lightStepStyle(state);
}

bool isHatched(StepRunState state)
{
    return state == StepRunState::Skipped || state == StepRunState::NotSelected;
}

StatusStyle style(ExecutionState state, ColorScheme scheme)
{
    switch (state) {
    case ExecutionState::Ready:
        return style(StepRunState::Pending, scheme);
    case ExecutionState::Running:
        return style(StepRunState::Running, scheme);
    case ExecutionState::Paused: {
        StatusStyle paused = style(StepRunState::Waiting, scheme);
        paused.symbol = QStringLiteral("\u275a\u275a");
        return paused;
    }
    case ExecutionState::AwaitingRecovery: {
        StatusStyle done = style(StepRunState::Succeeded, scheme);
        done.symbol = QStringLiteral("\u25f7");
        return done;
    }
    case ExecutionState::Succeeded:
        return style(StepRunState::Succeeded, scheme);
    case ExecutionState::Failed:
        return style(StepRunState::Failed, scheme);
    case ExecutionState::Cancelled:
        return style(StepRunState::Cancelled, scheme);
    case ExecutionState::Stopped: {
        StatusStyle stopped = style(StepRunState::Failed, scheme);
        stopped.symbol = QStringLiteral("\u25a0");
        return stopped;
    }
    }
    return style(StepRunState::Pending, scheme);
}

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
