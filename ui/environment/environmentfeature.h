// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

namespace Haven {

class ConsoleSession;
class EnvironmentPage;
class Shell;

// Wires the Environment page into the console and keeps it and the session in step. Its
// destinations: "environment" (a site id to select, or none) and "import" (a file to import,
// as haven --environment FILE does, or none to ask for one).
class EnvironmentFeature final : public QObject
{
    Q_OBJECT
public:
    EnvironmentFeature(ConsoleSession &session, Shell &shell, QObject *parent = nullptr);
    ~EnvironmentFeature() override;

    // Imports an environment or fleet file through the session (tokens to the secret store
    // first). When it cannot, the Environment page and a message say why and what to do.
    bool importFile(const QString &path);

private:
    void showEnvironment(const QString &siteId);

    ConsoleSession &m_session;
    Shell &m_shell;
    QPointer<EnvironmentPage> m_page; // the shell owns it
    bool m_saving = false;
};

} // namespace Haven
