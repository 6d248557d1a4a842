// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/environment/environment.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace Haven {

class SecretStore;

// The Environment page: regions and their sites on the left, a form for the selected one on
// the right. Every field is checked as it is typed (Environment's rules) and Save stays
// disabled while any is wrong. Tokens go straight to the SecretStore; the page never reads
// one back, it only asks whether one is stored.
class EnvironmentPage final : public QWidget
{
    Q_OBJECT

public:
    EnvironmentPage(const Environment &environment, SecretStore &secrets, QWidget *parent = nullptr);
    ~EnvironmentPage() override;

    const Environment &environment() const { return m_environment; }
    // Replaces what the page shows (no environmentChanged); unsaved edits are dropped.
    void setEnvironment(const Environment &environment);

    // Reads an environment or fleet file, checks it, replaces the environment with it and
    // stores its tokens; no questions asked (the demo uses this). False with *error otherwise.
    bool importFile(const QString &path, QString *error);
    // Writes the environment without tokens.
    bool exportFile(const QString &path, QString *error) const;

    // Selects a site or region and shows it in the form (false when there is none with that id).
    bool selectSite(const QString &id);
    bool selectRegion(const QString &id);
    // Whether the form holds edits that Save would apply.
    bool hasUnsavedChanges() const { return m_dirty; }
    // Asks for a file and imports it (asking first when it replaces regions or sites).
    void importWithDialog();
    // Shows a problem from elsewhere (a file given on the command line) in the page's hint,
    // with the details in its tooltip.
    void showProblem(const QString &text, const QString &details);
    QString hintText() const;

Q_SIGNALS:
    // After Save, Add, Remove or Import: the whole environment as it now stands.
    void environmentChanged(const Haven::Environment &environment);
    // A site's token was stored, replaced or removed in the SecretStore.
    void tokenChanged(const QString &siteId);

private:
    enum class Editing { Nothing, Site, Region };

    void buildUi();
    QWidget *buildSiteForm();
    QWidget *buildRegionForm();
    QLabel *addField(QFormLayout *form, const QString &label, QWidget *editor, const QString &field);

    void rebuildTree(const QString &selectKind = {}, const QString &selectId = {});
    void handleSelection();
    bool confirmDiscard();

    void showNothing();
    void showSite(const SiteEndpoint &site, bool isNew);
    void showRegion(const Region &region, bool isNew);
    SiteEndpoint siteFromForm() const;
    Region regionFromForm() const;
    void formEdited();
    void showErrors(const QList<FieldError> &errors);
    void setHint(const QString &text, bool problem = false);
    void refreshTokenState();
    void updateButtons();

    void addSite();
    void addRegion();
    void removeSelected();
    void save();
    void revert();
    void saveSite();
    void saveRegion();
    void storeToken(const QString &siteId, const QByteArray &token);
    void moveToken(const QString &fromId, const QString &toId);
    void forgetToken();
    void browseCaFile();
    void exportWithDialog();
    void applyImport(const Environment &environment, const QHash<QString, QByteArray> &tokens);

    Environment m_environment;
    SecretStore &m_secrets;

    Editing m_editing = Editing::Nothing;
    QString m_originalId; // of the site or region in the form; empty while adding
    bool m_dirty = false;
    bool m_loadingForm = false;
    bool m_tokenStored = false;

    QTreeWidget *m_tree = nullptr;
    QStackedWidget *m_forms = nullptr;
    QWidget *m_emptyForm = nullptr;
    QWidget *m_siteForm = nullptr;
    QWidget *m_regionForm = nullptr;
    QLabel *m_formTitle = nullptr;
    QLabel *m_hint = nullptr;

    QLineEdit *m_siteId = nullptr;
    QLineEdit *m_siteName = nullptr;
    QComboBox *m_siteRegion = nullptr;
    QLineEdit *m_siteCity = nullptr;
    QLineEdit *m_siteUrl = nullptr;
    QLineEdit *m_sitePin = nullptr;
    QLineEdit *m_siteCaFile = nullptr;
    QLineEdit *m_siteToken = nullptr;
    QToolButton *m_showToken = nullptr;
    QToolButton *m_forgetToken = nullptr;
    QSpinBox *m_siteRefresh = nullptr;
    QCheckBox *m_siteEnabled = nullptr;
    QLineEdit *m_regionId = nullptr;
    QLineEdit *m_regionName = nullptr;

    // field name ("url", "region.id", ...) -> its editor and the message under it
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errorLabels;

    QPushButton *m_addRegion = nullptr;
    QPushButton *m_addSite = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace Haven
