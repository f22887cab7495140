#pragma once

#include "sdp/MediaCapabilities.h"
#include "sdp/NegotiatedMedia.h"
#include "sdp/NegotiationError.h"
#include "sdp/SessionDescription.h"

#include <optional>
#include <variant>

namespace parlo::sdp {

// RFC 3264 offer/answer for one call's audio, on our side. Keeps our o= line (session id, version)
// and the offer we are waiting on an answer for. A value type: no signals, the call drives it.
//
//   OfferAnswer oa(caps);
//   auto offer = oa.createOffer();             // -> INVITE body
//   auto r = oa.processAnswer(answerSdp);      // NegotiatedMedia or NegotiationError
//   auto hold = oa.createOffer(Direction::SendOnly);  // re-INVITE, o= version + 1
class OfferAnswer {
public:
    enum class State {
        Idle,      // nothing negotiated yet
        OfferSent, // createOffer() called, waiting for processAnswer()
        Stable,    // an exchange completed
    };
    struct Answer {
        SessionDescription sdp;
        NegotiatedMedia media;
    };

    explicit OfferAnswer(MediaCapabilities capabilities);

    const MediaCapabilities &capabilities() const { return m_caps; }
    State state() const { return m_state; }
    // The media agreed by the last completed exchange.
    std::optional<NegotiatedMedia> negotiated() const { return m_negotiated; }
    quint64 sessionVersion() const { return m_origin.sessionVersion; }

    // An offer (initial or re-offer) with `direction`: sendrecv, or sendonly / inactive for hold.
    SessionDescription createOffer(std::optional<Direction> direction = std::nullopt);
    // Answer a remote offer. `direction` is what we want (defaults to the capabilities').
    std::variant<Answer, NegotiationError> answerOffer(const SessionDescription &offer,
                                                       std::optional<Direction> direction = std::nullopt);
    // Check the answer to our pending offer and take its result.
    std::variant<NegotiatedMedia, NegotiationError> processAnswer(const SessionDescription &answer);
    // The offer was refused (error response) or withdrawn: back to the previous state.
    void rollback();

private:
    SessionDescription newDescription() const;
    void finalize(SessionDescription &sd);
    std::optional<CryptoAttribute> ourCrypto(CryptoAttribute::Suite suite) const;

    MediaCapabilities m_caps;
    Origin m_origin;
    std::optional<SessionDescription> m_lastSent; // to bump the version only when something changed
    std::optional<SessionDescription> m_pendingOffer;
    std::optional<NegotiatedMedia> m_negotiated;
    State m_state = State::Idle;
};

} // namespace parlo::sdp
