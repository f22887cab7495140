#pragma once

#include "base/Clock.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>

class QTimer;

namespace parlo {

// Clock on QElapsedTimer and single-shot QTimers of the event loop of the thread that owns it.
class SystemClock : public QObject, public Clock {
    Q_OBJECT
public:
    explicit SystemClock(QObject *parent = nullptr);
    ~SystemClock() override;

    qint64 nowMs() const override;
    TimerId schedule(qint64 ms, std::function<void()> fn) override;
    void cancel(TimerId id) override;

private:
    QElapsedTimer m_elapsed;
    QHash<TimerId, QTimer *> m_timers;
    TimerId m_next = 1;
};

} // namespace parlo
