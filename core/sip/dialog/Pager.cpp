#include "sip/dialog/Pager.h"

#include "sip/dialog/RequestSender.h"
#include "sip/dialog/UasCore.h"
#include "sip/message/SipIdentifiers.h"
#include "sip/transaction/ServerTransaction.h"

#include <QLoggingCategory>
#include <QMetaObject>

#include <algorithm>

Q_LOGGING_CATEGORY(lcPager, "parlo.sip.pager")

namespace parlo::sip {

namespace {
QByteArray mediaType(const QByteArray &contentType) {
    const qsizetype semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.left(semi)).trimmed().toLower();
}
} // namespace

Pager::Pager(TransactionLayer *transactions, UasCore *uas, Resolver *resolver, QObject *parent)
    : QObject(parent)
    , m_transactions(transactions)
    , m_uas(uas)
    , m_resolver(resolver) {
    if (uas)
        uas->addHandler("MESSAGE", this,
                        [this](ServerTransaction *t, const SipMessage &r) { return onMessage(t, r); });
}

Pager::~Pager() {
    if (m_uas)
        m_uas->removeHandlers(this);
}

quint64 Pager::send(const SipUri &to, const QByteArray &text, const QByteArray &contentType) {
    const quint64 id = m_nextId++;
    RequestError refused;
    if (text.size() > m_config.maxBodySize) {
        refused.kind = RequestError::Kind::TooLarge;
    } else if (m_pending.size() >= m_config.maxPending) {
        refused.kind = RequestError::Kind::ServerError; // our own queue is full: try later
        refused.reason = "too many messages pending";
        refused.temporary = true;
    }
    if (refused) {
        // After send() returned, so the caller knows the id first.
        QMetaObject::invokeMethod(
            this, [this, id, refused]() { Q_EMIT failed(id, refused); }, Qt::QueuedConnection);
        return id;
    }

    SipMessage request = SipMessage::makeRequest("MESSAGE", to);
    Via via;
    via.setBranch(newBranch());
    via.params().setFlag("rport");
    request.prependVia(via);
    request.setMaxForwards(70);
    if (m_config.outboundProxy) {
        NameAddr route(*m_config.outboundProxy);
        route.uri().params().setFlag("lr");
        request.setRoutes({route});
    }
    NameAddr from = m_config.from;
    from.setTag(newTag());
    request.setFrom(from);
    request.setTo(NameAddr(to));
    request.setCallId(newCallId());
    request.setCSeq({1, "MESSAGE"});
    request.setHeader(HeaderId::UserAgent, m_config.userAgent);
    request.setBody(text, contentType);
    m_credentials.reauthorize(request);
    m_pending.insert(id, Pending{request, 0});
    transmit(id, request);
    return id;
}

void Pager::transmit(quint64 id, const SipMessage &request) {
    m_pending[id].request = request;
    const SipUri hop = m_config.outboundProxy.value_or(request.requestUri());
    RequestSender::send(m_transactions, m_resolver, request, hop, m_config.transport, this,
                        [this, id](const RequestOutcome &outcome) { onResponse(id, outcome); });
}

void Pager::onResponse(quint64 id, const RequestOutcome &outcome) {
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    const int status = outcome.status();
    if (status / 100 == 2) {
        finish(id, {}, status);
        return;
    }
    if (status == 401 || status == 407) {
        SipMessage retry = RequestSender::resendable(it->request);
        const RequestError::Kind kind =
            RequestSender::answerChallenge(m_credentials, retry, outcome.response, &it->authAttempts);
        if (kind == RequestError::Kind::None) {
            transmit(id, retry);
            return;
        }
        RequestError e;
        e.kind = kind;
        e.status = status;
        e.reason = outcome.response.reasonPhrase();
        finish(id, e, status);
        return;
    }
    finish(id, RequestSender::errorFor(outcome), status);
}

void Pager::finish(quint64 id, const RequestError &error, int status) {
    m_pending.remove(id);
    if (error) {
        qCInfo(lcPager) << "message" << id << "failed:" << int(error.kind) << error.status;
        Q_EMIT failed(id, error);
        return;
    }
    Q_EMIT delivered(id, status);
}

bool Pager::onMessage(ServerTransaction *t, const SipMessage &request) {
    if (!request.toTag().isEmpty())
        return false; // inside a dialog: not pager mode (UasCore answers 481 if nobody takes it)
    const QByteArrayView body = request.bodyView();
    if (body.size() > m_config.maxBodySize) {
        t->respond(413); // RFC 3261 §21.4.11
        return true;
    }
    const QByteArray contentType = request.contentType();
    const QByteArray encoding = request.header(HeaderId::ContentEncoding).trimmed().toLower();
    const bool typeOk = body.isEmpty() || std::any_of(m_config.accept.cbegin(), m_config.accept.cend(),
                                                      [&](const QByteArray &a) {
                                                          return mediaType(a) == mediaType(contentType);
                                                      });
    if (!typeOk || (!encoding.isEmpty() && encoding != "identity")) {
        SipMessage r = SipMessage::responseTo(request, 415);
        r.setHeader(HeaderId::Accept, m_config.accept.join(", "));
        r.setHeader(HeaderId::AcceptEncoding, "identity");
        t->respond(r);
        return true;
    }
    // RFC 3428 §7: 200 (not 202): the message reached the user agent itself.
    t->respond(200);
    NameAddr from = request.from();
    from.params().remove("tag");
    Q_EMIT messageReceived(from, contentType, body.toByteArray(), QDateTime::currentDateTimeUtc());
    return true;
}

} // namespace parlo::sip
