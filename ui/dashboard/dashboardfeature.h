// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Haven {

class ConsoleSession;
class Shell;

// Wires the DR runtime dashboard and the Sites overview into the console. An empty console's
// dashboard sends the person to the Environment page or to an import ("environment", "import").
class DashboardFeature final : public QObject
{
    Q_OBJECT
public:
    DashboardFeature(ConsoleSession &session, Shell &shell, QObject *parent = nullptr);
    ~DashboardFeature() override;
};

} // namespace Haven
