// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentpage.h"

#include "secretstore.h"
#include "statuscolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Haven {

namespace {

enum ItemRole { KindRole = Qt::UserRole, IdRole };
const QString RegionKind = QStringLiteral("region");
const QString SiteKind = QStringLiteral("site");
const char InvalidProperty[] = "havenInvalid";

QString tokenKey(const QString &siteId)
{
    SiteEndpoint site;
    site.id = siteId;
    return site.secretKey();
}

QStringList describe(const QList<FieldError> &errors, int limit)
{
    QStringList lines;
    for (const FieldError &error : errors) {
        if (lines.size() == limit) {
            lines.append(QStringLiteral("…"));
            break;
        }
        const QString owner = error.siteId.isEmpty() ? error.regionId : error.siteId;
        lines.append(QStringLiteral("%1 · %2: %3").arg(owner, error.field, error.message));
    }
    return lines;
}

} // namespace

EnvironmentPage::EnvironmentPage(const Environment &environment, SecretStore &secrets, QWidget *parent)
    : QWidget(parent)
    , m_environment(environment)
    , m_secrets(secrets)
{
    buildUi();
    connect(&m_secrets, &SecretStore::ready, this, &EnvironmentPage::refreshTokenState);
    rebuildTree();
    showNothing();
}

EnvironmentPage::~EnvironmentPage() = default;

void EnvironmentPage::buildUi()
{
    const bool dark = StatusColors::schemeFor(palette()) == ColorScheme::Dark;
    // Error red with at least 7:1 contrast on the window colour of either scheme.
    const QString errorColor = dark ? QStringLiteral("#ff9e8f") : QStringLiteral("#a4161a");
    setStyleSheet(QStringLiteral("QLabel[role=\"fieldError\"] { color: %1; }"
                                 "QLineEdit[havenInvalid=\"true\"], QComboBox[havenInvalid=\"true\"] {"
                                 " border: 2px solid %1; border-radius: 3px; padding: 1px 3px; }")
                      .arg(errorColor));

    m_addRegion = new QPushButton(tr("Add region"), this);
    m_addRegion->setObjectName(QStringLiteral("addRegion"));
    m_addSite = new QPushButton(tr("Add site"), this);
    m_addSite->setObjectName(QStringLiteral("addSite"));
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setObjectName(QStringLiteral("remove"));
    m_import = new QPushButton(tr("Import…"), this);
    m_import->setObjectName(QStringLiteral("import"));
    m_import->setToolTip(tr("Read regions and sites from an environment file or from the fleet file of "
                            "haven-agent --demo-fleet. Tokens in the file go to the secret store."));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("export"));
    m_export->setToolTip(tr("Write regions and sites to a file to share. Tokens are never exported."));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_addRegion);
    toolbar->addWidget(m_addSite);
    toolbar->addWidget(m_remove);
    toolbar->addStretch(1);
    toolbar->addWidget(m_import);
    toolbar->addWidget(m_export);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("tree"));
    m_tree->setHeaderLabels({tr("Region / site"), tr("Agent address")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);

    m_formTitle = new QLabel(this);
    QFont titleFont = m_formTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_formTitle->setFont(titleFont);

    m_emptyForm = new QLabel(tr("Select a region or a site to edit it, or add one."), this);
    static_cast<QLabel *>(m_emptyForm)->setAlignment(Qt::AlignCenter);
    static_cast<QLabel *>(m_emptyForm)->setWordWrap(true);
    m_siteForm = buildSiteForm();
    m_regionForm = buildRegionForm();
    m_forms = new QStackedWidget(this);
    m_forms->addWidget(m_emptyForm);
    m_forms->addWidget(m_siteForm);
    m_forms->addWidget(m_regionForm);

    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("save"));
    m_save->setDefault(true);
    m_revert = new QPushButton(tr("Revert"), this);
    m_revert->setObjectName(QStringLiteral("revert"));
    auto *formButtons = new QHBoxLayout;
    formButtons->addStretch(1);
    formButtons->addWidget(m_revert);
    formButtons->addWidget(m_save);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 0, 0, 0);
    rightLayout->addWidget(m_formTitle);
    rightLayout->addWidget(m_forms, 1);
    rightLayout->addLayout(formButtons);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({420, 680});

    // Wireshark-style hint: one line that says what to do next or what is wrong.
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(toolbar);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_hint);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &EnvironmentPage::handleSelection);
    connect(m_addRegion, &QPushButton::clicked, this, &EnvironmentPage::addRegion);
    connect(m_addSite, &QPushButton::clicked, this, &EnvironmentPage::addSite);
    connect(m_remove, &QPushButton::clicked, this, &EnvironmentPage::removeSelected);
    connect(m_import, &QPushButton::clicked, this, &EnvironmentPage::importWithDialog);
    connect(m_export, &QPushButton::clicked, this, &EnvironmentPage::exportWithDialog);
    connect(m_save, &QPushButton::clicked, this, &EnvironmentPage::save);
    connect(m_revert, &QPushButton::clicked, this, &EnvironmentPage::revert);
}

