#pragma once

#include "base/Clock.h"

#include <map>
#include <utility>

namespace parlo {

// A clock that only moves when told to. For table-driven tests of timer-driven state machines.
class ManualClock : public Clock {
public:
    qint64 nowMs() const override { return m_now; }
    TimerId schedule(qint64 ms, std::function<void()> fn) override;
    void cancel(TimerId id) override;

    // Moves time forward by ms, firing every due timer in deadline order (timers scheduled by a
    // callback fire too if they fall due within the same advance).
    void advance(qint64 ms);
    // Number of timers still pending.
    int pending() const { return int(m_timers.size()); }
    // Deadline of the earliest pending timer, or -1.
    qint64 nextDeadline() const;

private:
    // (deadline, id) keeps same-deadline timers in scheduling order.
    std::map<std::pair<qint64, TimerId>, std::function<void()>> m_timers;
    qint64 m_now = 0;
    TimerId m_next = 1;
};

} // namespace parlo
