#pragma once

#include "sip/dialog/SessionError.h"

#include <QByteArray>
#include <variant>

namespace parlo::sip {

// An opaque message body with its content type: the INVITE session does not look into SDP.
struct SessionBody {
    QByteArray contentType;
    QByteArray data;
    bool isEmpty() const { return data.isEmpty(); }
    bool operator==(const SessionBody &) const = default;
};

// The offer/answer model (RFC 3264) as the INVITE session needs it; the call layer implements it
// with SDP. Called synchronously on the signalling thread.
class InviteSessionHandler {
public:
    virtual ~InviteSessionHandler() = default;
    // A new offer for an INVITE, re-INVITE (hold/resume) or for a 2xx to an offer-less INVITE.
    virtual SessionBody makeOffer() = 0;
    // The remote side's offer; the answer, or why it cannot be accepted (-> 488 with Warning).
    virtual std::variant<SessionBody, SessionError> answerOffer(const SessionBody &offer) = 0;
    // The remote side's answer to our offer (also an early answer in a 183). Returns false when it
    // is unusable; the session then ends the call.
    virtual bool takeAnswer(const SessionBody &answer) = 0;
};

} // namespace parlo::sip
