#pragma once

#include "sip/message/CSeq.h"
#include "sip/message/HeaderId.h"
#include "sip/message/NameAddr.h"
#include "sip/message/SipUri.h"
#include "sip/message/Via.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QSharedDataPointer>
#include <optional>

namespace parlo::sip {

struct ParseLimits {
    int maxMessageSize = 65535; // bytes, whole message (RFC 3261 §18.1.1 ceiling for UDP)
    int maxHeaders = 128;       // header lines
    int maxBodySize = 60000;
};

struct SipParseError {
    enum class Code {
        None,
        Empty,                // nothing but whitespace / keep-alive CRLFs
        BadStartLine,         // neither a request line nor a status line
        BadRequestUri,        // malformed Request-URI
        UnsupportedUriScheme, // well-formed URI of a scheme we do not serve -> 416
        UnsupportedVersion,   // SIP/x.y other than 2.0 -> 505
        BadHeader,            // a line that is not "name: value"
        MissingHeader,        // one of Via, From, To, Call-ID, CSeq absent
        BadHeaderValue,       // Via, From, To, CSeq, Content-Length, Max-Forwards, Expires … unparseable
        CSeqMethodMismatch,   // CSeq method differs from the request method
        TooLarge,             // over ParseLimits::maxMessageSize / maxBodySize -> 513
        TooManyHeaders,       // over ParseLimits::maxHeaders -> 513
        BodyTooShort,         // fewer body bytes than Content-Length (datagram) -> 400
    };
    Code code = Code::None;
    // Names the problem for the Reason-Phrase of the error response, e.g. "Malformed CSeq header".
    QByteArray reason;

    // The response status a UAS sends for this error: 400, 416, 505 or 513.
    int status() const;
};

class SipMessagePrivate;
struct SipParseResult;

// An RFC 3261 request or response. A copyable value (implicitly shared). Parsed messages keep the
// received bytes and index into them, so parsing costs no per-header allocation; headers set
// afterwards are stored alongside. Header order is preserved; toBytes() writes headers in that
// order with canonical names, then Content-Length computed from the body.
class SipMessage {
public:
    SipMessage();
    SipMessage(const SipMessage &);
    SipMessage(SipMessage &&) noexcept;
    SipMessage &operator=(const SipMessage &);
    SipMessage &operator=(SipMessage &&) noexcept;
    ~SipMessage();

    static SipMessage makeRequest(const QByteArray &method, const SipUri &requestUri);
    static SipMessage makeResponse(int status, const QByteArray &reason = {});
    // RFC 3261 §8.2.6.2: a response carrying the request's Via (all), From, To (adding toTag when
    // the request's To has none and toTag is non-empty), Call-ID, CSeq and Timestamp.
    static SipMessage responseTo(const SipMessage &request, int status, const QByteArray &reason = {},
                                 const QByteArray &toTag = {});
    // Standard reason phrase for a status code ("Not Found"), or "Unknown".
    static QByteArray defaultReason(int status);

    // Parses exactly one message occupying data (a datagram, or a frame cut by the stream framer).
    // Leading CRLFs are skipped. On error the result's message still holds what could be parsed
    // (so an error response can be built); see errorResponse().
    static SipParseResult parse(const QByteArray &data, const ParseLimits &limits = {});
    // The response a UAS must send for a request that failed to parse (400/416/505/513 with the
    // error's reason), or nullopt when the input was a response, or the Via/From/To/Call-ID/CSeq
    // needed to address a response could not be recovered (then the input is dropped, §16.3/§18.3).
    static std::optional<SipMessage> errorResponse(const SipParseResult &result);

    bool isValid() const; // a start line was set or parsed
    bool isRequest() const;
    bool isResponse() const;

    // Request line. For responses method() is the CSeq method.
    QByteArray method() const;
    SipUri requestUri() const;
    void setRequestUri(const SipUri &uri);
    // Status line.
    int statusCode() const;
    QByteArray reasonPhrase() const;
    void setStatus(int code, const QByteArray &reason = {});

