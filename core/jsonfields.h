// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Haven {

// Reads fields of a JSON object and remembers the first problem with its path,
// so that a caller can report "components[3].layer: expected one of ..." and stop.
class JsonFields final
{
public:
    explicit JsonFields(const QJsonObject &object, QString path = {});

    QString requiredString(const QString &key);
    QString optionalString(const QString &key, const QString &fallback = {});
    double requiredNumber(const QString &key);
    double optionalNumber(const QString &key, double fallback);
    qint64 requiredInteger(const QString &key);
    qint64 optionalInteger(const QString &key, qint64 fallback);
    // An integer in [minimum, maximum]; required when fallback is empty.
    int boundedInteger(const QString &key, std::optional<int> fallback, int minimum, int maximum);
    bool optionalBool(const QString &key, bool fallback);
    QJsonObject optionalObject(const QString &key);
    QJsonArray optionalArray(const QString &key);
    QJsonObject requiredObject(const QString &key);
    QJsonArray requiredArray(const QString &key);

    // A string that must be one of the names parse() accepts.
    template<typename Enum, typename Parse>
    Enum requiredEnum(const QString &key, Parse parse, const QString &allowed)
    {
        const QString text = requiredString(key);
        if (!ok())
            return Enum{};
        if (const std::optional<Enum> value = parse(text))
            return *value;
        fail(key, QStringLiteral("expected one of %1, got \"%2\"").arg(allowed, text));
        return Enum{};
    }

    void fail(const QString &key, const QString &problem);
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString pathOf(const QString &key) const;
    const QJsonObject &object() const { return m_object; }

private:
    bool present(const QString &key);

    QJsonObject m_object;
    QString m_path;
    QString m_error;
};

} // namespace Haven
