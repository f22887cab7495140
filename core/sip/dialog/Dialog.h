#pragma once

#include "sip/dialog/DialogId.h"
#include "sip/message/SipMessage.h"

#include <QList>
#include <optional>

namespace parlo::sip {

// The state RFC 3261 §12 keeps for a dialog: id, local/remote URI, local/remote CSeq, route set,
// remote target and the secure flag. A value owned by its usage (InviteSession); it builds the
// requests sent inside the dialog (§12.2.1.1) and checks those received (§12.2.2).
class Dialog {
public:
    enum class State { Early, Confirmed };

    Dialog() = default;

    // §12.1.2: the UAC side, from the request we sent and a 101-299 response with a To tag.
    static Dialog fromUacResponse(const SipMessage &request, const SipMessage &response);
    // §12.1.1: the UAS side, from the received request and the To tag we answer with.
    // secureTransport: the request arrived over TLS.
    static Dialog fromUasRequest(const SipMessage &request, const QByteArray &localTag,
                                 bool secureTransport = false);

    bool isValid() const { return m_id.isValid(); }
    const DialogId &id() const { return m_id; }
    State state() const { return m_state; }
    // An early dialog becomes confirmed by a 2xx (UAC: route set recomputed from it, §12.1.2).
    void confirm(const SipMessage &response2xx = {});
    void setConfirmed() { m_state = State::Confirmed; }

    const NameAddr &localUri() const { return m_localUri; }
    const NameAddr &remoteUri() const { return m_remoteUri; }
    quint32 localSeq() const { return m_localSeq; }
    std::optional<quint32> remoteSeq() const { return m_remoteSeq; }
    const QList<NameAddr> &routeSet() const { return m_routeSet; }
    const SipUri &remoteTarget() const { return m_remoteTarget; }
    bool isSecure() const { return m_secure; }

    void setLocalContact(const NameAddr &contact) { m_localContact = contact; }
    const NameAddr &localContact() const { return m_localContact; }

    // Target refresh (§12.2.1.2, §12.2.2): the Contact of a re-INVITE/UPDATE or their 2xx.
    void refreshTarget(const SipMessage &message);

    // §12.2.1.1: a request inside the dialog with the next local CSeq, To/From/Call-ID from the
    // dialog, Request-URI and Route by loose (";lr") or strict routing, Contact, Max-Forwards and
    // a top Via carrying a fresh branch (sent-by filled in by the transaction layer).
    SipMessage makeRequest(const QByteArray &method);
    // ACK for a 2xx to invite (§13.2.2.4): the INVITE's CSeq number, a fresh branch, the same
    // Authorization headers, and the given body (an answer to an offer in the 2xx).
    SipMessage makeAck(const SipMessage &invite, const QByteArray &body = {},
                       const QByteArray &contentType = {}) const;

    // §12.2.2: 0 when the request may be processed (and records its CSeq), otherwise the status
    // to answer with (500 for a CSeq lower than the last one).
    int checkRequest(const SipMessage &request);

    // Where in-dialog requests go first (§8.1.2): the first Route, or the remote target.
    SipUri nextHopUri() const;

    // Whether a message belongs to this dialog (seen as received: a request's To tag, a response's
    // From tag are ours).
    bool matchesRequest(const SipMessage &request) const;

private:
    void setRouteSet(const QList<NameAddr> &recordRoutes, bool reverse);
    void applyRouting(SipMessage &request) const;

    DialogId m_id;
    State m_state = State::Early;
    NameAddr m_localUri, m_remoteUri, m_localContact;
    quint32 m_localSeq = 0;
    std::optional<quint32> m_remoteSeq;
    QList<NameAddr> m_routeSet;
    SipUri m_remoteTarget;
    bool m_secure = false;
    bool m_uac = false;
};

} // namespace parlo::sip
