// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

namespace Haven {

// Installs Qt's own catalogue and Haven's (embedded under :/i18n by translations/) for the
// first of locale's UI languages that has one. Returns whether Haven's catalogue was found;
// English, the source language, needs none.
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace Haven
