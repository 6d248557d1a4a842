// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace Haven {

// The checks a site's operators installed (docs/inspections.md, "Catalog"): each name runs one
// executable with fixed arguments; a console only chooses the entry and its parameters, which
// are checked against the entry's schema. Nothing a console sends becomes code.
class InspectionCatalog final
{
public:
    struct Entry
    {
        QString name;
        QString description;
        QString program; // absolute
        QStringList arguments;
        QJsonObject parameters; // schema, see validateParameters()
    };

    // nullopt with *error naming the file and the field when the catalog cannot be used.
    static std::optional<InspectionCatalog> load(const QString &path, QString *error);
    static std::optional<InspectionCatalog> fromJson(const QJsonObject &json, const QString &baseDir, QString *error);

    const Entry *entry(const QString &name) const;
    const QList<Entry> &entries() const { return m_entries; }
    QJsonObject toJson() const; // name, description and schema of each entry; no paths

private:
    QList<Entry> m_entries;
};

} // namespace Haven
