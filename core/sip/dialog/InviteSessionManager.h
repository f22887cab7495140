#pragma once

#include "sip/dialog/InviteSession.h"

#include <QList>
#include <QObject>

namespace parlo::sip {

class Resolver;
class ServerTransaction;
class TransactionLayer;
class UasCore;

// Owns the INVITE sessions of a user agent: registers the INVITE, BYE, CANCEL, INFO, UPDATE,
// REFER and NOTIFY (Event: refer) handlers with UasCore, takes ACKs and stray 2xx from the transaction layer,
// and routes every in-dialog message to its session by dialog id (481 when there is none, §12.2.2). Sessions
// are children of the manager. A Terminated session stays for 64*T1 (so a late or forked 2xx is still
// acknowledged and hung up, and requests for it get 481), then it is deleted (deleteLater): hold sessions in
// a QPointer.
class InviteSessionManager : public QObject {
    Q_OBJECT
public:
    InviteSessionManager(TransactionLayer *transactions, UasCore *uas, Resolver *resolver,
                         QObject *parent = nullptr);
    ~InviteSessionManager() override;

    // Starts an outgoing call; handler (may be null: no bodies) provides the offer.
    InviteSession *invite(const InviteSession::UacConfig &config, InviteSessionHandler *handler = nullptr);

    // Every session not yet deleted, Terminated ones included.
    QList<InviteSession *> sessions() const { return m_sessions; }
    InviteSession *find(const DialogId &id) const;
    // Bound on simultaneous live sessions; further INVITEs get 486 Busy Here. Default 16.
    void setMaxSessions(int max) { m_maxSessions = max; }

Q_SIGNALS:
    // A new incoming call, before any provisional response of ours. Set a handler, then ring(),
    // accept() or reject(). An INVITE with Replaces (RFC 3891) comes here only when it matched one
    // of our dialogs (session->replacedSession(); otherwise it got 400/481/486/603).
    void incomingSession(parlo::sip::InviteSession *session);

private:
    bool onInvite(ServerTransaction *t, const SipMessage &request);
    bool onInDialog(ServerTransaction *t, const SipMessage &request);
    bool onCancel(ServerTransaction *t, const SipMessage &request);
    // NOTIFY of a refer subscription inside one of our dialogs; false for others.
    bool onNotify(ServerTransaction *t, const SipMessage &request);
    // 0 when the INVITE's Replaces names a dialog it may replace, else the status to answer.
    int matchReplaces(const SipMessage &request, std::optional<Replaces> *replaces,
                      InviteSession **replaced) const;
    void onAck(const SipMessage &ack);
    void onStrayResponse(const SipMessage &response);
    InviteSession *adopt(InviteSession *session);
    InviteSession *sessionForRequest(const SipMessage &request) const;
    NameAddr contactFor(ServerTransaction *t, const SipMessage &request) const;

    TransactionLayer *m_transactions;
    UasCore *m_uas;
    Resolver *m_resolver;
    QList<InviteSession *> m_sessions; // live and lingering (Terminated) ones
    QHash<InviteSession *, Clock::TimerId> m_lingering;
    int m_maxSessions = 16;
};

} // namespace parlo::sip
