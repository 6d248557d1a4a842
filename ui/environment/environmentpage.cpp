// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentpage.h"

#include "app/agents/secretstore.h"
#include "widgets/common/statuscolors.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
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
        const QString label = site.name == site.id || site.name.isEmpty() ? site.id
                                                                          : tr("%1 (%2)").arg(site.name, site.id);
        auto *item = new QTreeWidgetItem(parent, {label, site.url});
        item->setData(0, KindRole, SiteKind);
        item->setData(0, IdRole, site.id);
        const QList<FieldError> errors = m_environment.validateSite(site, site.id);
        if (!errors.isEmpty()) {
            item->setIcon(0, warning);
            item->setToolTip(0, describeFieldErrors(errors, 5).join(QLatin1Char('\n')));
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
                               && item->data(0, KindRole).toString()
                                      == (m_editing == Editing::Site ? SiteKind : RegionKind);
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

void EnvironmentPage::updateButtons()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    const QString kind = selected.isEmpty() ? QString() : selected.first()->data(0, KindRole).toString();
    m_remove->setEnabled(!kind.isEmpty() && !selected.first()->data(0, IdRole).toString().isEmpty());
    m_remove->setText(kind == RegionKind ? tr("Remove region…") : tr("Remove site…"));
    m_addSite->setEnabled(!m_environment.regions.isEmpty());
    m_addSite->setToolTip(m_environment.regions.isEmpty() ? tr("Add a region first: every site belongs to one.")
                                                          : QString());
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
                                        "them first.",
                                        nullptr, int(users))
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
        m_secrets.remove(SiteEndpoint::secretKeyFor(id), this, [this, id](bool ok, const QString &error) {
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
            m_secrets.remove(SiteEndpoint::secretKeyFor(originalId), this, {});
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
    m_secrets.write(SiteEndpoint::secretKeyFor(siteId), token, this, [this, siteId](bool ok, const QString &error) {
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
    const QString from = SiteEndpoint::secretKeyFor(fromId);
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
    m_secrets.remove(SiteEndpoint::secretKeyFor(siteId), this, [this, siteId](bool ok, const QString &error) {
        if (!ok)
            setHint(tr("The token of %1 could not be removed: %2").arg(siteId, error), true);
        refreshTokenState();
        Q_EMIT tokenChanged(siteId);
    });
}

bool EnvironmentPage::importFile(const QString &path, QString *error)
{
    QHash<QString, QByteArray> tokens;
    const std::optional<Environment> imported = Environment::loadValid(path, &tokens, error);
    if (!imported)
        return false;
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

QString EnvironmentPage::hintText() const
{
    return m_hint->text();
}

void EnvironmentPage::showProblem(const QString &text, const QString &details)
{
    setHint(text, true);
    m_hint->setToolTip(details);
}

void EnvironmentPage::importWithDialog()
{
    if (!confirmDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(this, tr("Import environment"),
                                                      QStandardPaths::writableLocation(
                                                          QStandardPaths::DocumentsLocation),
                                                      tr("Environment or fleet files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QHash<QString, QByteArray> tokens;
    QString error;
    const std::optional<Environment> imported = Environment::load(path, &tokens, &error);
    const QList<FieldError> problems = imported ? imported->validate() : QList<FieldError>{};
    if (!imported || !problems.isEmpty()) {
        if (imported)
            error = describeFieldErrors(problems, 8).join(QLatin1Char('\n'));
        QMessageBox::warning(this, tr("Import environment"),
                             tr("%1 was not imported; the environment is unchanged.\n\n%2")
                                 .arg(QDir::toNativeSeparators(path), error));
        return;
    }
    if (!m_environment.sites.isEmpty() || !m_environment.regions.isEmpty()) {
        const QString question = tr("Replace the current environment with the %n site(s) of %1?", nullptr,
                                    int(imported->sites.size()))
                                     .arg(QFileInfo(path).fileName())
                                 + QStringLiteral("\n\n")
                                 + tr("%n token(s) from the file will be kept in the %1.", nullptr, int(tokens.size()))
                                       .arg(m_secrets.backendName());
        if (QMessageBox::question(this, tr("Import environment"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                  QMessageBox::Cancel)
            != QMessageBox::Yes)
            return;
    }
    applyImport(*imported, tokens);
    setHint(
        tr("Imported %n site(s) from %1.", nullptr, int(imported->sites.size())).arg(QDir::toNativeSeparators(path)));
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
