#pragma once

#include "sip/message/SipParams.h"

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace parlo::sip {

// RFC 3891 Replaces header value: the dialog a new INVITE takes over. Tags are seen from the
// UA that receives the INVITE: to-tag is its local tag, from-tag its remote tag.
class Replaces {
public:
    Replaces() = default;
    Replaces(QByteArray callId, QByteArray toTag, QByteArray fromTag, bool earlyOnly = false)
        : m_callId(std::move(callId))
        , m_toTag(std::move(toTag))
        , m_fromTag(std::move(fromTag))
        , m_earlyOnly(earlyOnly) {}

    // "callid;to-tag=a;from-tag=b[;early-only]"; nullopt without Call-ID, to-tag or from-tag.
    static std::optional<Replaces> parse(QByteArrayView text);

    QByteArray callId() const { return m_callId; }
    QByteArray toTag() const { return m_toTag; }
    QByteArray fromTag() const { return m_fromTag; }
    bool earlyOnly() const { return m_earlyOnly; }
    void setEarlyOnly(bool on) { m_earlyOnly = on; }
    // Parameters other than to-tag, from-tag and early-only, kept for the round trip.
    const SipParams &otherParams() const { return m_other; }

    QByteArray toString() const;
    bool operator==(const Replaces &) const = default;

private:
    QByteArray m_callId, m_toTag, m_fromTag;
    bool m_earlyOnly = false;
    SipParams m_other;
};

} // namespace parlo::sip
