#pragma once

#include "base/Clock.h"
#include "call/CallMedia.h"
#include "sdp/OfferAnswer.h"
#include "sip/dialog/InviteSession.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>
#include <memory>

namespace parlo {

// One call, in either direction: the INVITE session (signalling) with its offer/answer state and
// media. A QObject with identity and lifetime; CallManager owns it.
class Call : public QObject, private sip::InviteSessionHandler {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Direction direction READ direction CONSTANT)
    Q_PROPERTY(QString remoteUri READ remoteUri CONSTANT)
    Q_PROPERTY(QString remoteName READ remoteName CONSTANT)
    Q_PROPERTY(bool onHold READ isOnHold NOTIFY holdChanged)
    Q_PROPERTY(bool muted READ isMuted WRITE setMuted NOTIFY mutedChanged)
    Q_PROPERTY(bool oneWayAudio READ hasOneWayAudio NOTIFY oneWayAudioChanged)
    Q_PROPERTY(bool recording READ isRecording NOTIFY recordingChanged)
public:
    enum class State {
        Dialing,    // outgoing, INVITE sent
        Ringing,    // outgoing: the callee is alerted (180); incoming: waiting for us to answer
        EarlyMedia, // outgoing: 183 with an answer, media flowing before the answer
        Connecting, // incoming: answered, waiting for the ACK
        Active,
        Ending,
        Ended
    };
    Q_ENUM(State)
    enum class Direction { Outgoing, Incoming };
    Q_ENUM(Direction)
    enum class EndReason {
        None,
        HungUpLocally,
        HungUpRemotely,
        Cancelled,     // the caller gave up before the call was answered
        Declined,      // we rejected it (DND, busy, decline)
        Busy,          // the callee answered 486/600
        Rejected,      // another 3xx-6xx (see endStatus)
        NotReachable,  // timeout, transport error, DNS
        NoCommonMedia, // offer/answer failed (488)
        AuthenticationFailed,
        ConnectionLost, // no ACK, 408/481 inside the dialog
    };
    Q_ENUM(EndReason)
    enum class DtmfMethod {
        Rtp,  // RFC 4733 telephone-event in the media stream
        Info, // SIP INFO application/dtmf-relay in the dialog
    };
    Q_ENUM(DtmfMethod)
    // Digits queued by sendDtmf() and not yet sent; more are refused.
    static constexpr int kMaxQueuedDigits = 64;

    // media may be null (no RTP endpoint could be bound): the call then ends as soon as it would
    // need one. attach() connects the INVITE session once it exists.
    Call(Direction direction, const sdp::MediaCapabilities &caps, std::unique_ptr<CallMedia> media,
         QObject *parent = nullptr);
    ~Call() override;

    State state() const { return m_state; }
    Direction direction() const { return m_direction; }
    QString remoteUri() const { return m_remoteUri; }
    QString remoteName() const { return m_remoteName; }
    bool isOnHold() const { return m_localHold; }
    EndReason endReason() const { return m_endReason; }
    int endStatus() const { return m_endStatus; }
    QDateTime startTime() const { return m_startTime; }
    QDateTime answerTime() const { return m_answerTime; }
    QDateTime endTime() const { return m_endTime; }
    std::optional<sdp::NegotiatedMedia> media() const { return m_offerAnswer.negotiated(); }
    sip::InviteSession *session() const { return m_session; }
    bool isMuted() const { return m_muted; }
    // No RTP arrived for a while although the call is answered and we expect to receive.
    bool hasOneWayAudio() const { return m_oneWayAudio; }
    CallMediaStats stats() const;
    bool isRecording() const { return m_recording; }
    // The file of the running recording, or of the last one.
    QString recordingFile() const { return m_recordingFile; }

    // Timers for the DTMF pacing (default: the system clock; tests inject a ManualClock).
    void setClock(Clock *clock) { m_clock = clock ? clock : Clock::system(); }