QLabel *EnvironmentPage::addField(QFormLayout *form, const QString &label, QWidget *editor, const QString &field)
{
    auto *cell = new QWidget;
    auto *column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(editor);
    auto *error = new QLabel(cell);
    error->setObjectName(field + QStringLiteral("Error"));
    error->setProperty("role", QStringLiteral("fieldError"));
    error->setWordWrap(true);
    error->setTextFormat(Qt::PlainText);
    error->hide();
    column->addWidget(error);
    form->addRow(label, cell);
    m_errorLabels.insert(field, error);
    return error;
}

QWidget *EnvironmentPage::buildSiteForm()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setContentsMargins(0, 8, 0, 0);

    const auto lineEdit = [this](const QString &field, const QString &placeholder) {
        auto *edit = new QLineEdit;
        edit->setObjectName(field);
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        connect(edit, &QLineEdit::textChanged, this, &EnvironmentPage::formEdited);
        m_editors.insert(field, edit);
        return edit;
    };

    m_siteId = lineEdit(QStringLiteral("id"), tr("e.g. sha-1 (a-z, 0-9 and -)"));
    m_siteName = lineEdit(QStringLiteral("name"), tr("e.g. Shanghai Zhangjiang"));
    m_siteRegion = new QComboBox;
    m_siteRegion->setObjectName(QStringLiteral("region"));
    connect(m_siteRegion, &QComboBox::currentIndexChanged, this, &EnvironmentPage::formEdited);
    m_editors.insert(QStringLiteral("region"), m_siteRegion);
    m_siteCity = lineEdit(QStringLiteral("city"), tr("optional"));
    m_siteUrl = lineEdit(QStringLiteral("url"), tr("https://10.0.0.5:7443"));
    m_sitePin = lineEdit(QStringLiteral("pin"), tr("optional: sha256//… (haven-agent --pin prints it)"));
    m_siteCaFile = lineEdit(QStringLiteral("caFile"), tr("optional: a private CA certificate (PEM)"));
    m_siteToken = lineEdit(QStringLiteral("token"), {});
    m_siteToken->setEchoMode(QLineEdit::Password);
    m_siteToken->setClearButtonEnabled(false);

    auto *caRow = new QWidget;
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_siteCaFile, 1);
    auto *browse = new QToolButton;
    browse->setObjectName(QStringLiteral("browseCaFile"));
    browse->setText(tr("Browse…"));
    connect(browse, &QToolButton::clicked, this, &EnvironmentPage::browseCaFile);
    caLayout->addWidget(browse);

    auto *tokenRow = new QWidget;
    auto *tokenLayout = new QHBoxLayout(tokenRow);
    tokenLayout->setContentsMargins(0, 0, 0, 0);
    tokenLayout->addWidget(m_siteToken, 1);
    m_showToken = new QToolButton;
    m_showToken->setObjectName(QStringLiteral("showToken"));
    m_showToken->setText(tr("Show"));
    m_showToken->setCheckable(true);
    m_showToken->setToolTip(tr("Show the token you are typing. A stored token is never shown."));
    connect(m_showToken, &QToolButton::toggled, this, [this](bool shown) {
        m_siteToken->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_showToken->setText(shown ? tr("Hide") : tr("Show"));
    });
    tokenLayout->addWidget(m_showToken);
    m_forgetToken = new QToolButton;
    m_forgetToken->setObjectName(QStringLiteral("forgetToken"));
    m_forgetToken->setText(tr("Forget"));
    m_forgetToken->setToolTip(tr("Remove the stored token of this site."));
    connect(m_forgetToken, &QToolButton::clicked, this, &EnvironmentPage::forgetToken);
    tokenLayout->addWidget(m_forgetToken);

    m_siteRefresh = new QSpinBox;
    m_siteRefresh->setObjectName(QStringLiteral("refreshSeconds"));
    m_siteRefresh->setRange(Environment::MinRefreshSeconds, Environment::MaxRefreshSeconds);
    m_siteRefresh->setSuffix(tr(" s"));
    m_siteRefresh->setToolTip(tr("How often the console asks the agent for changes (1 to 3600 seconds)."));
    connect(m_siteRefresh, &QSpinBox::valueChanged, this, &EnvironmentPage::formEdited);
    m_editors.insert(QStringLiteral("refreshSeconds"), m_siteRefresh);
    m_siteEnabled = new QCheckBox(tr("Watch this site (uncheck to leave it out of the dashboards)"));
    m_siteEnabled->setObjectName(QStringLiteral("enabled"));
    connect(m_siteEnabled, &QCheckBox::toggled, this, &EnvironmentPage::formEdited);

    addField(form, tr("&Id:"), m_siteId, QStringLiteral("id"));
    addField(form, tr("&Name:"), m_siteName, QStringLiteral("name"));
    addField(form, tr("Re&gion:"), m_siteRegion, QStringLiteral("region"));
    addField(form, tr("&City:"), m_siteCity, QStringLiteral("city"));
    addField(form, tr("Agent &URL:"), m_siteUrl, QStringLiteral("url"));
    addField(form, tr("&Pin:"), m_sitePin, QStringLiteral("pin"));
    addField(form, tr("CA &file:"), caRow, QStringLiteral("caFile"));
    addField(form, tr("&Token:"), tokenRow, QStringLiteral("token"));
    addField(form, tr("&Refresh every:"), m_siteRefresh, QStringLiteral("refreshSeconds"));
    form->addRow(QString(), m_siteEnabled);
    return page;
}

