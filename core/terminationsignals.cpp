// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminationsignals.h"

#include <QSocketNotifier>
#include <QtGlobal>

#include <array>
#include <cerrno>
#include <csignal>

#include <sys/socket.h>
#include <unistd.h>

namespace Haven {

namespace {

constexpr std::array HandledSignals{SIGINT, SIGTERM, SIGHUP};

// [0] is written by the handler, [1] read on the event loop.
int s_socketPair[2] = {-1, -1};
std::array<struct sigaction, HandledSignals.size()> s_previousActions{};

void handleSignal(int signalNumber)
{
    const int savedErrno = errno; // write() may change it under the interrupted code
    const auto byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(s_socketPair[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

TerminationSignals::TerminationSignals(QObject *parent)
    : QObject(parent)
{
    Q_ASSERT_X(s_socketPair[0] == -1, "TerminationSignals", "only one instance per process");
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0, s_socketPair) != 0) {
        qWarning("TerminationSignals: socketpair() failed; Ctrl-C will not stop child processes cleanly");
        s_socketPair[0] = s_socketPair[1] = -1;
        return;
    }
    m_notifier = new QSocketNotifier(s_socketPair[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminationSignals::readPendingSignals);

    struct sigaction action = {};
    action.sa_handler = handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (std::size_t i = 0; i < HandledSignals.size(); ++i)
        ::sigaction(HandledSignals[i], &action, &s_previousActions[i]);
}

TerminationSignals::~TerminationSignals()
{
    if (s_socketPair[0] == -1)
        return;
    for (std::size_t i = 0; i < HandledSignals.size(); ++i)
        ::sigaction(HandledSignals[i], &s_previousActions[i], nullptr);
    delete m_notifier;
    ::close(s_socketPair[0]);
    ::close(s_socketPair[1]);
    s_socketPair[0] = s_socketPair[1] = -1;
}

void TerminationSignals::readPendingSignals()
{
    unsigned char byte = 0;
    while (::read(s_socketPair[1], &byte, 1) == 1)
        Q_EMIT terminationRequested(byte);
}

} // namespace Haven
