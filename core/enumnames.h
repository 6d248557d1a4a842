// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The protocol's and the plan format's words for enum values, kept in one table per enum so
// that writing and reading a name can never disagree.

#include <QLatin1StringView>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace Haven {

template<typename Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, QLatin1StringView>, N>;

template<typename Enum, std::size_t N>
QString nameOf(const EnumNames<Enum, N> &table, Enum value)
{
    for (const auto &[entry, name] : table) {
        if (entry == value)
            return name;
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const EnumNames<Enum, N> &table, QStringView text)
{
    for (const auto &[entry, name] : table) {
        if (text == name)
            return entry;
    }
    return std::nullopt;
}

// "a | b | c", for error messages.
template<typename Enum, std::size_t N>
QString allowedNames(const EnumNames<Enum, N> &table)
{
    QStringList names;
    for (const auto &entry : table)
        names.append(entry.second);
    return names.join(QStringLiteral(" | "));
}

} // namespace Haven
