#include "sip/auth/DigestCredentials.h"

#include "sip/auth/AuthParams.h"
#include "sip/auth/Sha512_256.h"
#include "sip/message/SipMessage.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSipAuth, "parlo.sip.auth")

namespace parlo::sip {

namespace {

using Algorithm = DigestChallenge::Algorithm;

QByteArray hashHex(Algorithm a, QByteArrayView data) {
    switch (a) {
    case Algorithm::Md5:
    case Algorithm::Md5Sess:
        return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
    case Algorithm::Sha256:
    case Algorithm::Sha256Sess:
        return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
    case Algorithm::Sha512_256:
    case Algorithm::Sha512_256Sess:
        return Sha512_256::hash(data).toHex();
    case Algorithm::Unknown:
        break;
    }
    return {};
}

bool isSess(Algorithm a) {
    return a == Algorithm::Md5Sess || a == Algorithm::Sha256Sess || a == Algorithm::Sha512_256Sess;
}

// Higher is stronger; the -sess variants rank with their hash.
int strength(Algorithm a) {
    switch (a) {
    case Algorithm::Sha512_256:
    case Algorithm::Sha512_256Sess:
        return 3;
    case Algorithm::Sha256:
    case Algorithm::Sha256Sess:
        return 2;
    case Algorithm::Md5:
    case Algorithm::Md5Sess:
        return 1;
    case Algorithm::Unknown:
        break;
    }
    return 0;
}

// auth is preferred over auth-int: proxies that rewrite bodies break auth-int.
QByteArray chooseQop(const DigestChallenge &c) {
    if (c.qop.contains("auth"))
        return "auth";
    if (c.qop.contains("auth-int"))
        return "auth-int";
    return {};
}

QByteArray newCnonce() {
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex();
}

std::optional<QByteArray> realmOf(const QByteArray &credentialsValue) {
    const auto list = AuthParams::parseList(credentialsValue);
    if (!list || list->size() != 1)
        return std::nullopt;
    return list->first().value("realm");
}

} // namespace

QByteArray DigestCredentials::computeAuthorization(const DigestChallenge &challenge,
                                                   const QByteArray &username, const QByteArray &password,
                                                   const QByteArray &method, const QByteArray &digestUri,
                                                   const QByteArray &body, const QByteArray &cnonce,
                                                   quint32 nonceCount) {
    if (!challenge.isSupported())
        return {};
    const Algorithm alg = challenge.algorithm;
    const QByteArray qop = chooseQop(challenge);
    const QByteArray nc = QByteArray::number(nonceCount, 16).rightJustified(8, '0');

    // RFC 7616 §3.4.2 / RFC 2617 §3.2.2.2
    QByteArray ha1 = hashHex(alg, username + ':' + challenge.realm + ':' + password);
    if (isSess(alg))
        ha1 = hashHex(alg, ha1 + ':' + challenge.nonce + ':' + cnonce);
    QByteArray a2 = method + ':' + digestUri;
    if (qop == "auth-int")
        a2 += ':' + hashHex(alg, body);
    const QByteArray ha2 = hashHex(alg, a2);
    const QByteArray response =
        qop.isEmpty()
            ? hashHex(alg, ha1 + ':' + challenge.nonce + ':' + ha2) // RFC 2069
            : hashHex(alg, ha1 + ':' + challenge.nonce + ':' + nc + ':' + cnonce + ':' + qop + ':' + ha2);

    const QByteArray user = challenge.userhash ? hashHex(alg, username + ':' + challenge.realm) : username;
    QByteArray v = "Digest username=" + AuthParams::quote(user);
    v += ", realm=" + AuthParams::quote(challenge.realm);
    v += ", nonce=" + AuthParams::quote(challenge.nonce);
    v += ", uri=" + AuthParams::quote(digestUri);
    v += ", response=" + AuthParams::quote(response);
    v += ", algorithm=" + (challenge.algorithmName.isEmpty() ? QByteArray("MD5") : challenge.algorithmName);
    if (!qop.isEmpty() || isSess(alg))
        v += ", cnonce=" + AuthParams::quote(cnonce);
    if (!challenge.opaque.isEmpty())
        v += ", opaque=" + AuthParams::quote(challenge.opaque);
    if (!qop.isEmpty())
        v += ", qop=" + qop + ", nc=" + nc;
    if (challenge.userhash)
        v += ", userhash=true";
    return v;
}

bool DigestCredentials::authorize(SipMessage &request, const SipMessage &challengeResponse) {
    if (isEmpty())
        return false;
    // Strongest supported challenge per realm; on a tie the first offered wins.
    QList<QByteArray> realms;
    QHash<QByteArray, DigestChallenge> best;
    for (const DigestChallenge &c : DigestChallenge::fromResponse(challengeResponse)) {
        if (!c.isSupported()) {
            qCDebug(lcSipAuth) << "skipping unsupported challenge, realm" << c.realm << "algorithm"
                               << c.algorithmName << "qop" << c.qop;
            continue;
        }
        auto it = best.find(c.realm);
        if (it == best.end()) {
            realms.append(c.realm);
            best.insert(c.realm, c);
        } else if (strength(c.algorithm) > strength(it->algorithm)) {
            *it = c;
        }
    }
    if (realms.isEmpty()) {
        qCWarning(lcSipAuth) << "no supported digest challenge in" << challengeResponse.statusCode()
                             << "response";
        return false;
    }
    for (const QByteArray &realm : std::as_const(realms)) {
        RealmState &state = m_realms[realm];
        const DigestChallenge &c = best[realm];
        // A new nonce (stale=true or a fresh challenge) restarts the count (RFC 7616 §3.4).
        if (state.challenge.nonce != c.nonce)
            state.nonceCount = 0;
        state.challenge = c;
        ++state.nonceCount;
        qCDebug(lcSipAuth) << "answering" << (c.proxy ? "proxy" : "www") << "challenge, realm" << realm
                           << "algorithm" << c.algorithmName << (c.stale ? "(stale nonce)" : "");
        apply(request, state);
    }
    return true;
}

void DigestCredentials::reauthorize(SipMessage &request) {
    if (isEmpty())
        return;
    for (auto it = m_realms.begin(); it != m_realms.end(); ++it) {
        ++it->nonceCount;
        apply(request, *it);
    }
}

void DigestCredentials::apply(SipMessage &request, const RealmState &state) const {
    const DigestChallenge &c = state.challenge;
    const HeaderId id = c.proxy ? HeaderId::ProxyAuthorization : HeaderId::Authorization;
    const QByteArray value =
        computeAuthorization(c, m_username, m_password, request.method(), request.requestUri().toString(),
                             request.body(), newCnonce(), state.nonceCount);
    QList<QByteArray> kept;
    for (const QByteArray &old : request.headers(id)) {
        if (realmOf(old) != c.realm)
            kept.append(old);
    }
    request.removeHeaders(id);
    for (const QByteArray &old : std::as_const(kept))
        request.addHeader(id, old);
    request.addHeader(id, value);
}

} // namespace parlo::sip
