#pragma once

#include <QtGlobal>
#include <functional>

namespace parlo {

// Time and timers for the protocol state machines. Injected so that tests drive the transaction and
// registration timers with ManualClock instead of sleeping.
class Clock {
public:
    using TimerId = quint64;

    virtual ~Clock() = default;

    // Monotonic milliseconds.
    virtual qint64 nowMs() const = 0;
    // Calls fn once after ms milliseconds unless cancelled first. Never calls fn synchronously.
    virtual TimerId schedule(qint64 ms, std::function<void()> fn) = 0;
    // Cancelling an unknown or already fired id is a no-op.
    virtual void cancel(TimerId id) = 0;

    // The process-wide clock backed by Qt timers on the calling thread's event loop.
    static Clock *system();
};

} // namespace parlo
