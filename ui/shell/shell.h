// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace Haven {

class Navigator;

// What a feature registers with: pages on the navigation rail, actions in the menus and
// destinations other features can send the person to. A feature's wiring object sees this
// interface, never the main window, so the window does not change when a feature is added.
class Shell
{
public:
    virtual ~Shell() = default;

    // Adds page to the navigation rail under title; the shell takes ownership. id names it
    // for Navigator::showPage() ("dashboard", "environment", ...).
    virtual void addPage(const QString &id, const QString &title, QWidget *page) = 0;
    // Adds action to the menu menuId, made with title the first time ("execution", "&Execution").
    // A separator action adds a separator. The shell takes ownership.
    virtual void addAction(const QString &menuId, const QString &menuTitle, QAction *action) = 0;
    // Registers where navigate(name, id) goes: the feature shows its page for id.
    virtual void addDestination(const QString &name, std::function<void(const QString &id)> go) = 0;
    virtual Navigator &navigator() = 0;
    // The parent for a feature's dialogs.
    virtual QWidget *dialogParent() = 0;
    // A short note in the status bar (an import that worked, ...).
    virtual void showStatusMessage(const QString &message) = 0;
};

} // namespace Haven
