#include "sip/auth/DigestChallenge.h"

#include "sip/auth/AuthParams.h"
#include "sip/message/SipMessage.h"

namespace parlo::sip {

namespace {

std::optional<DigestChallenge> fromParams(const AuthParams &ap, bool proxy) {
    if (ap.scheme.compare("Digest", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    if (!ap.token68.isEmpty() || ap.hasDuplicates())
        return std::nullopt;
    DigestChallenge c;
    c.proxy = proxy;
    const auto realm = ap.value("realm");
    const auto nonce = ap.value("nonce");
    // Both are required (RFC 7616 §3.3); without a nonce there is nothing to answer.
    if (!realm || !nonce || nonce->isEmpty())
        return std::nullopt;
    c.realm = *realm;
    c.nonce = *nonce;
    c.opaque = ap.value("opaque").value_or(QByteArray());
    c.algorithmName = ap.value("algorithm").value_or(QByteArrayLiteral("MD5"));
    c.algorithm = DigestChallenge::algorithmFromName(c.algorithmName);
    if (const auto qop = ap.value("qop")) {
        for (const QByteArray &v : qop->split(',')) {
            const QByteArray t = v.trimmed().toLower();
            if (!t.isEmpty())
                c.qop.append(t);
        }
    }
    c.stale = ap.value("stale").value_or(QByteArray()).compare("true", Qt::CaseInsensitive) == 0;
    c.userhash = ap.value("userhash").value_or(QByteArray()).compare("true", Qt::CaseInsensitive) == 0;
    return c;
}

} // namespace

std::optional<DigestChallenge> DigestChallenge::parse(QByteArrayView headerValue, bool proxy) {
    const auto list = AuthParams::parseList(headerValue);
    if (!list || list->size() != 1)
        return std::nullopt;
    return fromParams(list->first(), proxy);
}

QList<DigestChallenge> DigestChallenge::parseAll(QByteArrayView headerValue, bool proxy) {
    QList<DigestChallenge> out;
    const auto list = AuthParams::parseList(headerValue);
    if (!list)
        return out;
    for (const AuthParams &ap : *list) {
        if (auto c = fromParams(ap, proxy))
            out.append(std::move(*c));
    }
    return out;
}

QList<DigestChallenge> DigestChallenge::fromResponse(const SipMessage &response) {
    QList<DigestChallenge> out;
    for (const QByteArray &v : response.headers(HeaderId::WwwAuthenticate))
        out += parseAll(v, false);
    for (const QByteArray &v : response.headers(HeaderId::ProxyAuthenticate))
        out += parseAll(v, true);
    return out;
}

bool DigestChallenge::isSupported() const {
    if (algorithm == Algorithm::Unknown)
        return false;
    return qop.isEmpty() || qop.contains("auth") || qop.contains("auth-int");
}

DigestChallenge::Algorithm DigestChallenge::algorithmFromName(QByteArrayView name) {
    static const std::pair<const char *, Algorithm> table[] = {
        {"MD5", Algorithm::Md5},
        {"MD5-sess", Algorithm::Md5Sess},
        {"SHA-256", Algorithm::Sha256},
        {"SHA-256-sess", Algorithm::Sha256Sess},
        {"SHA-512-256", Algorithm::Sha512_256},
        {"SHA-512-256-sess", Algorithm::Sha512_256Sess},
    };
    for (const auto &[n, a] : table) {
        if (name.compare(QByteArrayView(n), Qt::CaseInsensitive) == 0)
            return a;
    }
    return Algorithm::Unknown;
}

QByteArray DigestChallenge::algorithmToName(Algorithm a) {
    switch (a) {
    case Algorithm::Md5:
        return "MD5";
    case Algorithm::Md5Sess:
        return "MD5-sess";
    case Algorithm::Sha256:
        return "SHA-256";
    case Algorithm::Sha256Sess:
        return "SHA-256-sess";
    case Algorithm::Sha512_256:
        return "SHA-512-256";
    case Algorithm::Sha512_256Sess:
        return "SHA-512-256-sess";
    case Algorithm::Unknown:
        break;
    }
    return {};
}

} // namespace parlo::sip
