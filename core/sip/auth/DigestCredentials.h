#pragma once

#include "sip/auth/DigestChallenge.h"

#include <QByteArray>
#include <QHash>

namespace parlo::sip {

class SipMessage;

// Username/password for one account, and the per-realm state digest needs (nonce count, last
// challenge) to answer challenges and to pre-authorize later requests (RFC 7616, RFC 8760).
class DigestCredentials {
public:
    DigestCredentials() = default;
    DigestCredentials(QByteArray username, QByteArray password)
        : m_username(std::move(username))
        , m_password(std::move(password)) {}

    QByteArray username() const { return m_username; }
    bool isEmpty() const { return m_username.isEmpty(); }

    // Picks the strongest supported challenge per realm (SHA-512-256 > SHA-256 > MD5) among those of
    // the 401/407 response, and adds the matching Authorization / Proxy-Authorization header(s) to
    // request (replacing earlier ones for the same realm). Returns false when no supported challenge
    // was offered. The request's method, Request-URI and body are used, so set them first.
    bool authorize(SipMessage &request, const SipMessage &challengeResponse);
    // Adds credentials for the remembered challenges (next nonce count) — for requests sent after
    // a successful authentication (refreshing REGISTER) so they need no new round-trip.
    void reauthorize(SipMessage &request);
    void forget() { m_realms.clear(); }

    // The header value for one challenge; exposed for the RFC 7616 test vectors.
    static QByteArray computeAuthorization(const DigestChallenge &challenge, const QByteArray &username,
                                           const QByteArray &password, const QByteArray &method,
                                           const QByteArray &digestUri, const QByteArray &body,
                                           const QByteArray &cnonce, quint32 nonceCount);

private:
    struct RealmState {
        DigestChallenge challenge;
        quint32 nonceCount = 0;
    };
    // Sets the (Proxy-)Authorization for state's realm, replacing an earlier one for that realm.
    void apply(SipMessage &request, const RealmState &state) const;
    QByteArray m_username, m_password;
    QHash<QByteArray, RealmState> m_realms;
};

} // namespace parlo::sip
