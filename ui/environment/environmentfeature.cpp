// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentfeature.h"

#include "environmentpage.h"

#include "app/session/consolesession.h"
#include "ui/shell/navigator.h"
#include "ui/shell/shell.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

namespace Haven {

namespace {
const QString PageId = QStringLiteral("environment");
} // namespace

EnvironmentFeature::EnvironmentFeature(ConsoleSession &session, Shell &shell, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_shell(shell)
    , m_page(new EnvironmentPage(session.environment(), session.secrets()))
{
    shell.addPage(PageId, tr("Environment"), m_page);
    shell.addDestination(PageId, [this](const QString &siteId) { showEnvironment(siteId); });
    shell.addDestination(QStringLiteral("import"), [this](const QString &path) {
        if (!path.isEmpty()) {
            importFile(path);
        } else if (m_page) {
            m_shell.navigator().showPage(PageId);
            m_page->importWithDialog();
        }
    });

    // What the page saved goes to the session; what the session changes by itself (an import,
    // the demo) goes back to the page. The page's own saves do not come back and reset it.
    connect(m_page, &EnvironmentPage::environmentChanged, this, [this](const Environment &environment) {
        m_saving = true;
        m_session.setEnvironment(environment);
        m_saving = false;
    });
    connect(m_page, &EnvironmentPage::tokenChanged, &session, &ConsoleSession::reconnect);
    connect(&session, &ConsoleSession::environmentChanged, this, [this] {
        if (!m_saving && m_page)
            m_page->setEnvironment(m_session.environment());
    });
}

EnvironmentFeature::~EnvironmentFeature() = default;

bool EnvironmentFeature::importFile(const QString &path)
{
    QString error;
    int sites = 0;
    if (m_session.importFile(path, &error, &sites)) {
        m_shell.showStatusMessage(
            tr("Imported %n site(s) from %1.", nullptr, sites).arg(QDir::toNativeSeparators(path)));
        return true;
    }
    const QString what = tr("%1 was not imported; the console keeps the environment it had.")
                             .arg(QDir::toNativeSeparators(path));
    const QString next = tr("Correct the file and start haven --environment again, or add the sites here on the "
                            "Environment page.");
    showEnvironment({});
    if (m_page)
        m_page->showProblem(tr("%1 was not imported; the console keeps the environment it had.")
                                .arg(QFileInfo(path).fileName()),
                            error);
    // Not exec(): the console keeps running behind the message.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Import environment"),
                                what + QStringLiteral("\n\n") + error + QStringLiteral("\n\n") + next, QMessageBox::Ok,
                                m_shell.dialogParent());
    box->setObjectName(QStringLiteral("environmentImportProblem"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    return false;
}

void EnvironmentFeature::showEnvironment(const QString &siteId)
{
    m_shell.navigator().showPage(PageId);
    if (m_page && !siteId.isEmpty())
        m_page->selectSite(siteId);
}

} // namespace Haven
