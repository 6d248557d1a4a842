// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonfields.h"

#include <cmath>

namespace Haven {

JsonFields::JsonFields(const QJsonObject &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{ }

QString JsonFields::pathOf(const QString &key) const
{
    return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key;
}

void JsonFields::fail(const QString &key, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = pathOf(key) + QStringLiteral(": ") + problem;
}

bool JsonFields::present(const QString &key)
{
    if (!ok())
        return false;
    if (m_object.contains(key) && !m_object.value(key).isNull())
        return true;
    fail(key, QStringLiteral("missing"));
    return false;
}

QString JsonFields::requiredString(const QString &key)
{
    if (!present(key))
        return {};
    const QJsonValue value = m_object.value(key);
    if (!value.isString()) {
        fail(key, QStringLiteral("expected a string"));
        return {};
    }
    return value.toString();
}

QString JsonFields::optionalString(const QString &key, const QString &fallback)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return fallback;
    return requiredString(key);
}

double JsonFields::requiredNumber(const QString &key)
{
    if (!present(key))
        return 0;
    const QJsonValue value = m_object.value(key);
    if (!value.isDouble() || !std::isfinite(value.toDouble())) {
        fail(key, QStringLiteral("expected a number"));
        return 0;
    }
    return value.toDouble();
}

double JsonFields::optionalNumber(const QString &key, double fallback)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return fallback;
    return requiredNumber(key);
}

qint64 JsonFields::requiredInteger(const QString &key)
{
    const double number = requiredNumber(key);
    if (!ok())
        return 0;
    if (std::trunc(number) != number || std::abs(number) > 9007199254740992.0) {
        fail(key, QStringLiteral("expected an integer"));
        return 0;
    }
    return static_cast<qint64>(number);
}

qint64 JsonFields::optionalInteger(const QString &key, qint64 fallback)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return fallback;
    return requiredInteger(key);
}

int JsonFields::boundedInteger(const QString &key, std::optional<int> fallback, int minimum, int maximum)
{
    const qint64 value = fallback ? optionalInteger(key, *fallback) : requiredInteger(key);
    if (ok() && (value < minimum || value > maximum))
        fail(key, QStringLiteral("expected %1 to %2, got %3").arg(minimum).arg(maximum).arg(value));
    return static_cast<int>(value);
}

bool JsonFields::optionalBool(const QString &key, bool fallback)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return fallback;
    const QJsonValue value = m_object.value(key);
    if (!value.isBool()) {
        fail(key, QStringLiteral("expected true or false"));
        return fallback;
    }
    return value.toBool();
}

QJsonObject JsonFields::optionalObject(const QString &key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return {};
    return requiredObject(key);
}

QJsonArray JsonFields::optionalArray(const QString &key)
{
    if (!m_object.contains(key) || m_object.value(key).isNull())
        return {};
    return requiredArray(key);
}

QJsonObject JsonFields::requiredObject(const QString &key)
{
    if (!present(key))
        return {};
    const QJsonValue value = m_object.value(key);
    if (!value.isObject()) {
        fail(key, QStringLiteral("expected an object"));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonFields::requiredArray(const QString &key)
{
    if (!present(key))
        return {};
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, QStringLiteral("expected an array"));
        return {};
    }
    return value.toArray();
}

} // namespace Haven