QWidget *EnvironmentPage::buildRegionForm()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setContentsMargins(0, 8, 0, 0);
    m_regionId = new QLineEdit;
    m_regionId->setObjectName(QStringLiteral("regionId"));
    m_regionId->setPlaceholderText(tr("e.g. east-china (a-z, 0-9 and -)"));
    m_regionName = new QLineEdit;
    m_regionName->setObjectName(QStringLiteral("regionName"));
    m_regionName->setPlaceholderText(tr("e.g. East China"));
    for (QLineEdit *edit : {m_regionId, m_regionName})
        connect(edit, &QLineEdit::textChanged, this, &EnvironmentPage::formEdited);
    m_editors.insert(QStringLiteral("region.id"), m_regionId);
    m_editors.insert(QStringLiteral("region.name"), m_regionName);
    addField(form, tr("&Id:"), m_regionId, QStringLiteral("region.id"));
    addField(form, tr("&Name:"), m_regionName, QStringLiteral("region.name"));
    return page;
}

void EnvironmentPage::setEnvironment(const Environment &environment)
{
    m_environment = environment;
    m_dirty = false;
    rebuildTree();
    showNothing();
}

void EnvironmentPage::rebuildTree(const QString &selectKind, const QString &selectId)
{
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    QHash<QString, QTreeWidgetItem *> regionItems;
    QTreeWidgetItem *toSelect = nullptr;
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const auto regionItem = [&](const QString &id, const QString &name) {
        auto *item = new QTreeWidgetItem(m_tree, {name.isEmpty() ? id : name});
        item->setData(0, KindRole, RegionKind);
        item->setData(0, IdRole, id);
        QFont font = item->font(0);
        font.setBold(true);
        item->setFont(0, font);
        item->setToolTip(0, tr("Region %1").arg(id));
        regionItems.insert(id, item);
        if (selectKind == RegionKind && selectId == id)
            toSelect = item;
        return item;
    };
    for (const Region &region : std::as_const(m_environment.regions))
        regionItem(region.id, region.name);
    for (const SiteEndpoint &site : std::as_const(m_environment.sites)) {
        QTreeWidgetItem *parent = regionItems.value(site.region);
        if (!parent)
            parent = regionItems.contains(QString()) ? regionItems.value(QString()) : regionItem({}, tr("(no region)"));
        const QString label = site.name == site.id || site.name.isEmpty()
            ? site.id
            : tr("%1 (%2)").arg(site.name, site.id);
        auto *item = new QTreeWidgetItem(parent, {label, site.url});
        item->setData(0, KindRole, SiteKind);
        item->setData(0, IdRole, site.id);
        const QList<FieldError> errors = m_environment.validateSite(site, site.id);
        if (!errors.isEmpty()) {
            item->setIcon(0, warning);
            item->setToolTip(0, describe(errors, 5).join(QLatin1Char('\n')));
        } else if (!site.enabled) {
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
            item->setToolTip(0, tr("Not watched"));
        }
        if (selectKind == SiteKind && selectId == site.id)
            toSelect = item;
    }
    m_tree->expandAll();
    if (toSelect)
        toSelect->setSelected(true);
    m_tree->resizeColumnToContents(0);
}

