#pragma once

#include "sip/auth/DigestCredentials.h"
#include "sip/dialog/RequestError.h"
#include "sip/message/NameAddr.h"
#include "sip/message/SipMessage.h"
#include "sip/message/SipUri.h"
#include "sip/transport/TransportProtocol.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <optional>

namespace parlo::sip {

class Resolver;
class ServerTransaction;
class TransactionLayer;
class UasCore;
struct RequestOutcome;

// RFC 3428 pager-mode instant messages. send() puts each message in its own MESSAGE request
// (answering digest challenges) and reports delivered on a 2xx, failed on anything final else or
// on a timeout. Incoming MESSAGEs outside a dialog are answered 200 and reported — but 413 above
// maxBodySize and 415 for other content types than accept. RFC 3428 §7 keeps messages over UDP
// below 1300 bytes unless congestion-controlled; the transport layer moves large requests to TCP,
// so we accept up to maxBodySize on any transport.
class Pager : public QObject {
    Q_OBJECT
public:
    struct Config {
        NameAddr from; // our address of record and display name (no tag)
        std::optional<SipUri> outboundProxy;
        std::optional<TransportProtocol> transport;
        QByteArray userAgent = "Parlo/" PARLO_VERSION;
        qsizetype maxBodySize = 64 * 1024;
        QList<QByteArray> accept{"text/plain"}; // media types we take in incoming MESSAGEs
        int maxPending = 32;                    // messages in flight; more fail at once
    };

    Pager(TransactionLayer *transactions, UasCore *uas, Resolver *resolver, QObject *parent = nullptr);
    ~Pager() override;

    void setConfig(const Config &config) { m_config = config; }
    const Config &config() const { return m_config; }
    void setCredentials(const DigestCredentials &credentials) { m_credentials = credentials; }

    // Sends text to to; returns the id that delivered/failed name (never 0). Failures found at
    // once (too large, too many pending) are reported from the event loop, after send() returned.
    quint64 send(const SipUri &to, const QByteArray &text,
                 const QByteArray &contentType = "text/plain;charset=UTF-8");
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void delivered(quint64 id, int status);
    void failed(quint64 id, const parlo::sip::RequestError &error);
    void messageReceived(const parlo::sip::NameAddr &from, const QByteArray &contentType,
                         const QByteArray &body, const QDateTime &timestamp);

private:
    struct Pending {
        SipMessage request; // as last sent
        int authAttempts = 0;
    };
    void transmit(quint64 id, const SipMessage &request);
    void onResponse(quint64 id, const RequestOutcome &outcome);
    void finish(quint64 id, const RequestError &error, int status);
    bool onMessage(ServerTransaction *t, const SipMessage &request);

    TransactionLayer *m_transactions;
    QPointer<UasCore> m_uas;
    Resolver *m_resolver;
    Config m_config;
    DigestCredentials m_credentials;
    QHash<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
};

} // namespace parlo::sip
