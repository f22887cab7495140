#include "base/SystemClock.h"

#include <QTimer>

#include <algorithm>
#include <limits>

namespace parlo {

SystemClock::SystemClock(QObject *parent)
    : QObject(parent) {
    m_elapsed.start();
}

SystemClock::~SystemClock() {
    qDeleteAll(m_timers);
}

qint64 SystemClock::nowMs() const {
    return m_elapsed.elapsed();
}

Clock::TimerId SystemClock::schedule(qint64 ms, std::function<void()> fn) {
    const TimerId id = m_next++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer);
    connect(timer, &QTimer::timeout, this, [this, id, fn = std::move(fn)]() {
        if (QTimer *t = m_timers.take(id))
            t->deleteLater();
        fn();
    });
    m_timers.insert(id, timer);
    timer->start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
    return id;
}

void SystemClock::cancel(TimerId id) {
    if (QTimer *t = m_timers.take(id)) {
        t->stop();
        t->deleteLater();
    }
}

Clock *Clock::system() {
    // One per thread: QTimers must live on the thread whose event loop fires them.
    static thread_local SystemClock *clock = new SystemClock;
    return clock;
}

} // namespace parlo
