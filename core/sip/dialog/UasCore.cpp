#include "sip/dialog/UasCore.h"

#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcUas, "parlo.sip.uas")

namespace parlo::sip {

namespace {
// Methods of RFC 3261 and the extensions we know of. Anything else is "not implemented" (501);
// these get 405 until a usage registers for them.
const QList<QByteArray> kKnownMethods = {"INVITE",   "ACK",   "BYE",       "CANCEL", "OPTIONS",
                                         "REGISTER", "PRACK", "SUBSCRIBE", "NOTIFY", "PUBLISH",
                                         "INFO",     "REFER", "MESSAGE",   "UPDATE"};
} // namespace

UasCore::UasCore(TransactionLayer *transactions, QObject *parent)
    : QObject(parent)
    , m_transactions(transactions) {
    connect(transactions, &TransactionLayer::requestReceived, this, &UasCore::onRequest);
}

void UasCore::setHandler(const QByteArray &method, Handler handler) {
    if (handler)
        m_handlers.insert(method, std::move(handler));
    else
        m_handlers.remove(method);
}

QByteArray UasCore::allowHeader() const {
    QList<QByteArray> methods{"OPTIONS"};
    if (m_handlers.contains("INVITE"))
        methods << "ACK"
                << "CANCEL";
    for (auto it = m_handlers.cbegin(); it != m_handlers.cend(); ++it) {
        if (!methods.contains(it.key()))
            methods << it.key();
    }
    return methods.join(", ");
}

QList<QByteArray> UasCore::supportedExtensions() {
    return {"path", "replaces"};
}

void UasCore::answer(ServerTransaction *t, SipMessage response, const SipMessage &request) {
    response.addHeader(HeaderId::Server, m_userAgent);
    t->respond(response);
    Q_EMIT requestAnswered(request, response.statusCode());
}

void UasCore::onRequest(ServerTransaction *t, const SipMessage &request) {
    const QByteArray method = request.method();
    const QByteArray toTag = newTag();
    auto reply = [&](int status, const QByteArray &reason = {}) {
        return SipMessage::responseTo(request, status, reason, toTag);
    };

    // §8.2.1 method inspection
    if (!kKnownMethods.contains(method)) {
        answer(t, reply(501), request);
        return;
    }
    if (method != "OPTIONS" && !m_handlers.contains(method)) {
        if (method == "CANCEL") {
            // No INVITE of ours to cancel (§9.2).
            answer(t, reply(481), request);
            return;
        }
        SipMessage r = reply(405);
        r.setHeader(HeaderId::Allow, allowHeader());
        answer(t, r, request);
        return;
    }

    // §8.2.2.1 To and Request-URI
    const SipUri ruri = request.requestUri();
    if (ruri.scheme() == SipUri::Scheme::Tel) {
        SipMessage r = reply(416);
        answer(t, r, request);
        return;
    }
    if (!m_users.isEmpty() && !ruri.user().isEmpty() && !m_users.contains(ruri.user())) {
        answer(t, reply(404), request);
        return;
    }

    // §8.2.2.3 Require
    QList<QByteArray> unsupported;
    for (const QByteArray &tag : request.tokens(HeaderId::Require)) {
        if (!supportedExtensions().contains(tag.toLower()))
            unsupported << tag;
    }
    if (!unsupported.isEmpty() && method != "ACK" && method != "CANCEL") {
        SipMessage r = reply(420);
        r.setHeader(HeaderId::Unsupported, unsupported.join(", "));
        answer(t, r, request);
        return;
    }

    if (auto it = m_handlers.constFind(method); it != m_handlers.cend() && (*it)(t, request))
        return;

    if (method == "OPTIONS") {
        // §11.2: what we can do.
        SipMessage r = reply(200);
        r.setHeader(HeaderId::Allow, allowHeader());
        r.setHeader(HeaderId::Accept, "application/sdp");
        r.setHeader(HeaderId::AcceptEncoding, "identity");
        r.setHeader(HeaderId::AcceptLanguage, "en");
        r.setHeader(HeaderId::Supported, supportedExtensions().join(", "));
        answer(t, r, request);
        return;
    }
    // A handler declined: nobody here for it.
    answer(t, reply(480), request);
}

} // namespace parlo::sip
