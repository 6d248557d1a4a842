// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the libFuzzer harnesses (fuzz/README.md). A harness aborts on a broken property,
// so that libFuzzer records the input as a crash, as it does for a sanitizer's finding.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>
#include <optional>

namespace Haven::Fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input as a JSON object, or nothing when it is not one (most mutations are not).
inline std::optional<QJsonObject> jsonObject(const uint8_t *data, size_t size)
{
    const QJsonDocument document = QJsonDocument::fromJson(bytes(data, size));
    if (!document.isObject())
        return std::nullopt;
    return document.object();
}

// Runs check on the input when it is a JSON object; libFuzzer's return value.
template<typename Check>
int onJsonObject(const uint8_t *data, size_t size, Check check)
{
    if (const std::optional<QJsonObject> json = jsonObject(data, size))
        check(*json);
    return 0;
}

[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "property broken: %s\n", what);
    std::abort();
}

inline void require(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

} // namespace Haven::Fuzz
