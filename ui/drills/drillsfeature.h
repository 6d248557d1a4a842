// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace Haven {

class ConsoleSession;
class DrillService;
class DrillsPage;
class ExecutionEngine;
class Shell;

// Wires drills into the console: the Drills page (destination "drill" with a run id) and the
// Drill menu (Stop every drill: the global kill switch).
class DrillsFeature final : public QObject
{
    Q_OBJECT
public:
    DrillsFeature(ConsoleSession &session, Shell &shell, QObject *parent = nullptr);
    ~DrillsFeature() override;

    // For the wall: the running drill, read-only, large.
    static QWidget *createWallView(DrillService &drills, ExecutionEngine &executions, QWidget *parent = nullptr);

private:
    Shell &m_shell;
    QPointer<DrillsPage> m_page; // the shell owns it
};

} // namespace Haven