bool EnvironmentPage::confirmDiscard()
{
    if (!m_dirty)
        return true;
    const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                              tr("The form has changes that are not saved. Discard them?"),
                                              QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
    return answer == QMessageBox::Discard;
}

void EnvironmentPage::handleSelection()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (!confirmDiscard()) {
        // Put the selection back on what the form shows.
        const QSignalBlocker blocker(m_tree);
        m_tree->clearSelection();
        for (QTreeWidgetItem *item : m_tree->findItems(QStringLiteral("*"), Qt::MatchWildcard | Qt::MatchRecursive)) {
            const bool shown = item->data(0, IdRole).toString() == m_originalId
                && item->data(0, KindRole).toString() == (m_editing == Editing::Site ? SiteKind : RegionKind);
            item->setSelected(shown && !m_originalId.isEmpty());
        }
        return;
    }
    if (selected.isEmpty()) {
        showNothing();
        return;
    }
    const QString kind = selected.first()->data(0, KindRole).toString();
    const QString id = selected.first()->data(0, IdRole).toString();
    if (kind == SiteKind) {
        if (const SiteEndpoint *site = m_environment.site(id))
            showSite(*site, false);
    } else if (const Region *region = m_environment.region(id)) {
        showRegion(*region, false);
    } else {
        showNothing();
    }
}

bool EnvironmentPage::selectSite(const QString &id)
{
    if (!m_environment.site(id))
        return false;
    m_dirty = false;
    rebuildTree(SiteKind, id);
    handleSelection();
    return true;
}

bool EnvironmentPage::selectRegion(const QString &id)
{
    if (!m_environment.region(id))
        return false;
    m_dirty = false;
    rebuildTree(RegionKind, id);
    handleSelection();
    return true;
}

void EnvironmentPage::showNothing()
{
    m_editing = Editing::Nothing;
    m_originalId.clear();
    m_dirty = false;
    m_formTitle->setText(tr("Environment"));
    m_forms->setCurrentWidget(m_emptyForm);
    m_save->setVisible(false);
    m_revert->setVisible(false);
    if (m_environment.sites.isEmpty() && m_environment.regions.isEmpty())
        setHint(tr("No regions or sites yet. Add a region, then its sites, or import an environment file "
                   "(haven-agent --demo-fleet writes one for the demo)."));
    else
        setHint(tr("Regions: %1, sites: %2. Select one to edit it. Tokens are kept in the %3.")
                    .arg(m_environment.regions.size())
                    .arg(m_environment.sites.size())
                    .arg(m_secrets.backendName()));
    updateButtons();
}

