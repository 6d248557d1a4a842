// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace Haven::Test {

// One header of a raw response header block (HttpResult::headers); empty when absent.
inline QByteArray headerValue(const QByteArray &headers, const QByteArray &lowerCaseName)
{
    const QList<QByteArray> lines = headers.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == lowerCaseName)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace Haven::Test
