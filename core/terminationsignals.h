// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QSocketNotifier;

namespace Haven {

// Delivers SIGINT, SIGTERM and SIGHUP as a Qt signal on the event loop, so that Ctrl-C can stop
// child processes cleanly. The handler only writes the signal number to a socket pair (Qt's
// "calling Qt functions from Unix signal handlers" pattern). One instance per process.
class TerminationSignals final : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override; // restores the previous handlers

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    void readPendingSignals();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Haven