void EnvironmentPage::showSite(const SiteEndpoint &site, bool isNew)
{
    m_editing = Editing::Site;
    m_originalId = isNew ? QString() : site.id;
    m_loadingForm = true;
    m_siteRegion->clear();
    for (const Region &region : std::as_const(m_environment.regions))
        m_siteRegion->addItem(tr("%1 (%2)").arg(region.name, region.id), region.id);
    if (!site.region.isEmpty() && m_siteRegion->findData(site.region) < 0)
        m_siteRegion->addItem(tr("%1 (missing)").arg(site.region), site.region);
    m_siteRegion->setCurrentIndex(m_siteRegion->findData(site.region));
    m_siteId->setText(site.id);
    m_siteName->setText(site.name);
    m_siteCity->setText(site.city);
    m_siteUrl->setText(site.url);
    m_sitePin->setText(site.pin);
    m_siteCaFile->setText(site.caFile);
    m_siteToken->clear();
    m_showToken->setChecked(false);
    m_siteRefresh->setValue(site.refreshSeconds);
    m_siteEnabled->setChecked(site.enabled);
    m_loadingForm = false;
    m_dirty = isNew;
    m_formTitle->setText(isNew ? tr("New site") : tr("Site %1").arg(site.id));
    m_forms->setCurrentWidget(m_siteForm);
    m_save->setVisible(true);
    m_revert->setVisible(true);
    m_tokenStored = false;
    refreshTokenState();
    formEdited();
    m_dirty = isNew;
    updateButtons();
}

void EnvironmentPage::showRegion(const Region &region, bool isNew)
{
    m_editing = Editing::Region;
    m_originalId = isNew ? QString() : region.id;
    m_loadingForm = true;
    m_regionId->setText(region.id);
    m_regionName->setText(region.name);
    m_loadingForm = false;
    m_formTitle->setText(isNew ? tr("New region") : tr("Region %1").arg(region.id));
    m_forms->setCurrentWidget(m_regionForm);
    m_save->setVisible(true);
    m_revert->setVisible(true);
    formEdited();
    m_dirty = isNew;
    updateButtons();
}

SiteEndpoint EnvironmentPage::siteFromForm() const
{
    SiteEndpoint site;
    if (const SiteEndpoint *original = m_environment.site(m_originalId))
        site = *original; // keeps what the form does not show (agentType)
    site.id = m_siteId->text().trimmed();
    site.name = m_siteName->text().trimmed();
    site.region = m_siteRegion->currentData().toString();
    site.city = m_siteCity->text().trimmed();
    site.url = m_siteUrl->text().trimmed();
    site.pin = m_sitePin->text().trimmed();
    site.caFile = m_siteCaFile->text().trimmed();
    site.refreshSeconds = m_siteRefresh->value();
    site.enabled = m_siteEnabled->isChecked();
    return site;
}

Region EnvironmentPage::regionFromForm() const
{
    return Region{m_regionId->text().trimmed(), m_regionName->text().trimmed()};
}

void EnvironmentPage::formEdited()
{
    if (m_loadingForm)
        return;
    m_dirty = true;
    QList<FieldError> errors;
    if (m_editing == Editing::Site) {
        errors = m_environment.validateSite(siteFromForm(), m_originalId);
    } else if (m_editing == Editing::Region) {
        errors = m_environment.validateRegion(regionFromForm(), m_originalId);
        for (FieldError &error : errors)
            error.field.prepend(QStringLiteral("region."));
    }
    showErrors(errors);
    if (!errors.isEmpty())
        setHint(tr("%n problem(s) to fix before saving. First: %1", nullptr, int(errors.size())).arg(errors.first().message),
                true);
    else if (m_editing == Editing::Site && m_originalId.isEmpty())
        setHint(tr("The site is ready to be added: press Save."));
    else
        setHint(tr("Everything is valid. Save applies the changes; Revert puts back the saved values."));
    updateButtons();
}

void EnvironmentPage::showErrors(const QList<FieldError> &errors)
{
    QHash<QString, QString> byField;
    for (const FieldError &error : errors) {
        if (!byField.contains(error.field))
            byField.insert(error.field, error.message);
    }
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString message = byField.value(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        QWidget *editor = m_editors.value(it.key());
        if (it.key() == QLatin1StringView("caFile"))
            editor = m_siteCaFile;
        if (editor && editor->property(InvalidProperty).toBool() != !message.isEmpty()) {
            editor->setProperty(InvalidProperty, !message.isEmpty());
            editor->style()->unpolish(editor);
            editor->style()->polish(editor);
        }
    }
}