    // Incoming: alert the caller (180); answer with our SDP; reject (486 busy, 603 decline).
    void ring();
    void answer();
    void reject(int status = 486);
    // Either direction, any state: CANCEL, reject or BYE as fits.
    void hangup();
    // Re-INVITE with sendonly (hold) / sendrecv (resume). False when not possible now.
    bool hold();
    bool resume();
    // Sends digits (0-9, *, #, A-D) one after another, each durationMs long with a pause between
    // them: RFC 4733 when negotiated, else SIP INFO application/dtmf-relay. False (nothing queued)
    // when the call is not active, a digit is invalid or the queue would overflow.
    bool sendDtmf(const QString &digits, int durationMs = 160);
    // Muted: the media keeps running but sends silence.
    void setMuted(bool muted);
    // Records the conversation (both directions mixed, mono WAV) into path from now until
    // stopRecording() or the end of the call; a running recording is finished first. False when
    // the call has no running media or the file cannot be created (mediaError says why).
    bool startRecording(const QString &path);
    // Finalizes the recording (the file is complete when this returns); false when it could not
    // be written. Nothing to stop counts as done.
    bool stopRecording();
    // Moves the call's audio to other devices (empty: the system default) without interrupting
    // it; device failures come as mediaError. False when the media uses no audio devices.
    bool setAudioDevices(const QByteArray &inputId, const QByteArray &outputId);

Q_SIGNALS:
    void stateChanged(parlo::Call::State state);
    void holdChanged(bool onHold);
    // The peer put us on hold / took us off (its re-INVITE's direction).
    void remoteHoldChanged(bool held);
    void mediaChanged();
    void ended(parlo::Call::EndReason reason, int status);
    // A DTMF digit from the peer, by RFC 4733 or SIP INFO.
    void dtmfReceived(QChar digit, int durationMs, parlo::Call::DtmfMethod method);
    // A digit of sendDtmf() went out (info: it was sent by SIP INFO).
    void dtmfSent(QChar digit, parlo::Call::DtmfMethod method);
    void mutedChanged(bool muted);
    void oneWayAudioChanged(bool oneWay);
    void statsChanged();
    void mediaError(parlo::CallMediaError error, const QString &detail);
    void playbackFinished();
    void recordingChanged(bool recording);

private:
    friend class CallManager;
    void attach(sip::InviteSession *session);
    sip::InviteSessionHandler *handler() { return this; }

    // InviteSessionHandler
    sip::SessionBody makeOffer() override;
    std::variant<sip::SessionBody, sip::SessionError> answerOffer(const sip::SessionBody &offer) override;
    bool takeAnswer(const sip::SessionBody &answer) override;

    void setState(State s);
    void onSessionState(sip::InviteSession::State s);
    void onSessionEnded(sip::InviteSession::EndReason reason, int status);
    void applyMedia();
    void connectMedia();
    void updateOneWayAudio();
    void sendNextDigit();
    void setRecording(bool on);

    QPointer<sip::InviteSession> m_session;
    Direction m_direction;
    sdp::OfferAnswer m_offerAnswer;
    std::unique_ptr<CallMedia> m_media;
    State m_state;
    EndReason m_endReason = EndReason::None;
    int m_endStatus = 0;
    QString m_remoteUri, m_remoteName;
    QDateTime m_startTime, m_answerTime, m_endTime;
    bool m_localHold = false;
    bool m_remoteHold = false;
    std::optional<sdp::Direction> m_wantedDirection;
    std::optional<sdp::Origin> m_remoteAnswerOrigin; // of the answer to our last offer
    bool m_muted = false;
    bool m_noRtp = false;
    bool m_oneWayAudio = false;
    bool m_recording = false;
    QString m_recordingFile;
    Clock *m_clock = Clock::system();
    Clock::TimerId m_dtmfTimer = 0;
    QString m_dtmfQueue;
    int m_dtmfDurationMs = 160;
};

} // namespace parlo
