#include "sdp/OfferAnswer.h"

#include "sdp/SdpLogging.h"

#include <QRandomGenerator>
#include <algorithm>

namespace parlo::sdp {

namespace {

constexpr QByteArrayView kAvp = "RTP/AVP";
constexpr QByteArrayView kSavp = "RTP/SAVP";

bool isAudio(const MediaDescription &m) {
    return m.media == "audio";
}

// The peer's direction with RFC 2543 hold (c=0.0.0.0) folded in: such a peer does not receive.
Direction offeredDirection(const SessionDescription &sd, int index) {
    Direction d = sd.direction(index);
    const auto c = sd.connectionFor(index);
    if (c && c->isUnspecified()) {
        if (d == Direction::SendRecv)
            d = Direction::SendOnly;
        else if (d == Direction::RecvOnly)
            d = Direction::Inactive;
    }
    return d;
}

Codec codecFrom(const RtpMap &map, const MediaDescription &m) {
    return Codec{map.payloadType, map.encodingName, map.clockRate, map.channels,
                 m.fmtp(map.payloadType).value_or(QByteArray())};
}

void addCodecAttributes(MediaDescription &m, const QList<Codec> &codecs) {
    for (const Codec &c : codecs) {
        m.formats.append(QByteArray::number(c.payloadType));
        m.addAttribute(Attribute::withValue("rtpmap", c.rtpMap().toString()));
        if (!c.fmtp.isEmpty())
            m.addAttribute(Attribute::withValue("fmtp", QByteArray::number(c.payloadType) + ' ' + c.fmtp));
    }
}

std::optional<NegotiationError> remoteEndpoint(const SessionDescription &sd, int index,
                                               NegotiatedMedia &out) {
    const auto c = sd.connectionFor(index);
    if (!c)
        return NegotiationError{NegotiationError::Code::Malformed, index};
    out.remoteAddress = c->hostAddress();
    const MediaDescription &m = sd.media[index];
    out.remotePort = m.port;
    out.remoteRtcpPort = m.rtcpPort().value_or(quint16(m.port + 1));
    return std::nullopt;
}

void pickTelephoneEvent(NegotiatedMedia &nm) {
    const Codec *fallback = nullptr;
    for (const Codec &c : nm.receiveCodecs) {
        if (!c.isTelephoneEvent())
            continue;
        if (c.clockRate == nm.sendCodec.clockRate) {
            fallback = &c;
            break;
        }
        if (!fallback)
            fallback = &c;
    }
    if (fallback) {
        nm.telephoneEventPayloadType = fallback->payloadType;
        nm.telephoneEventClockRate = fallback->clockRate;
    }
}

} // namespace

OfferAnswer::OfferAnswer(MediaCapabilities capabilities)
    : m_caps(std::move(capabilities)) {
    if (m_caps.srtp != SrtpPolicy::Off && m_caps.crypto.isEmpty()) {
        m_caps.crypto = {CryptoAttribute::generate(1, CryptoAttribute::Suite::AesCm128HmacSha1_80),
                         CryptoAttribute::generate(2, CryptoAttribute::Suite::AesCm128HmacSha1_32)};
    }
    m_origin.username = m_caps.username.isEmpty() ? QByteArray("-") : m_caps.username;
    // RFC 4566 §5.2 suggests an NTP timestamp; a random 62-bit number is as unique and leaks nothing.
    const quint64 id = QRandomGenerator::system()->bounded(quint64(1) << 62);
    m_origin.sessionId = QByteArray::number(id);
    m_origin.sessionVersion = id % 1000000;
    const Connection c = Connection::fromHostAddress(m_caps.address);
    m_origin.addrType = c.addrType;
    m_origin.address = c.address;
}

SessionDescription OfferAnswer::newDescription() const {
    SessionDescription sd;
    sd.origin = m_origin;
    sd.sessionName = m_caps.sessionName.isEmpty() ? QByteArray("-") : m_caps.sessionName;
    sd.connection = Connection::fromHostAddress(m_caps.address);
    sd.timings.append(Timing{});
    return sd;
}

void OfferAnswer::finalize(SessionDescription &sd) {
    // RFC 3264 §8: same o= line, version + 1 whenever the description changes.
    sd.origin = m_origin;
    if (m_lastSent && *m_lastSent != sd) {
        ++m_origin.sessionVersion;
        sd.origin = m_origin;
    }
    m_lastSent = sd;
}

std::optional<CryptoAttribute> OfferAnswer::ourCrypto(CryptoAttribute::Suite suite) const {
    for (const CryptoAttribute &c : m_caps.crypto) {
        if (c.suite() == suite)
            return c;
    }
    return std::nullopt;
}

SessionDescription OfferAnswer::createOffer(std::optional<Direction> direction) {
    SessionDescription sd = newDescription();
    MediaDescription m;
    m.media = "audio";
    m.port = m_caps.port;
    m.proto = (m_caps.srtp == SrtpPolicy::Mandatory ? kSavp : kAvp).toByteArray();
    addCodecAttributes(m, m_caps.codecs);
    m.addAttribute(Attribute::withValue("ptime", QByteArray::number(m_caps.ptime)));
    if (m_caps.maxptime > 0)
        m.addAttribute(Attribute::withValue("maxptime", QByteArray::number(m_caps.maxptime)));
    if (m_caps.rtcpMux)
        m.addAttribute(Attribute::property("rtcp-mux"));
    if (m_caps.srtp != SrtpPolicy::Off) {
        for (const CryptoAttribute &c : m_caps.crypto)
            m.addAttribute(Attribute::withValue("crypto", c.toString()));
    }
    m.setDirection(direction.value_or(m_caps.direction));
    sd.media.append(m);
    finalize(sd);
    m_pendingOffer = sd;
    m_state = State::OfferSent;
    return sd;
}

void OfferAnswer::rollback() {
    m_pendingOffer.reset();
    m_state = m_negotiated ? State::Stable : State::Idle;
}

std::variant<OfferAnswer::Answer, NegotiationError>
OfferAnswer::answerOffer(const SessionDescription &offer, std::optional<Direction> direction) {
    using Code = NegotiationError::Code;
    const Direction wanted = direction.value_or(m_caps.direction);
    SessionDescription sd = newDescription();
    std::optional<NegotiatedMedia> chosen;
    std::optional<NegotiationError> firstAudioFailure;

    for (int i = 0; i < offer.media.size(); ++i) {
        const MediaDescription &om = offer.media[i];
        MediaDescription am;
        am.media = om.media;
        am.proto = om.proto;
        am.formats = om.formats;
        am.port = 0;

        auto reject = [&](Code code) {
            if (isAudio(om) && !firstAudioFailure)
                firstAudioFailure = NegotiationError{code, i};
            sd.media.append(am);
        };
        if (!isAudio(om) || om.port == 0 || chosen) {
            // Not audio, disabled by the offerer, or a second audio stream: we run one.
            if (!isAudio(om) || om.port == 0)
                sd.media.append(am);
            else
                reject(Code::NoCommonCodec);
            continue;
        }
        if (om.proto != kAvp && om.proto != kSavp) {
            reject(Code::NoCommonCodec);
            continue;
        }

        // SRTP: the first supported crypto line the peer offers, for which we hold a key.
        std::optional<CryptoAttribute> theirs, ours;
        for (const CryptoAttribute &c : om.cryptoAttributes()) {
            if (!c.isSupported())
                continue;
            if (auto o = ourCrypto(c.suite())) {
                theirs = c;
                ours = o;
                ours->setTag(c.tag());
                break;
            }
        }
        const bool savp = om.proto == kSavp;
        bool useSrtp = false;
        if (savp) {
            if (m_caps.srtp == SrtpPolicy::Off) {
                reject(Code::SrtpNotSupported);
                continue;
            }
            if (!theirs) {
                reject(Code::SrtpNotSupported);
                continue;
            }
            useSrtp = true;
        } else if (m_caps.srtp == SrtpPolicy::Mandatory) {
            if (!theirs) {
                reject(Code::SrtpRequired);
                continue;
            }
            useSrtp = true;
        } else if (m_caps.srtp == SrtpPolicy::Optional) {
            useSrtp = theirs.has_value();
        }

        // Codecs in our preference order, on the offerer's payload type numbers.
        const QList<RtpMap> offered = om.rtpMaps();
        QList<Codec> accepted;
        for (const Codec &c : m_caps.codecs) {
            if (c.isTelephoneEvent())
                continue;
            for (const RtpMap &o : offered) {
                if (o.sameCodec(c.rtpMap())) {
                    Codec a = c;
                    a.payloadType = o.payloadType;
                    accepted.append(a);
                    break;
                }
            }
        }
        if (accepted.isEmpty()) {
            reject(Code::NoCommonCodec);
            continue;
        }
        // telephone-event at a clock rate of a codec we accepted (RFC 4733 §7.1.1).
        QList<Codec> events;
        for (const RtpMap &o : offered) {
            if (!o.isTelephoneEvent())
                continue;
            const bool rateInUse = std::any_of(accepted.begin(), accepted.end(),
                                               [&](const Codec &a) { return a.clockRate == o.clockRate; });
            if (!rateInUse)
                continue;
            for (const Codec &c : m_caps.codecs) {
                if (c.isTelephoneEvent() && c.rtpMap().sameCodec(o)) {
                    Codec e = c;
                    e.payloadType = o.payloadType;
                    events.append(e);
                    break;
                }
            }
        }

        NegotiatedMedia nm;
        nm.mediaIndex = i;
        if (auto err = remoteEndpoint(offer, i, nm))
            return *err;
        am.port = m_caps.port;
        am.formats.clear();
        addCodecAttributes(am, accepted + events);
        am.addAttribute(Attribute::withValue("ptime", QByteArray::number(m_caps.ptime)));
        nm.rtcpMux = m_caps.rtcpMux && om.rtcpMux();
        if (nm.rtcpMux) {
            am.addAttribute(Attribute::property("rtcp-mux"));
            nm.remoteRtcpPort = nm.remotePort;
        }
        if (useSrtp) {
            am.addAttribute(Attribute::withValue("crypto", ours->toString()));
            nm.localCrypto = ours;
            nm.remoteCrypto = theirs;
        }
        nm.direction = answerDirection(offeredDirection(offer, i), wanted);
        am.setDirection(nm.direction);

        // We send the first accepted codec with the offerer's fmtp (what it wants to receive).
        nm.sendCodec = accepted.first();
        if (auto map = om.rtpMap(nm.sendCodec.payloadType))
            nm.sendCodec = codecFrom(*map, om);
        nm.receiveCodecs = accepted + events;
        pickTelephoneEvent(nm);
        nm.ptime = om.ptime().value_or(m_caps.ptime);
        chosen = nm;
        sd.media.append(am);
    }

    if (!chosen) {
        const NegotiationError e = firstAudioFailure.value_or(NegotiationError{Code::NoAudio, -1});
        qCDebug(lcSdp) << "rejecting offer:" << int(e.code) << "at m= index" << e.mediaIndex;
        return e;
    }
    finalize(sd);
    m_pendingOffer.reset();
    m_negotiated = chosen;
    m_state = State::Stable;
    qCDebug(lcSdp) << "answered offer:" << *chosen;
    return Answer{sd, *chosen};
}

std::variant<NegotiatedMedia, NegotiationError> OfferAnswer::processAnswer(const SessionDescription &answer) {
    using Code = NegotiationError::Code;
    if (!m_pendingOffer)
        return NegotiationError{Code::NoOfferPending, -1};
    const SessionDescription &offer = *m_pendingOffer;
    if (answer.media.size() != offer.media.size())
        return NegotiationError{Code::MediaCountMismatch, -1};

    std::optional<NegotiatedMedia> chosen;
    for (int i = 0; i < answer.media.size(); ++i) {
        const MediaDescription &am = answer.media[i];
        const MediaDescription &om = offer.media[i];
        if (am.media != om.media)
            return NegotiationError{Code::Malformed, i};
        if (am.port == 0 || om.port == 0)
            continue; // rejected (or never offered)
        const QList<int> offeredPts = om.payloadTypes();
        const QList<int> pts = am.payloadTypes();
        if (pts.isEmpty())
            return NegotiationError{Code::Malformed, i};
        for (int pt : pts) {
            if (!offeredPts.contains(pt))
                return NegotiationError{Code::UnknownPayloadType, i};
        }

        // SDES: the answer's crypto must name a tag we offered, with the same suite.
        std::optional<CryptoAttribute> theirs, ours;
        const QList<QByteArray> cryptoLines = am.attributeValues("crypto");
        if (!cryptoLines.isEmpty()) {
            const auto c = CryptoAttribute::parse(cryptoLines.first());
            if (!c)
                return NegotiationError{Code::Malformed, i};
            for (const CryptoAttribute &o : om.cryptoAttributes()) {
                if (o.tag() == c->tag() && o.suite() == c->suite() && c->isSupported())
                    ours = o;
            }
            if (!ours)
                return NegotiationError{Code::UnknownCryptoTag, i};
            theirs = c;
        }
        if (!theirs && (m_caps.srtp == SrtpPolicy::Mandatory || am.isSecureRtp()))
            return NegotiationError{Code::SrtpRequired, i};

        if (chosen)
            continue; // we run the first accepted audio stream only
        NegotiatedMedia nm;
        nm.mediaIndex = i;
        if (auto err = remoteEndpoint(answer, i, nm))
            return *err;
        for (int pt : pts) {
            auto map = am.rtpMap(pt);
            if (!map)
                map = om.rtpMap(pt);
            if (!map)
                continue;
            Codec c = codecFrom(*map, am);
            nm.receiveCodecs.append(c);
            if (c.isTelephoneEvent())
                continue;
            if (nm.sendCodec.payloadType < 0)
                nm.sendCodec = c;
        }
        if (nm.sendCodec.payloadType < 0)
            return NegotiationError{Code::NoCommonCodec, i};
        pickTelephoneEvent(nm);
        nm.rtcpMux = om.rtcpMux() && am.rtcpMux();
        if (nm.rtcpMux)
            nm.remoteRtcpPort = nm.remotePort;
        nm.ptime = am.ptime().value_or(m_caps.ptime);
        // What we do: the answer's direction seen from our side, within what we offered.
        nm.direction = answerDirection(offeredDirection(answer, i), offer.direction(i));
        nm.localCrypto = ours;
        nm.remoteCrypto = theirs;
        chosen = nm;
    }
    if (!chosen)
        return NegotiationError{Code::NoCommonCodec, -1};
    m_pendingOffer.reset();
    m_negotiated = chosen;
    m_state = State::Stable;
    qCDebug(lcSdp) << "answer accepted:" << *chosen;
    return *chosen;
}

} // namespace parlo::sdp
