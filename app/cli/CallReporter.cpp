#include "CallReporter.h"

#include "ErrorText.h"
#include "call/Call.h"
#include "call/CallManager.h"
#include "sip/dialog/InviteSession.h"

#include <QJsonObject>

using namespace parlo;

namespace {
QString viaName(Call::DtmfMethod method) {
    return method == Call::DtmfMethod::Rtp ? QStringLiteral("rtp") : QStringLiteral("info");
}
} // namespace

CallReporter::CallReporter(Call *call, int id, EventPrinter *out, const Actions &actions, CallManager *calls,
                           QObject *parent)
    : QObject(parent)
    , m_call(call)
    , m_id(id)
    , m_out(out)
    , m_actions(actions)
    , m_calls(calls) {
    m_statsTimer.setInterval(std::max(200, actions.statsIntervalMs));
    connect(&m_statsTimer, &QTimer::timeout, this, [this]() { printStats(false); });
    m_hangupTimer.setSingleShot(true);
    connect(&m_hangupTimer, &QTimer::timeout, this, [this]() {
        if (m_call)
            m_call->hangup();
    });
    m_dtmfTimer.setSingleShot(true);
    connect(&m_dtmfTimer, &QTimer::timeout, this, [this]() {
        if (m_call && !m_call->sendDtmf(m_actions.dtmf))
            m_out->event(QStringLiteral("dtmf_failed"),
                         prefix() + QStringLiteral("cannot send DTMF '%1'").arg(m_actions.dtmf), [&] {
                             QJsonObject o = base();
                             o.insert(QStringLiteral("digits"), m_actions.dtmf);
                             return o;
                         }());
    });

    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, [this]() {
        if (m_call && !m_call->hold())
            m_out->event(QStringLiteral("hold_failed"),
                         prefix() + QStringLiteral("cannot put the call on hold now"), base());
    });
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this]() {
        if (m_call && !m_call->resume())
            m_out->event(QStringLiteral("resume_failed"),
                         prefix() + QStringLiteral("cannot resume the call now"), base());
    });
    m_transferTimer.setSingleShot(true);
    connect(&m_transferTimer, &QTimer::timeout, this, &CallReporter::startTransfer);
    if (m_calls) {
        connect(m_calls, &CallManager::transferProgress, this, [this](Call *c, int status) {
            if (c != m_call)
                return;
            QJsonObject o = base();
            o.insert(QStringLiteral("status"), status);
            m_out->event(QStringLiteral("transfer_progress"),
                         prefix() + QStringLiteral("transfer: the other side reports %1").arg(status), o);
        });
        connect(m_calls, &CallManager::transferSucceeded, this, [this](Call *c) {
            if (c != m_call)
                return;
            m_out->event(QStringLiteral("transferred"), prefix() + QStringLiteral("transferred"), base());
        });
        connect(m_calls, &CallManager::transferFailed, this, [this](Call *c, int status) {
            if (c != m_call)
                return;
            QJsonObject o = base();
            o.insert(QStringLiteral("status"), status);
            m_out->event(QStringLiteral("transfer_failed"),
                         prefix() + QStringLiteral("transfer failed (%1); the call stays").arg(status), o);
        });
    }

    connect(call, &Call::stateChanged, this, &CallReporter::onState);
    connect(call, &Call::ended, this, &CallReporter::onEnded);
    connect(call, &Call::dtmfReceived, this, [this](QChar digit, int durationMs, Call::DtmfMethod method) {
        QJsonObject o = base();
        o.insert(QStringLiteral("digit"), QString(digit));
        o.insert(QStringLiteral("duration_ms"), durationMs);
        o.insert(QStringLiteral("via"), viaName(method));
        m_out->event(QStringLiteral("dtmf"),
                     prefix() + QStringLiteral("DTMF %1 received (%2 ms, %3)")
                                    .arg(QString(digit))
                                    .arg(durationMs)
                                    .arg(viaName(method)),
                     o);
    });
    connect(call, &Call::dtmfSent, this, [this](QChar digit, Call::DtmfMethod method) {
        QJsonObject o = base();
        o.insert(QStringLiteral("digit"), QString(digit));
        o.insert(QStringLiteral("via"), viaName(method));
        m_out->event(QStringLiteral("dtmf_sent"),
                     prefix() + QStringLiteral("DTMF %1 sent (%2)").arg(QString(digit), viaName(method)), o);
    });
    connect(call, &Call::holdChanged, this, [this](bool onHold) {
        QJsonObject o = base();
        o.insert(QStringLiteral("by"), QStringLiteral("local"));
        m_out->event(onHold ? QStringLiteral("held") : QStringLiteral("resumed"),
                     prefix() + (onHold ? QStringLiteral("on hold") : QStringLiteral("resumed")), o);
    });
    connect(call, &Call::remoteHoldChanged, this, [this](bool held) {
        QJsonObject o = base();
        o.insert(QStringLiteral("by"), QStringLiteral("remote"));
        m_out->event(held ? QStringLiteral("held") : QStringLiteral("resumed"),
                     prefix() + (held ? QStringLiteral("put on hold by the other side")
                                      : QStringLiteral("resumed by the other side")),
                     o);
    });
    connect(call, &Call::oneWayAudioChanged, this, [this](bool oneWay) {
        QJsonObject o = base();
        o.insert(QStringLiteral("active"), oneWay);
        m_out->event(QStringLiteral("one_way_audio"),
                     prefix() + (oneWay ? QStringLiteral("no RTP received (one-way audio)")
                                        : QStringLiteral("RTP flowing again")),
                     o);
    });
    connect(call, &Call::mediaError, this, [this](CallMediaError error, const QString &detail) {
        QJsonObject o = base();
        o.insert(QStringLiteral("error"), ErrorText::mediaErrorName(error));
        o.insert(QStringLiteral("detail"), detail);
        m_out->event(QStringLiteral("media_error"), prefix() + ErrorText::mediaError(error, detail), o);
    });
    // 1xx responses name themselves (the session reports them before the state moves).
    if (sip::InviteSession *session = call->session()) {
        connect(
            session, &sip::InviteSession::provisional, this, [this](int status, const QByteArray &reason) {
                if (status == 100)
                    return;
                QJsonObject o = base();
                o.insert(QStringLiteral("status"), status);
                o.insert(QStringLiteral("reason"), QString::fromUtf8(reason));
                m_out->event(QStringLiteral("ringing"),
                             prefix() +
                                 QStringLiteral("ringing (%1 %2)").arg(status).arg(QString::fromUtf8(reason)),
                             o);
            });
    }
}