void EnvironmentPage::setHint(const QString &text, bool problem)
{
    m_hint->setText(text);
    const bool dark = StatusColors::schemeFor(palette()) == ColorScheme::Dark;
    m_hint->setStyleSheet(problem ? QStringLiteral("color: %1;").arg(dark ? QStringLiteral("#ff9e8f") : QStringLiteral("#a4161a"))
                                  : QString());
}

void EnvironmentPage::refreshTokenState()
{
    if (m_editing != Editing::Site)
        return;
    const QString backend = m_secrets.backendName();
    if (m_originalId.isEmpty()) {
        m_tokenStored = false;
        m_siteToken->setPlaceholderText(tr("paste the agent's token (kept in the %1)").arg(backend));
        updateButtons();
        return;
    }
    const QString siteId = m_originalId;
    m_siteToken->setPlaceholderText(tr("checking the %1…").arg(backend));
    // Only whether a token exists is asked: a stored token is never put back in the field.
    m_secrets.contains(tokenKey(siteId), this, [this, siteId](bool stored) {
        if (m_editing != Editing::Site || m_originalId != siteId)
            return;
        m_tokenStored = stored;
        m_siteToken->setPlaceholderText(stored ? tr("•••• stored in the %1").arg(m_secrets.backendName())
                                               : tr("no token stored; paste the agent's token"));
        m_siteToken->setToolTip(stored ? tr("A token is stored. Type a new one to replace it; the stored one is "
                                            "never shown.")
                                       : QString());
        updateButtons();
    });
}

void EnvironmentPage::updateButtons()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    const QString kind = selected.isEmpty() ? QString() : selected.first()->data(0, KindRole).toString();
    m_remove->setEnabled(!kind.isEmpty() && !selected.first()->data(0, IdRole).toString().isEmpty());
    m_remove->setText(kind == RegionKind ? tr("Remove region…") : tr("Remove site…"));
    m_addSite->setEnabled(!m_environment.regions.isEmpty());
    m_addSite->setToolTip(m_environment.regions.isEmpty() ? tr("Add a region first: every site belongs to one.") : QString());
    m_export->setEnabled(!m_environment.regions.isEmpty() || !m_environment.sites.isEmpty());
    bool valid = false;
    if (m_editing == Editing::Site)
        valid = m_environment.validateSite(siteFromForm(), m_originalId).isEmpty();
    else if (m_editing == Editing::Region)
        valid = m_environment.validateRegion(regionFromForm(), m_originalId).isEmpty();
    m_save->setEnabled(valid && m_dirty);
    m_revert->setEnabled(m_dirty);
    m_forgetToken->setEnabled(m_tokenStored);
}

void EnvironmentPage::addSite()
{
    if (m_environment.regions.isEmpty() || !confirmDiscard())
        return;
    SiteEndpoint site;
    // A new site goes to the region that is selected, or that holds the selected site.
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (!selected.isEmpty()) {
        const QString id = selected.first()->data(0, IdRole).toString();
        if (selected.first()->data(0, KindRole).toString() == RegionKind)
            site.region = id;
        else if (const SiteEndpoint *other = m_environment.site(id))
            site.region = other->region;
    }
    if (site.region.isEmpty())
        site.region = m_environment.regions.first().id;
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clearSelection();
    }
    showSite(site, true);
    m_siteId->setFocus();
}

void EnvironmentPage::addRegion()
{
    if (!confirmDiscard())
        return;
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clearSelection();
    }
    showRegion(Region{}, true);
    m_regionId->setFocus();
}

