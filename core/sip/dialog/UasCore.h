#pragma once

#include "sip/message/SipMessage.h"

#include <QList>
#include <QObject>
#include <functional>

namespace parlo::sip {

class ServerTransaction;
class TransactionLayer;

// RFC 3261 §8.2: the checks every request passes before a usage sees it — method inspection
// (501 for unknown methods, 405 with Allow for known ones we do not serve), Request-URI
// (416 for schemes we do not serve, 404 for users that are not ours), Require (420 with
// Unsupported) — and the answers of a UA that implements nothing else for a method (OPTIONS,
// §11.2). Usages (calls, messages, subscriptions) register handlers per method: several may share a
// method (InviteSessionManager and each Subscription take NOTIFY), tried in registration order
// until one takes the request.
class UasCore : public QObject {
    Q_OBJECT
public:
    // Returns true when it took the request (and will answer it through the transaction).
    using Handler = std::function<bool(ServerTransaction *, const SipMessage &)>;

    explicit UasCore(TransactionLayer *transactions, QObject *parent = nullptr);

    // Users (Request-URI user parts) we answer for; empty: any user (direct-IP operation).
    void setLocalUsers(const QList<QByteArray> &users) { m_users = users; }
    // The one handler without owner for method (replacing an earlier one); nullptr removes it.
    void setHandler(const QByteArray &method, Handler handler);
    // Appends a handler for method on behalf of owner; removed by removeHandlers(owner) or when
    // owner is destroyed.
    void addHandler(const QByteArray &method, QObject *owner, Handler handler);
    void removeHandlers(const QObject *owner);
    bool hasHandler(const QByteArray &method) const;
    void setUserAgent(const QByteArray &ua) { m_userAgent = ua; }

    // The Allow header value: OPTIONS plus the methods with handlers (ACK, CANCEL with INVITE).
    QByteArray allowHeader() const;
    // Option tags we support (Supported header); a Require outside this list gets 420.
    static QList<QByteArray> supportedExtensions();

Q_SIGNALS:
    // Every request we answered here (not those passed to a handler), with the status we sent.
    void requestAnswered(const parlo::sip::SipMessage &request, int status);

private:
    void onRequest(ServerTransaction *t, const SipMessage &request);
    void answer(ServerTransaction *t, SipMessage response, const SipMessage &request);

    TransactionLayer *m_transactions;
    QList<QByteArray> m_users;
    struct Entry {
        QByteArray method;
        const QObject *owner = nullptr;
        quint64 id = 0;
        Handler handler;
    };
    QList<Entry> m_handlers; // registration order
    QList<const QObject *> m_watchedOwners;
    quint64 m_nextId = 1;
    QByteArray m_userAgent = "Parlo/" PARLO_VERSION;
};

} // namespace parlo::sip
