#include "base/ManualClock.h"

namespace parlo {

Clock::TimerId ManualClock::schedule(qint64 ms, std::function<void()> fn) {
    const TimerId id = m_next++;
    m_timers.emplace(std::make_pair(m_now + qMax<qint64>(0, ms), id), std::move(fn));
    return id;
}

void ManualClock::cancel(TimerId id) {
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it) {
        if (it->first.second == id) {
            m_timers.erase(it);
            return;
        }
    }
}

void ManualClock::advance(qint64 ms) {
    const qint64 target = m_now + ms;
    while (!m_timers.empty() && m_timers.begin()->first.first <= target) {
        auto it = m_timers.begin();
        m_now = it->first.first;
        auto fn = std::move(it->second);
        m_timers.erase(it);
        fn();
    }
    m_now = target;
}

qint64 ManualClock::nextDeadline() const {
    return m_timers.empty() ? -1 : m_timers.begin()->first.first;
}

} // namespace parlo
