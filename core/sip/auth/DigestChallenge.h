#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace parlo::sip {

class SipMessage;

// One Digest challenge from WWW-Authenticate or Proxy-Authenticate (RFC 7616 §3.3, RFC 8760).
struct DigestChallenge {
    enum class Algorithm { Md5, Md5Sess, Sha256, Sha256Sess, Sha512_256, Sha512_256Sess, Unknown };

    bool proxy = false; // came in Proxy-Authenticate (answer with Proxy-Authorization)
    QByteArray realm;
    QByteArray nonce;
    QByteArray opaque;
    QByteArray algorithmName; // as received ("MD5" when absent)
    Algorithm algorithm = Algorithm::Md5;
    QList<QByteArray> qop; // offered qop values, e.g. {"auth", "auth-int"}
    bool stale = false;
    bool userhash = false;

    // Parses one header value holding exactly one challenge ("Digest realm=..., nonce=...").
    // nullopt for another scheme, several challenges (see parseAll) or malformed input.
    static std::optional<DigestChallenge> parse(QByteArrayView headerValue, bool proxy);
    // Every well-formed Digest challenge of one header value ("Digest a=b, Basic c=d, Digest e=f");
    // other schemes are skipped, a malformed value gives none.
    static QList<DigestChallenge> parseAll(QByteArrayView headerValue, bool proxy);
    // Every Digest challenge in a 401/407 (several header lines, and several challenges per line).
    static QList<DigestChallenge> fromResponse(const SipMessage &response);
    // A known algorithm, and a qop we can answer (auth, auth-int, or none offered).
    bool isSupported() const;

    // "MD5", "SHA-256-sess", … (case-insensitive) -> Algorithm; Unknown for anything else.
    static Algorithm algorithmFromName(QByteArrayView name);
    static QByteArray algorithmToName(Algorithm a);
};

} // namespace parlo::sip
