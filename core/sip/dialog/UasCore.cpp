#include "sip/dialog/UasCore.h"

#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/ServerTransaction.h"
#include "sip/transaction/TransactionLayer.h"

#include <QLoggingCategory>

#include <algorithm>

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
    m_handlers.removeIf([&](const Entry &e) { return e.owner == nullptr && e.method == method; });
    if (handler)
        m_handlers.append({method, nullptr, m_nextId++, std::move(handler)});
}

void UasCore::addHandler(const QByteArray &method, QObject *owner, Handler handler) {
    if (!handler)
        return;
    m_handlers.append({method, owner, m_nextId++, std::move(handler)});
    if (owner && !m_watchedOwners.contains(owner)) {
        m_watchedOwners.append(owner);
        connect(owner, &QObject::destroyed, this, [this, owner]() {
            removeHandlers(owner);
            m_watchedOwners.removeOne(owner);
        });
    }
}

void UasCore::removeHandlers(const QObject *owner) {
    m_handlers.removeIf([&](const Entry &e) { return e.owner == owner; });
}

bool UasCore::hasHandler(const QByteArray &method) const {
    return std::any_of(m_handlers.cbegin(), m_handlers.cend(),
                       [&](const Entry &e) { return e.method == method; });
}

QByteArray UasCore::allowHeader() const {
    QList<QByteArray> methods{"OPTIONS"};
    if (hasHandler("INVITE"))
        methods << "ACK"
                << "CANCEL";
    for (const Entry &e : m_handlers) {
        if (!methods.contains(e.method))
            methods << e.method;
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
    if (method != "OPTIONS" && !hasHandler(method)) {
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

    // Ids, not the entries: a handler may add or remove handlers (or delete its owner) meanwhile.
    QList<quint64> ids;
    for (const Entry &e : std::as_const(m_handlers)) {
        if (e.method == method)
            ids << e.id;
    }
    for (const quint64 id : std::as_const(ids)) {
        const auto it =
            std::find_if(m_handlers.cbegin(), m_handlers.cend(), [id](const Entry &e) { return e.id == id; });
        if (it == m_handlers.cend())
            continue;
        const Handler handler = it->handler; // a copy: the entry may go away while it runs
        if (handler(t, request))
            return;
    }

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
    // Every handler declined. A request inside a dialog (To tag) names one we do not have
    // (§12.2.2); outside a dialog nobody here takes it.
    if (!request.toTag().isEmpty()) {
        answer(t, reply(481), request);
        return;
    }
    answer(t, reply(480), request);
}

} // namespace parlo::sip