    // ---- raw headers, in order; values unfolded and trimmed
    int headerCount() const;
    HeaderId headerId(int index) const;
    QByteArray headerName(int index) const; // canonical for known headers, as received otherwise
    QByteArray headerValue(int index) const;
    bool hasHeader(HeaderId id) const;
    bool hasHeader(QByteArrayView name) const;
    // Value of the first header line with that id/name; empty when absent.
    QByteArray header(HeaderId id) const;
    QByteArray header(QByteArrayView name) const;
    // Every header line's value with that id/name (list headers are NOT comma-split here).
    QList<QByteArray> headers(HeaderId id) const;
    QList<QByteArray> headers(QByteArrayView name) const;
    // For token-list headers (Allow, Supported, Require, Proxy-Require, Unsupported, Accept,
    // Allow-Events…): all lines comma-split, trimmed.
    QList<QByteArray> tokens(HeaderId id) const;

    void addHeader(HeaderId id, const QByteArray &value);
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Inserts before every other header line (used for Via, Route).
    void prependHeader(HeaderId id, const QByteArray &value);
    // Replaces all lines with that name by one (kept at the position of the first, else appended).
    void setHeader(HeaderId id, const QByteArray &value);
    void setHeader(const QByteArray &name, const QByteArray &value);
    void removeHeaders(HeaderId id);
    void removeHeaders(QByteArrayView name);

    // ---- typed access (parse on demand; an absent or malformed header gives the empty value)
    QList<Via> vias() const;
    std::optional<Via> topVia() const;
    void prependVia(const Via &via);
    void removeTopVia(); // removes the first via-parm (splitting a comma-combined line if needed)

    NameAddr from() const;
    void setFrom(const NameAddr &v);
    NameAddr to() const;
    void setTo(const NameAddr &v);
    QByteArray callId() const;
    void setCallId(const QByteArray &v);
    CSeq cseq() const;
    void setCSeq(const CSeq &v);
    QList<NameAddr> contacts() const;
    void setContacts(const QList<NameAddr> &v);
    QList<NameAddr> routes() const;
    void setRoutes(const QList<NameAddr> &v); // empty list removes Route
    QList<NameAddr> recordRoutes() const;
    void setRecordRoutes(const QList<NameAddr> &v);
    int maxForwards() const; // -1 when absent
    void setMaxForwards(int v);
    std::optional<quint32> expires() const;
    void setExpires(quint32 v);
    std::optional<quint32> minExpires() const;
    std::optional<quint32> retryAfter() const; // seconds
    QByteArray contentType() const;            // media type as received, without parameters trimmed
    QByteArray userAgent() const;

    QByteArray body() const;
    // The body without copying; valid while this message (or a copy of it) is alive and unchanged.
    QByteArrayView bodyView() const;
    // Sets the body and, when contentType is non-empty, Content-Type (an empty body removes it).
    void setBody(const QByteArray &body, const QByteArray &contentType = {});

    // ---- allocation-free views into the message, for the hot path (transaction matching)
    QByteArrayView topViaBranch() const;
    QByteArrayView fromTag() const;
    QByteArrayView toTag() const;
    QByteArrayView callIdView() const;
    quint32 cseqNumber() const;
    QByteArrayView cseqMethod() const;

    // Serialized form, CRLF line ends, Content-Length always present and computed from the body.
    QByteArray toBytes() const;
    // First line, for logs ("INVITE sip:bob@x SIP/2.0" / "SIP/2.0 200 OK").
    QByteArray startLine() const;

private:
    friend class SipParser;
    QSharedDataPointer<SipMessagePrivate> d;
};

struct SipParseResult {
    SipMessage message;
    SipParseError error;
    bool ok() const { return error.code == SipParseError::Code::None; }
};

} // namespace parlo::sip
