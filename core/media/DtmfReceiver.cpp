#include "media/DtmfReceiver.h"

namespace parlo::media {

DtmfReceiver::Digit DtmfReceiver::digitFor(uint32_t timestamp, const TelephoneEvent &event) const {
    return Digit{TelephoneEvent::digitForEvent(event.event),
                 int(int64_t(event.duration) * 1000 / m_clockRate), timestamp};
}

QList<DtmfReceiver::Digit> DtmfReceiver::onPacket(uint32_t timestamp, const TelephoneEvent &event) {
    QList<Digit> out;
    if (event.event > 15)
        return out; // not DTMF (fax tones, flash …)
    if (m_haveLast && timestamp != m_timestamp) {
        // A packet of an older event (reordered or retransmitted late) is ignored.
        if (int32_t(timestamp - m_timestamp) < 0)
            return out;
        if (m_active)
            out.append(digitFor(m_timestamp, m_event)); // its end packets were lost
        m_active = false;
    }
    if (!m_haveLast || timestamp != m_timestamp) {
        m_haveLast = true;
        m_timestamp = timestamp;
        m_active = true;
        m_event = event;
    } else if (!m_active) {
        return out; // a retransmitted end packet of a digit already reported
    } else if (event.duration >= m_event.duration) {
        m_event = event;
    }
    if (event.end) {
        m_event.end = true;
        m_event.duration = qMax(m_event.duration, event.duration);
        out.append(digitFor(m_timestamp, m_event));
        m_active = false;
    }
    return out;
}

QList<DtmfReceiver::Digit> DtmfReceiver::flush() {
    if (!m_active)
        return {};
    m_active = false;
    return {digitFor(m_timestamp, m_event)};
}

} // namespace parlo::media
