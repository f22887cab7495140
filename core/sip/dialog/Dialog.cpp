#include "sip/dialog/Dialog.h"

#include "sip/message/SipIdentifiers.h"

#include <algorithm>

namespace parlo::sip {

namespace {
std::optional<SipUri> firstContact(const SipMessage &message) {
    const QList<NameAddr> contacts = message.contacts();
    if (contacts.isEmpty() || contacts.first().isWildcard())
        return std::nullopt;
    return contacts.first().uri();
}
} // namespace

Dialog Dialog::fromUacResponse(const SipMessage &request, const SipMessage &response) {
    Dialog d;
    d.m_uac = true;
    d.m_id = {request.callId(), request.from().tag(), response.to().tag()};
    d.m_state = response.statusCode() >= 200 ? State::Confirmed : State::Early;
    d.m_localUri = request.from();
    d.m_localUri.params().remove("tag");
    d.m_remoteUri = response.to();
    d.m_remoteUri.params().remove("tag");
    d.m_localSeq = request.cseqNumber();
    d.m_secure = request.requestUri().scheme() == SipUri::Scheme::Sips;
    d.setRouteSet(response.recordRoutes(), true);
    d.m_remoteTarget = firstContact(response).value_or(request.requestUri());
    const QList<NameAddr> contacts = request.contacts();
    if (!contacts.isEmpty())
        d.m_localContact = contacts.first();
    return d;
}

Dialog Dialog::fromUasRequest(const SipMessage &request, const QByteArray &localTag, bool secureTransport) {
    Dialog d;
    d.m_id = {request.callId(), localTag, request.from().tag()};
    d.m_localUri = request.to();
    d.m_localUri.params().remove("tag");
    d.m_remoteUri = request.from();
    d.m_remoteUri.params().remove("tag");
    d.m_remoteSeq = request.cseqNumber();
    d.m_secure = secureTransport && request.requestUri().scheme() == SipUri::Scheme::Sips;
    d.setRouteSet(request.recordRoutes(), false);
    if (auto target = firstContact(request))
        d.m_remoteTarget = *target;
    return d;
}

void Dialog::setRouteSet(const QList<NameAddr> &recordRoutes, bool reverse) {
    m_routeSet = recordRoutes;
    for (NameAddr &r : m_routeSet)
        r.params() = {}; // header parameters of Record-Route are not part of the route
    if (reverse)
        std::reverse(m_routeSet.begin(), m_routeSet.end());
}

void Dialog::confirm(const SipMessage &response2xx) {
    if (m_uac && response2xx.isValid() && m_state == State::Early) {
        setRouteSet(response2xx.recordRoutes(), true);
        refreshTarget(response2xx);
    }
    m_state = State::Confirmed;
}

void Dialog::refreshTarget(const SipMessage &message) {
    if (auto target = firstContact(message))
        m_remoteTarget = *target;
}

void Dialog::applyRouting(SipMessage &request) const {
    if (m_routeSet.isEmpty()) {
        request.setRequestUri(m_remoteTarget);
        request.removeHeaders(HeaderId::Route);
        return;
    }
    if (m_routeSet.first().uri().params().contains("lr")) {
        request.setRequestUri(m_remoteTarget);
        request.setRoutes(m_routeSet);
        return;
    }
    // Strict routing (RFC 2543 proxies): the first route becomes the Request-URI and the remote
    // target travels as the last Route.
    SipUri ruri = m_routeSet.first().uri();
    ruri.params().remove("method");
    ruri.headers() = {};
    request.setRequestUri(ruri);
    QList<NameAddr> routes = m_routeSet.mid(1);
    routes.append(NameAddr(m_remoteTarget));
    request.setRoutes(routes);
}

SipMessage Dialog::makeRequest(const QByteArray &method) {
    SipMessage request = SipMessage::makeRequest(method, m_remoteTarget);
    applyRouting(request);
    Via via;
    via.setBranch(newBranch());
    request.prependVia(via);
    request.setMaxForwards(70);
    NameAddr from = m_localUri;
    from.setTag(m_id.localTag);
    request.setFrom(from);
    NameAddr to = m_remoteUri;
    if (!m_id.remoteTag.isEmpty())
        to.setTag(m_id.remoteTag);
    request.setTo(to);
    request.setCallId(m_id.callId);
    request.setCSeq({++m_localSeq, method});
    if (!m_localContact.uri().isValid())
        return request;
    if (method == "INVITE" || method == "UPDATE" || method == "SUBSCRIBE" || method == "NOTIFY" ||
        method == "REFER")
        request.setContacts({m_localContact});
    return request;
}

SipMessage Dialog::makeAck(const SipMessage &invite, const QByteArray &body,
                           const QByteArray &contentType) const {
    Dialog copy = *this;
    SipMessage ack = copy.makeRequest("ACK");
    ack.setCSeq({invite.cseqNumber(), "ACK"});
    for (const QByteArray &v : invite.headers(HeaderId::Authorization))
        ack.addHeader(HeaderId::Authorization, v);
    for (const QByteArray &v : invite.headers(HeaderId::ProxyAuthorization))
        ack.addHeader(HeaderId::ProxyAuthorization, v);
    if (!body.isEmpty())
        ack.setBody(body, contentType);
    return ack;
}

int Dialog::checkRequest(const SipMessage &request) {
    const quint32 seq = request.cseqNumber();
    if (request.method() == "ACK" || request.method() == "CANCEL")
        return 0; // they carry the CSeq number of the request they belong to
    if (m_remoteSeq && seq < *m_remoteSeq)
        return 500; // §12.2.2: out of order
    m_remoteSeq = seq;
    return 0;
}

SipUri Dialog::nextHopUri() const {
    if (!m_routeSet.isEmpty())
        return m_routeSet.first().uri();
    return m_remoteTarget;
}

bool Dialog::matchesRequest(const SipMessage &request) const {
    return request.callIdView() == m_id.callId && request.toTag() == m_id.localTag &&
           request.fromTag() == m_id.remoteTag;
}

} // namespace parlo::sip
