// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectioncatalog.h"

#include "core/jsonfields.h"
#include "protocol/inspections.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace Haven {

std::optional<InspectionCatalog> InspectionCatalog::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the inspection catalog: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1: not a JSON object (%2)").arg(path, parseError.errorString());
        return std::nullopt;
    }
    QString problem;
    std::optional<InspectionCatalog> catalog = fromJson(document.object(), QFileInfo(path).absolutePath(), &problem);
    if (!catalog)
        *error = QStringLiteral("%1: %2").arg(path, problem);
    return catalog;
}

std::optional<InspectionCatalog> InspectionCatalog::fromJson(const QJsonObject &json, const QString &baseDir,
                                                             QString *error)
{
    JsonFields f(json);
    if (f.requiredString(QStringLiteral("format")) != QLatin1StringView("haven-inspection-catalog") && f.ok())
        f.fail(QStringLiteral("format"), QStringLiteral("expected \"haven-inspection-catalog\""));
    f.boundedInteger(QStringLiteral("version"), std::nullopt, 1, 1);
    const QJsonArray entries = f.requiredArray(QStringLiteral("entries"));
    InspectionCatalog catalog;
    const QDir base(baseDir);
    for (qsizetype i = 0; f.ok() && i < entries.size(); ++i) {
        JsonFields e(entries.at(i).toObject(), QStringLiteral("entries[%1]").arg(i));
        Entry entry;
        entry.name = e.requiredString(QStringLiteral("name"));
        if (e.ok() && !isInspectionId(entry.name))
            e.fail(QStringLiteral("name"), QStringLiteral("expected 1 to 64 of A-Z a-z 0-9 . _ -"));
        if (e.ok() && catalog.entry(entry.name))
            e.fail(QStringLiteral("name"), QStringLiteral("\"%1\" is listed twice").arg(entry.name));
        entry.description = e.optionalString(QStringLiteral("description"));
        const QString program = e.requiredString(QStringLiteral("program"));
        entry.program = program.isEmpty() ? program : QDir::cleanPath(base.absoluteFilePath(program));
        const QJsonArray arguments = e.optionalArray(QStringLiteral("arguments"));
        for (const QJsonValue &argument : arguments)
            entry.arguments.append(argument.toString());
        entry.parameters = e.optionalObject(QStringLiteral("parameters"));
        if (e.ok() && !QFileInfo(entry.program).isExecutable())
            e.fail(QStringLiteral("program"), QStringLiteral("%1 is not an executable file").arg(entry.program));
        if (!e.ok()) {
            *error = e.error();
            return std::nullopt;
        }
        catalog.m_entries.append(entry);
    }
    if (!f.ok()) {
        *error = f.error();
        return std::nullopt;
    }
    return catalog;
}

const InspectionCatalog::Entry *InspectionCatalog::entry(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.name == name)
            return &entry;
    }
    return nullptr;
}

QJsonObject InspectionCatalog::toJson() const
{
    QJsonArray entries;
    for (const Entry &entry : m_entries)
        entries.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                   {QStringLiteral("description"), entry.description},
                                   {QStringLiteral("parameters"), entry.parameters}});
    return {{QStringLiteral("entries"), entries}};
}

} // namespace Haven
