// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

class QObject;

namespace Haven {

class ConsoleSession;
class MainWindow;
class Shell;

// Creates every feature of the console, in rail order, and registers it with shell. The
// features are children of owner and live as long as it does. Adding a feature: its folder
// ui/<feature>/ with its pages and a <feature>feature.{h,cpp} wiring object that takes
// (ConsoleSession &, Shell &, QObject *parent), hands each page the services it uses and
// registers pages, actions and destinations; its files in ui/CMakeLists.txt; one line in
// addConsoleFeatures(). MainWindow does not change.
void addConsoleFeatures(ConsoleSession &session, Shell &shell, QObject *owner);

// The console's window with every feature, as main() and the tests build it.
std::unique_ptr<MainWindow> createConsoleWindow(ConsoleSession &session);

} // namespace Haven
