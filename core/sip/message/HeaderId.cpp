#include "sip/message/HeaderId.h"

#include "sip/message/SipGrammar.h"

#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstring>

namespace parlo::sip {

namespace {

struct Entry {
    const char *name;
    HeaderId id;
};

constexpr Entry kNames[] = {
    {"Accept", HeaderId::Accept},
    {"Accept-Encoding", HeaderId::AcceptEncoding},
    {"Accept-Language", HeaderId::AcceptLanguage},
    {"Alert-Info", HeaderId::AlertInfo},
    {"Allow", HeaderId::Allow},
    {"Allow-Events", HeaderId::AllowEvents},
    {"Authentication-Info", HeaderId::AuthenticationInfo},
    {"Authorization", HeaderId::Authorization},
    {"Call-ID", HeaderId::CallId},
    {"Call-Info", HeaderId::CallInfo},
    {"Contact", HeaderId::Contact},
    {"Content-Disposition", HeaderId::ContentDisposition},
    {"Content-Encoding", HeaderId::ContentEncoding},
    {"Content-Language", HeaderId::ContentLanguage},
    {"Content-Length", HeaderId::ContentLength},
    {"Content-Type", HeaderId::ContentType},
    {"CSeq", HeaderId::CSeq},
    {"Date", HeaderId::Date},
    {"Error-Info", HeaderId::ErrorInfo},
    {"Event", HeaderId::Event},
    {"Expires", HeaderId::Expires},
    {"From", HeaderId::From},
    {"In-Reply-To", HeaderId::InReplyTo},
    {"Max-Forwards", HeaderId::MaxForwards},
    {"MIME-Version", HeaderId::MimeVersion},
    {"Min-Expires", HeaderId::MinExpires},
    {"Organization", HeaderId::Organization},
    {"Priority", HeaderId::Priority},
    {"Proxy-Authenticate", HeaderId::ProxyAuthenticate},
    {"Proxy-Authorization", HeaderId::ProxyAuthorization},
    {"Proxy-Require", HeaderId::ProxyRequire},
    {"RAck", HeaderId::RAck},
    {"Record-Route", HeaderId::RecordRoute},
    {"Refer-To", HeaderId::ReferTo},
    {"Referred-By", HeaderId::ReferredBy},
    {"Replaces", HeaderId::Replaces},
    {"Reply-To", HeaderId::ReplyTo},
    {"Require", HeaderId::Require},
    {"Retry-After", HeaderId::RetryAfter},
    {"Route", HeaderId::Route},
    {"RSeq", HeaderId::RSeq},
    {"Server", HeaderId::Server},
    {"Session-Expires", HeaderId::SessionExpires},
    {"SIP-ETag", HeaderId::SipETag},
    {"SIP-If-Match", HeaderId::SipIfMatch},
    {"Subject", HeaderId::Subject},
    {"Subscription-State", HeaderId::SubscriptionState},
    {"Supported", HeaderId::Supported},
    {"Timestamp", HeaderId::Timestamp},
    {"To", HeaderId::To},
    {"Unsupported", HeaderId::Unsupported},
    {"User-Agent", HeaderId::UserAgent},
    {"Via", HeaderId::Via},
    {"Warning", HeaderId::Warning},
    {"WWW-Authenticate", HeaderId::WwwAuthenticate},
};
static_assert(std::size(kNames) == size_t(HeaderId::Count) - 1);

constexpr bool namesInEnumOrder() {
    for (size_t i = 0; i < std::size(kNames); ++i)
        if (kNames[i].id != HeaderId(i + 1))
            return false;
    return true;
}
static_assert(namesInEnumOrder(), "canonicalHeaderName() indexes kNames by id");

constexpr size_t cstrlen(const char *s) {
    size_t n = 0;
    while (s[n])
        ++n;
    return n;
}

// Compact forms (RFC 3261 §7.3.3, RFC 3265, 3515, 3892, 4028).
constexpr HeaderId compactForm(char c) {
    switch (c) {
    case 'i':
        return HeaderId::CallId;
    case 'm':
        return HeaderId::Contact;
    case 'e':
        return HeaderId::ContentEncoding;
    case 'l':
        return HeaderId::ContentLength;
    case 'c':
        return HeaderId::ContentType;
    case 'f':
        return HeaderId::From;
    case 's':
        return HeaderId::Subject;
    case 'k':
        return HeaderId::Supported;
    case 't':
        return HeaderId::To;
    case 'v':
        return HeaderId::Via;
    case 'o':
        return HeaderId::Event;
    case 'r':
        return HeaderId::ReferTo;
    case 'b':
        return HeaderId::ReferredBy;
    case 'u':
        return HeaderId::AllowEvents;
    case 'x':
        return HeaderId::SessionExpires;
    default:
        return HeaderId::Other;
    }
}

constexpr int kMaxNameLength = 24;

// Buckets by (length, lower-cased first letter): a lookup compares against at most a few names,
// eight bytes at a time.
struct Index {
    std::array<std::array<std::array<quint8, 3>, 26>, kMaxNameLength + 1> bucket{}; // entry index + 1
    std::array<quint8, size_t(HeaderId::Count)> length{};
    std::array<std::array<quint64, kMaxNameLength / 8>, size_t(HeaderId::Count)> words{}; // lower-case
};

constexpr Index makeIndex() {
    Index ix{};
    for (size_t i = 0; i < std::size(kNames); ++i) {
        const size_t len = cstrlen(kNames[i].name);
        ix.length[i] = quint8(len);
        for (size_t k = 0; k < len; ++k) // little-endian packing, as loaded below
            ix.words[i][k / 8] |= quint64(quint8(grammar::lower(kNames[i].name[k]))) << (8 * (k % 8));
        auto &bucketSlots = ix.bucket[len][size_t(grammar::lower(kNames[i].name[0]) - 'a')];
        size_t s = 0;
        while (bucketSlots[s] != 0)
            ++s; // a fourth name in one bucket fails to compile (index out of range)
        bucketSlots[s] = quint8(i + 1);
    }
    return ix;
}

constexpr Index kIndex = makeIndex();

} // namespace

namespace {

// `readable` points at kMaxNameLength bytes that may be read (the name plus whatever follows).
HeaderId lookup(const char *readable, qsizetype len) {
    const char first = char(readable[0] | 0x20);
    if (first < 'a' || first > 'z')
        return HeaderId::Other;
    // Load the name as little-endian words, OR 0x20 into every byte to fold case, and mask off
    // what follows the name. Names hold only letters and '-', and no token character other than a
    // letter's other case maps onto a letter or '-' that way.
    quint64 words[kMaxNameLength / 8];
    const int count = int((len + 7) / 8);
    for (int w = 0; w < count; ++w) {
        const qsizetype bytes = std::min<qsizetype>(8, len - 8 * w);
        const quint64 mask = bytes == 8 ? ~quint64(0) : (quint64(1) << (8 * bytes)) - 1;
        words[w] = (qFromLittleEndian<quint64>(readable + 8 * w) | 0x2020202020202020ull) & mask;
    }
    for (quint8 slot : kIndex.bucket[size_t(len)][size_t(first - 'a')]) {
        if (slot == 0)
            break;
        const auto &expected = kIndex.words[slot - 1];
        int w = 0;
        while (w < count && words[w] == expected[size_t(w)])
            ++w;
        if (w == count)
            return kNames[slot - 1].id;
    }
    return HeaderId::Other;
}

} // namespace

HeaderId headerIdFromName(QByteArrayView name) {
    const qsizetype len = name.size();
    if (len == 1)
        return compactForm(grammar::lower(name[0]));
    if (len < 2 || len > kMaxNameLength)
        return HeaderId::Other;
    char buffer[kMaxNameLength] = {};
    std::memcpy(buffer, name.data(), size_t(len));
    return lookup(buffer, len);
}

namespace grammar {

HeaderId headerIdFromNameInBuffer(QByteArrayView name, const char *bufferEnd) {
    const qsizetype len = name.size();
    if (len == 1)
        return compactForm(lower(name[0]));
    if (len < 2 || len > kMaxNameLength)
        return HeaderId::Other;
    if (bufferEnd - name.data() < kMaxNameLength)
        return headerIdFromName(name);
    return lookup(name.data(), len); // the bytes after the name are masked off
}

} // namespace grammar

QByteArray canonicalHeaderName(HeaderId id) {
    const int i = int(id) - 1;
    if (i < 0 || i >= int(std::size(kNames)))
        return {};
    return QByteArray::fromRawData(kNames[i].name, kIndex.length[size_t(i)]);
}

bool isListHeader(HeaderId id) {
    switch (id) {
    case HeaderId::Accept:
    case HeaderId::AcceptEncoding:
    case HeaderId::AcceptLanguage:
    case HeaderId::AlertInfo:
    case HeaderId::Allow:
    case HeaderId::AllowEvents:
    case HeaderId::CallInfo:
    case HeaderId::Contact:
    case HeaderId::ContentEncoding:
    case HeaderId::ContentLanguage:
    case HeaderId::ErrorInfo:
    case HeaderId::InReplyTo:
    case HeaderId::ProxyRequire:
    case HeaderId::RecordRoute:
    case HeaderId::Require:
    case HeaderId::Route:
    case HeaderId::Supported:
    case HeaderId::Unsupported:
    case HeaderId::Via:
    case HeaderId::Warning:
        return true;
    default:
        return false;
    }
}

} // namespace parlo::sip
