// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Haven {

class ConsoleSession;
class Shell;

// Wires the plan center into the console: its page (with the editor) follows the operation
// catalog, and "Run plan…" goes to the execution ticket (destination "ticket").
class PlansFeature final : public QObject
{
    Q_OBJECT
public:
    PlansFeature(ConsoleSession &session, Shell &shell, QObject *parent = nullptr);
    ~PlansFeature() override;
};

} // namespace Haven
