// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/environment/environment.h"

#include <QObject>
#include <QStringList>

class QTextStream;

namespace Haven {

class ConsoleSession;

// `haven --headless status`: asks every site once and prints its reachability and counts,
// for scripts and monitoring. Exit code 0 when every site answers, 3 when one does not,
// 2 when there is nothing to ask (no environment).
class HeadlessStatus final : public QObject
{
    Q_OBJECT
public:
    enum ExitCode { AllAnswer = 0, UsageError = 2, SomeUnreachable = 3 };

    HeadlessStatus(ConsoleSession &session, QTextStream &out, QObject *parent = nullptr);

    void setJson(bool json) { m_json = json; }
    // Asks every site of environment once; tokens missing from knownTokens come from the
    // secret store. finished(exitCode) follows from the event loop.
    void run(const Environment &environment, const QHash<QString, QByteArray> &knownTokens);

Q_SIGNALS:
    void finished(int exitCode);

private:
    void report();

    ConsoleSession &m_session;
    QTextStream &m_out;
    bool m_json = false;
};

} // namespace Haven
