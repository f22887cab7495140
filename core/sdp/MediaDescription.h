#pragma once

#include "sdp/Attribute.h"
#include "sdp/Bandwidth.h"
#include "sdp/Connection.h"
#include "sdp/CryptoAttribute.h"
#include "sdp/Direction.h"
#include "sdp/RtpMap.h"

#include <QList>
#include <optional>

namespace parlo::sdp {

// One m= section (RFC 4566 §5.14) with its i=, c=, b=, k= and a= lines. Attributes are stored as
// written, in order; the typed accessors below read and write them.
class MediaDescription {
public:
    QByteArray media = "audio"; // "audio", "video", "application", …
    quint16 port = 0;           // 0 = stream rejected / disabled (RFC 3264 §6)
    int numberOfPorts = 0;      // the "/2" in "m=audio 49170/2", 0 when absent
    QByteArray proto = "RTP/AVP";
    QList<QByteArray> formats; // payload type numbers for RTP protos, as written
    QByteArray information;    // i=
    QList<Connection> connections;
    QList<Bandwidth> bandwidths;
    QByteArray key; // k= (obsolete), verbatim
    QList<Attribute> attributes;

    static std::optional<MediaDescription> parseMediaLine(QByteArrayView value); // after "m="
    QByteArray mediaLine() const;                                                // after "m="

    bool isRtp() const { return proto.startsWith("RTP/"); }
    bool isSecureRtp() const { return proto == "RTP/SAVP" || proto == "RTP/SAVPF"; }
    QList<int> payloadTypes() const; // formats that are numbers

    // Attributes by name.
    bool hasAttribute(QByteArrayView name) const;
    std::optional<QByteArray> attribute(QByteArrayView name) const; // first value
    QList<QByteArray> attributeValues(QByteArrayView name) const;
    void removeAttributes(QByteArrayView name);
    void addAttribute(const Attribute &a) { attributes.append(a); }

    // rtpmap, with RFC 3551 static payload types filled in when no rtpmap is given.
    std::optional<RtpMap> rtpMap(int payloadType) const;
    QList<RtpMap> rtpMaps() const; // one per payload type in m= order, where known
    std::optional<QByteArray> fmtp(int payloadType) const;
    std::optional<int> ptime() const;
    std::optional<int> maxptime() const;
    // a=rtcp:<port> [IN IP4 addr] (RFC 3605): the port.
    std::optional<quint16> rtcpPort() const;
    bool rtcpMux() const { return hasAttribute("rtcp-mux"); }
    // Media-level direction attribute, if any; see SessionDescription::direction() for the effective one.
    std::optional<Direction> direction() const;
    void setDirection(Direction d);
    // a=crypto lines that parse (RFC 4568); malformed ones are skipped.
    QList<CryptoAttribute> cryptoAttributes() const;
    // Payload types whose rtpmap is telephone-event (RFC 4733).
    QList<RtpMap> telephoneEvents() const;

    bool operator==(const MediaDescription &) const = default;
};

} // namespace parlo::sdp