void EnvironmentPage::removeSelected()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (selected.isEmpty())
        return;
    const QString kind = selected.first()->data(0, KindRole).toString();
    const QString id = selected.first()->data(0, IdRole).toString();
    if (kind == RegionKind) {
        const qsizetype users = std::count_if(m_environment.sites.cbegin(), m_environment.sites.cend(),
                                              [&](const SiteEndpoint &site) { return site.region == id; });
        if (users > 0) {
            QMessageBox::information(this, tr("Remove region"),
                                     tr("The region %1 still has %n site(s). Move them to another region or remove "
                                        "them first.", nullptr, int(users))
                                         .arg(id));
            return;
        }
        if (QMessageBox::question(this, tr("Remove region"), tr("Remove the region %1?").arg(id),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
            return;
        m_environment.regions.removeIf([&](const Region &region) { return region.id == id; });
    } else {
        if (QMessageBox::question(this, tr("Remove site"),
                                  tr("Remove the site %1? The console stops watching it and its stored token is "
                                     "deleted from the %2. The agent itself is not changed.")
                                      .arg(id, m_secrets.backendName()),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
            return;
        m_environment.sites.removeIf([&](const SiteEndpoint &site) { return site.id == id; });
        m_secrets.remove(tokenKey(id), this, [this, id](bool ok, const QString &error) {
            if (!ok)
                setHint(tr("The token of %1 could not be removed: %2").arg(id, error), true);
            Q_EMIT tokenChanged(id);
        });
    }
    m_dirty = false;
    rebuildTree();
    showNothing();
    Q_EMIT environmentChanged(m_environment);
}

void EnvironmentPage::save()
{
    if (m_editing == Editing::Site)
        saveSite();
    else if (m_editing == Editing::Region)
        saveRegion();
}

void EnvironmentPage::revert()
{
    if (m_editing == Editing::Site) {
        if (const SiteEndpoint *site = m_environment.site(m_originalId))
            showSite(*site, false);
        else
            showNothing();
    } else if (m_editing == Editing::Region) {
        if (const Region *region = m_environment.region(m_originalId))
            showRegion(*region, false);
        else
            showNothing();
    }
}

void EnvironmentPage::saveSite()
{
    const SiteEndpoint site = siteFromForm();
    if (!m_environment.validateSite(site, m_originalId).isEmpty())
        return;
    const QString originalId = m_originalId;
    if (originalId.isEmpty()) {
        m_environment.sites.append(site);
    } else {
        for (SiteEndpoint &each : m_environment.sites) {
            if (each.id == originalId)
                each = site;
        }
    }
    const QByteArray token = m_siteToken->text().toUtf8();
    m_siteToken->clear();
    if (!token.isEmpty()) {
        storeToken(site.id, token);
        if (!originalId.isEmpty() && originalId != site.id)
            m_secrets.remove(tokenKey(originalId), this, {});
    } else if (!originalId.isEmpty() && originalId != site.id) {
        moveToken(originalId, site.id);
    }
    m_dirty = false;
    rebuildTree(SiteKind, site.id);
    showSite(site, false);
    setHint(originalId.isEmpty() ? tr("Site %1 added.").arg(site.id) : tr("Site %1 saved.").arg(site.id));
    Q_EMIT environmentChanged(m_environment);
}

void EnvironmentPage::saveRegion()
{
    const Region region = regionFromForm();
    if (!m_environment.validateRegion(region, m_originalId).isEmpty())
        return;
    const QString originalId = m_originalId;
    if (originalId.isEmpty()) {
        m_environment.regions.append(region);
    } else {
        for (Region &each : m_environment.regions) {
            if (each.id == originalId)
                each = region;
        }
        // Renaming a region's id carries its sites along.
        for (SiteEndpoint &site : m_environment.sites) {
            if (site.region == originalId)
                site.region = region.id;
        }
    }
    m_dirty = false;
    rebuildTree(RegionKind, region.id);
    showRegion(region, false);
    setHint(originalId.isEmpty() ? tr("Region %1 added; now add its sites.").arg(region.id)
                                 : tr("Region %1 saved.").arg(region.id));
    Q_EMIT environmentChanged(m_environment);
}

void EnvironmentPage::storeToken(const QString &siteId, const QByteArray &token)
{
    m_secrets.write(tokenKey(siteId), token, this, [this, siteId](bool ok, const QString &error) {
        if (!ok) {
            setHint(tr("The token of %1 was not stored: %2").arg(siteId, error), true);
            return;
        }
        refreshTokenState();
        Q_EMIT tokenChanged(siteId);
    });
}

void EnvironmentPage::moveToken(const QString &fromId, const QString &toId)
{
    const QString from = tokenKey(fromId);
    m_secrets.read(from, this, [this, from, toId](const SecretStore::ReadResult &result) {
        if (!result.ok || !result.found)
            return;
        storeToken(toId, result.secret);
        m_secrets.remove(from, this, {});
    });
}

void EnvironmentPage::forgetToken()
{
    if (m_editing != Editing::Site || m_originalId.isEmpty())
        return;
    const QString siteId = m_originalId;
    if (QMessageBox::question(this, tr("Forget token"),
                              tr("Delete the stored token of %1? The console cannot reach its agent until a new "
                                 "token is entered.")
                                  .arg(siteId),
                              QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
        != QMessageBox::Yes)
        return;
    m_secrets.remove(tokenKey(siteId), this, [this, siteId](bool ok, const QString &error) {
        if (!ok)
            setHint(tr("The token of %1 could not be removed: %2").arg(siteId, error), true);
        refreshTokenState();
        Q_EMIT tokenChanged(siteId);
    });
}

void EnvironmentPage::browseCaFile()
{
    const QString start = m_siteCaFile->text().isEmpty() ? QDir::homePath() : QFileInfo(m_siteCaFile->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("CA certificate of the site's agent"), start,
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_siteCaFile->setText(QDir::toNativeSeparators(path));
}

bool EnvironmentPage::importFile(const QString &path, QString *error)
{
    QHash<QString, QByteArray> tokens;
    std::optional<Environment> imported = Environment::load(path, &tokens, error);
    if (!imported)
        return false;
    const QList<FieldError> problems = imported->validate();
    if (!problems.isEmpty()) {
        if (error)
            *error = tr("%1 has %n problem(s):", nullptr, int(problems.size())).arg(QDir::toNativeSeparators(path))
                + QLatin1Char('\n') + describe(problems, 8).join(QLatin1Char('\n'));
        return false;
    }
    applyImport(*imported, tokens);
    return true;
}

void EnvironmentPage::applyImport(const Environment &environment, const QHash<QString, QByteArray> &tokens)
{
    m_environment = environment;
    m_dirty = false;
    for (auto it = tokens.cbegin(); it != tokens.cend(); ++it)
        storeToken(it.key(), it.value());
    rebuildTree();
    showNothing();
    Q_EMIT environmentChanged(m_environment);
}

bool EnvironmentPage::exportFile(const QString &path, QString *error) const
{
    return m_environment.save(path, error);
}

void EnvironmentPage::importWithDialog()
{
    if (!confirmDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import environment"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
        tr("Environment or fleet files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QHash<QString, QByteArray> tokens;
    QString error;
    const std::optional<Environment> imported = Environment::load(path, &tokens, &error);
    const QList<FieldError> problems = imported ? imported->validate() : QList<FieldError>{};
    if (!imported || !problems.isEmpty()) {
        if (imported)
            error = describe(problems, 8).join(QLatin1Char('\n'));
        QMessageBox::warning(this, tr("Import environment"),
                             tr("%1 was not imported; the environment is unchanged.\n\n%2")
                                 .arg(QDir::toNativeSeparators(path), error));
        return;
    }
    if (!m_environment.sites.isEmpty() || !m_environment.regions.isEmpty()) {
        const QString question =
            tr("Replace the current environment with the %n site(s) of %1?", nullptr, int(imported->sites.size()))
                .arg(QFileInfo(path).fileName())
            + QStringLiteral("\n\n")
            + tr("%n token(s) from the file will be kept in the %1.", nullptr, int(tokens.size())).arg(m_secrets.backendName());
        if (QMessageBox::question(this, tr("Import environment"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                  QMessageBox::Cancel)
            != QMessageBox::Yes)
            return;
    }
    applyImport(*imported, tokens);
    setHint(tr("Imported %n site(s) from %1.", nullptr, int(imported->sites.size())).arg(QDir::toNativeSeparators(path)));
}

void EnvironmentPage::exportWithDialog()
{
    const QString start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                              .filePath(QStringLiteral("haven-environment.json"));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export environment (tokens are never exported)"), start,
                                                      tr("Environment files (*.json)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportFile(path, &error)) {
        QMessageBox::warning(this, tr("Export environment"), error);
        return;
    }
    setHint(tr("Exported %n site(s) to %1. The file holds no tokens: give them to the other console separately.",
               nullptr, int(m_environment.sites.size()))
                .arg(QDir::toNativeSeparators(path)));
}

} // namespace Haven
