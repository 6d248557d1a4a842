// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QTest>

namespace Haven::Test {

// Spins the event loop until predicate() holds; false on timeout.
template<typename Predicate>
bool waitUntil(Predicate predicate, int timeoutMs, int pollMs = 20)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!predicate()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(pollMs);
    }
    return true;
}

} // namespace Haven::Test
