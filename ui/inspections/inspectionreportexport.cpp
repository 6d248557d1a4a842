// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectionreportexport.h"

#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include <functional>

namespace Haven {

namespace {

bool writeWhole(const QString &path, QString *error, const std::function<void(QSaveFile &)> &write)
{
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) && (write(file), file.error() == QFileDevice::NoError)
                    && file.size() > 0 && file.commit();
    if (!ok && error) {
        *error = InspectionReportExport::tr("The report could not be written to %1 (%2). Nothing was saved there; "
                                            "choose another place or free some room.")
                     .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), file.errorString());
    }
    return ok;
}

} // namespace

bool InspectionReportExport::writeHtml(const InspectionReport &report, const QString &path, QString *error)
{
    return writeWhole(path, error, [&](QSaveFile &file) { file.write(report.html().toUtf8()); });
}

bool InspectionReportExport::writePdf(const InspectionReport &report, const QString &path, QString *error)
{
    return writeWhole(path, error, [&](QSaveFile &file) {
        QPdfWriter writer(&file);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);
        writer.setTitle(report.title());
        writer.setCreator(QStringLiteral("Haven"));
        QTextDocument document;
        QFont font(QStringLiteral("DejaVu Sans"));
        font.setPointSizeF(9);
        document.setDefaultFont(font);
        document.setHtml(report.html(true));
        document.print(&writer);
    });
}

} // namespace Haven