QJsonObject CallReporter::base() const {
    return {{QStringLiteral("call"), m_id}};
}

QString CallReporter::prefix() const {
    return QStringLiteral("call %1: ").arg(m_id);
}

void CallReporter::onState() {
    if (!m_call)
        return;
    switch (m_call->state()) {
    case Call::State::EarlyMedia: {
        QJsonObject o = base();
        if (const auto media = m_call->media())
            o.insert(QStringLiteral("codec"), QString::fromLatin1(media->sendCodec.name));
        m_out->event(QStringLiteral("early_media"), prefix() + QStringLiteral("early media"), o);
        break;
    }
    case Call::State::Active: {
        if (m_answered)
            break;
        m_answered = true;
        QJsonObject o = base();
        QString codec = QStringLiteral("none");
        bool secure = false;
        QString remote;
        if (const auto media = m_call->media()) {
            codec = QStringLiteral("%1/%2")
                        .arg(QString::fromLatin1(media->sendCodec.name))
                        .arg(media->sendCodec.clockRate);
            secure = media->isSecure();
            remote = QStringLiteral("%1:%2").arg(media->remoteAddress.toString()).arg(media->remotePort);
        }
        o.insert(QStringLiteral("codec"), codec);
        o.insert(QStringLiteral("srtp"), secure);
        o.insert(QStringLiteral("remote_media"), remote);
        m_out->event(QStringLiteral("answered"),
                     prefix() + QStringLiteral("answered, %1%2, media to %3")
                                    .arg(codec, secure ? QStringLiteral(" (SRTP)") : QString(), remote),
                     o);
        m_statsTimer.start();
        if (m_actions.hangupAfterS >= 0)
            m_hangupTimer.start(int(m_actions.hangupAfterS * 1000));
        if (!m_actions.dtmf.isEmpty())
            m_dtmfTimer.start(std::max(0, m_actions.dtmfDelayMs));
        if (m_actions.holdAfterS >= 0)
            m_holdTimer.start(int(m_actions.holdAfterS * 1000));
        if (m_actions.resumeAfterS >= 0)
            m_resumeTimer.start(int(m_actions.resumeAfterS * 1000));
        if (m_actions.transferTo)
            m_transferTimer.start(int(m_actions.transferAfterS * 1000));
        break;
    }
    default:
        break;
    }
}

