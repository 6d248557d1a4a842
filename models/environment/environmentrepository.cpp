// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentrepository.h"

#include "models/store/storedjson.h"

namespace Haven {

FeatureSchema EnvironmentRepository::schema()
{
    // Version 1 is the table as it was before the features had their own schemas: IF NOT EXISTS
    // lets a database from then adopt it unchanged.
    return {QStringLiteral("environment"), {R"(CREATE TABLE IF NOT EXISTS environment (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    document TEXT NOT NULL,
                    updated_ms INTEGER NOT NULL);)"}};
}

EnvironmentRepository::EnvironmentRepository(LocalStore &store)
    : m_store(store)
{ }

bool EnvironmentRepository::save(const Environment &environment)
{
    const QByteArray document = StoredJson::compact(environment.toJson());
    return m_store.write([&] {
        SqliteStatement upsert(m_store.database(),
                               "INSERT OR REPLACE INTO environment (id, document, updated_ms) VALUES (1, ?, ?)");
        return upsert.bind(1, document).bind(2, QDateTime::currentMSecsSinceEpoch()).run();
    });
}

std::optional<Environment> EnvironmentRepository::load()
{
    SqliteStatement select(m_store.database(), "SELECT document FROM environment WHERE id = 1");
    if (!select.next())
        return std::nullopt;
    const std::optional<QJsonObject> json = StoredJson::object(select.blob(0));
    QString error;
    std::optional<Environment> environment = json ? Environment::fromJson(*json, nullptr, &error) : std::nullopt;
    if (!environment)
        qCWarning(lcStore) << "the cached environment cannot be read:" << (json ? error : QStringLiteral("not JSON"));
    return environment;
}

} // namespace Haven
