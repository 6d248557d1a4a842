// SPDX-License-Identifier: GPL-3.0-or-later
// The Environment page's forms: building the site and region forms, filling them, reading them
// back, showing validation as the operator types, and the token field's state. The tree,
// selection, saving and files are in environmentpage.cpp.
#include "environmentpage.h"

#include "app/agents/secretstore.h"
#include "widgets/common/statuscolors.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace Haven {

namespace {

// Marks an editor whose value does not validate (drawn with a red frame by the page's style).
const char InvalidProperty[] = "havenInvalid";

} // namespace

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
    Region region;
    if (const Region *original = m_environment.region(m_originalId))
        region = *original; // keeps what the form does not show (its Prometheus)
    region.id = m_regionId->text().trimmed();
    region.name = m_regionName->text().trimmed();
    return region;
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
        setHint(tr("%n problem(s) to fix before saving. First: %1", nullptr, int(errors.size()))
                    .arg(errors.first().message),
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
    m_hint->setToolTip({});
    const bool dark = StatusColors::schemeFor(palette()) == ColorScheme::Dark;
    m_hint->setStyleSheet(
        problem ? QStringLiteral("color: %1;").arg(dark ? QStringLiteral("#ff9e8f") : QStringLiteral("#a4161a"))
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
    m_secrets.contains(SiteEndpoint::secretKeyFor(siteId), this, [this, siteId](bool stored) {
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

void EnvironmentPage::browseCaFile()
{
    const QString start = m_siteCaFile->text().isEmpty() ? QDir::homePath()
                                                         : QFileInfo(m_siteCaFile->text()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("CA certificate of the site's agent"), start,
                                                      tr("PEM certificates (*.pem *.crt);;All files (*)"));
    if (!path.isEmpty())
        m_siteCaFile->setText(QDir::toNativeSeparators(path));
}

} // namespace Haven
