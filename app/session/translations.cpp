// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace Haven {

namespace {
bool install(QCoreApplication &app, const QLocale &locale, const QString &catalogue, const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (translator->load(locale, catalogue, QStringLiteral("_"), directory)
        && QCoreApplication::installTranslator(translator))
        return true;
    delete translator;
    return false;
}
} // namespace

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Qt's strings (--help, standard dialogs) come from the system's Qt translations, if present.
    install(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return install(app, locale, QStringLiteral("haven"), QStringLiteral(":/i18n"));
}

} // namespace Haven