void CallReporter::startTransfer() {
    if (!m_call || !m_calls || !m_actions.transferTo)
        return;
    const QString target = QString::fromUtf8(m_actions.transferTo->toString());
    QJsonObject o = base();
    o.insert(QStringLiteral("to"), target);
    if (!m_calls->transferBlind(m_call, *m_actions.transferTo)) {
        m_out->event(QStringLiteral("transfer_failed"),
                     prefix() + QStringLiteral("cannot transfer the call to %1 now").arg(target), o);
        return;
    }
    m_out->event(QStringLiteral("transfer"), prefix() + QStringLiteral("transferring to %1").arg(target), o);
}

void CallReporter::printStats(bool final) {
    if (!m_call)
        return;
    const CallMediaStats s = m_call->stats();
    QJsonObject o = base();
    o.insert(QStringLiteral("final"), final);
    o.insert(QStringLiteral("codec"), s.codec);
    o.insert(QStringLiteral("srtp"), s.secure);
    o.insert(QStringLiteral("packets_sent"), qint64(s.packetsSent));
    o.insert(QStringLiteral("bytes_sent"), qint64(s.bytesSent));
    o.insert(QStringLiteral("packets_received"), qint64(s.packetsReceived));
    o.insert(QStringLiteral("bytes_received"), qint64(s.bytesReceived));
    o.insert(QStringLiteral("packets_lost"), s.packetsLost);
    o.insert(QStringLiteral("loss_percent"), s.lossPercent);
    o.insert(QStringLiteral("remote_loss_percent"), s.remoteLossPercent);
    o.insert(QStringLiteral("jitter_ms"), s.jitterMs);
    o.insert(QStringLiteral("rtt_ms"), s.rttMs);
    o.insert(QStringLiteral("srtp_failures"), qint64(s.srtpFailures));
    const QString rtt =
        s.rttMs < 0 ? QStringLiteral("n/a") : QString::number(s.rttMs, 'f', 1) + QStringLiteral(" ms");
    m_out->event(QStringLiteral("stats"),
                 prefix() + QStringLiteral("%1sent %2 packets (%3 bytes), received %4 packets (%5 bytes), "
                                           "loss %6 %, jitter %7 ms, rtt %8, srtp failures %9")
                                .arg(final ? QStringLiteral("final stats: ") : QStringLiteral("stats: "))
                                .arg(s.packetsSent)
                                .arg(s.bytesSent)
                                .arg(s.packetsReceived)
                                .arg(s.bytesReceived)
                                .arg(s.lossPercent, 0, 'f', 1)
                                .arg(s.jitterMs, 0, 'f', 1)
                                .arg(rtt)
                                .arg(s.srtpFailures),
                 o);
}

void CallReporter::onEnded() {
    if (m_ended || !m_call)
        return;
    m_ended = true;
    m_statsTimer.stop();
    m_hangupTimer.stop();
    m_dtmfTimer.stop();
    m_holdTimer.stop();
    m_resumeTimer.stop();
    m_transferTimer.stop();
    if (m_answered)
        printStats(true);
    const Call::EndReason reason = m_call->endReason();
    const int status = m_call->endStatus();
    double duration = 0;
    if (m_call->answerTime().isValid() && m_call->endTime().isValid())
        duration = m_call->answerTime().msecsTo(m_call->endTime()) / 1000.0;
    QJsonObject o = base();
    o.insert(QStringLiteral("reason"), ErrorText::callEndReason(reason));
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("answered"), m_answered);
    o.insert(QStringLiteral("duration_s"), duration);
    m_out->event(QStringLiteral("ended"),
                 prefix() + QStringLiteral("ended: %1, %2 s connected")
                                .arg(ErrorText::callEnd(reason, status))
                                .arg(duration, 0, 'f', 1),
                 o);
    Q_EMIT finished(m_call);
}
