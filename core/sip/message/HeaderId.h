#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace parlo::sip {

// Known header names (RFC 3261 §20 and the extensions we use). Compact forms (RFC 3261 §7.3.3 and
// extensions: i m e l c f s k t v o r b u x) map to the same id.
enum class HeaderId : quint8 {
    Other = 0,
    Accept,
    AcceptEncoding,
    AcceptLanguage,
    AlertInfo,
    Allow,
    AllowEvents,
    AuthenticationInfo,
    Authorization,
    CallId,
    CallInfo,
    Contact,
    ContentDisposition,
    ContentEncoding,
    ContentLanguage,
    ContentLength,
    ContentType,
    CSeq,
    Date,
    ErrorInfo,
    Event,
    Expires,
    From,
    InReplyTo,
    MaxForwards,
    MimeVersion,
    MinExpires,
    Organization,
    Priority,
    ProxyAuthenticate,
    ProxyAuthorization,
    ProxyRequire,
    RAck,
    RecordRoute,
    ReferTo,
    ReferredBy,
    Replaces,
    ReplyTo,
    Require,
    RetryAfter,
    Route,
    RSeq,
    Server,
    SessionExpires,
    SipETag,
    SipIfMatch,
    Subject,
    SubscriptionState,
    Supported,
    Timestamp,
    To,
    Unsupported,
    UserAgent,
    Via,
    Warning,
    WwwAuthenticate,
    Count
};

// Case-insensitive; compact forms accepted. Unknown names give HeaderId::Other.
HeaderId headerIdFromName(QByteArrayView name);
// Canonical long form, e.g. "Call-ID", "WWW-Authenticate", "CSeq". Empty for Other.
QByteArray canonicalHeaderName(HeaderId id);
// Headers whose values are comma-separated lists that may be split across several header lines
// (Via, Contact, Route, Allow, Supported…). Not the auth headers, Date, or other comma-bearing values.
bool isListHeader(HeaderId id);

} // namespace parlo::sip
