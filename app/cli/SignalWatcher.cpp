#include "SignalWatcher.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int g_fds[2] = {-1, -1};

void onSignal(int sig) {
    const char c = char(sig);
    // Only async-signal-safe calls here.
    [[maybe_unused]] auto n = ::write(g_fds[0], &c, 1);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent)
    : QObject(parent) {
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(g_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this]() {
        char c = 0;
        if (::read(g_fds[1], &c, 1) == 1)
            Q_EMIT terminationRequested(int(c));
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

SignalWatcher::~SignalWatcher() {
    // The handler stays: the process is about to exit, and a signal arriving now must not kill it
    // with the default action (timeout(1) sends SIGINT/SIGTERM to the child and again to its process
    // group, so a second copy often lands during shutdown). It writes to -1 from here on (EBADF).
    const int a = g_fds[0], b = g_fds[1];
    g_fds[0] = g_fds[1] = -1;
    if (a >= 0) {
        ::close(a);
        ::close(b);
    }
}
