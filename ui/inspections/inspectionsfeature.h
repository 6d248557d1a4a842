// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace Haven {

class ConsoleSession;
class Shell;

// Wires the inspection center into the console: its page (rules, tasks, reports, notifications)
// on the session's InspectionService and ChatNotifier, and the destination "inspection-report"
// (a task id) for the dashboard's badges.
class InspectionsFeature final : public QObject
{
    Q_OBJECT
public:
    InspectionsFeature(ConsoleSession &session, Shell &shell, QObject *parent = nullptr);
    ~InspectionsFeature() override;
};

} // namespace Haven
