#pragma once

#include "EventPrinter.h"
#include "account/AccountSettings.h"
#include "presence/PresenceState.h"
#include "sdp/MediaCapabilities.h"
#include "sip/auth/DigestCredentials.h"
#include "sip/message/NameAddr.h"

#include <QFile>
#include <QHostAddress>
#include <QObject>
#include <memory>

class CallReporter;
namespace parlo {
class Call;
class CallManager;
class UserAgent;
namespace media {
class MediaEngine;
}
namespace sip {
class ClientRegistration;
class Pager;
} // namespace sip
namespace presence {
class MessageWaiting;
class PresencePublisher;
class PresenceWatcher;
} // namespace presence
} // namespace parlo

// parlo-cli's commands on the shared core. Options follow the CLI contract in docs/cli.md.
class CliApp : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString command;
        std::optional<parlo::sip::SipUri> aor;
        QString username;
        QString password;
        std::optional<parlo::sip::SipUri> proxy;
        std::optional<parlo::sip::TransportProtocol> transport;
        QString caFile;
        QHostAddress listenAddress = QHostAddress::AnyIPv4;
        quint16 listenPort = 0;
        bool listenPortGiven = false;
        bool json = false;
        bool verbose = false;
        QString logSipFile;
        bool once = false;
        quint32 expires = 3600;
        // call / listen
        std::optional<parlo::sip::SipUri> callTarget;
        QString playFile, recordFile;
        double hangupAfterS = -1;
        QString dtmf;
        int dtmfDelayMs = 500;
        int autoAnswerMs = -1; // -1: ring until the caller gives up
        int rejectStatus = 0;  // listen --reject=STATUS
        int maxCalls = 0;      // listen: exit after this many calls ended (0: never)
        QList<parlo::sdp::Codec> codecs;
        parlo::sdp::SrtpPolicy srtp = parlo::sdp::SrtpPolicy::Optional;
        bool audio = false;
        int statsIntervalMs = 5000;
        double holdAfterS = -1, resumeAfterS = -1;
        std::optional<parlo::sip::SipUri> transferTo;
        double transferAfterS = 2;
        // watch
        QList<parlo::sip::SipUri> watchTargets;
        bool watchPresence = true, watchRegistration = true, watchDialog = true;
        // message
        std::optional<parlo::sip::SipUri> messageTarget;
        QString messageText;
        // presence
        parlo::presence::PresenceState presenceState = parlo::presence::PresenceState::Unknown;
        QString note;
        bool stay = false; // keep the publication up until SIGINT/SIGTERM, then remove it
    };

    // Parses argv; on error prints the problem and returns the exit code to use (2), else -1.
    static int parse(const QStringList &args, Options *out);

    explicit CliApp(const Options &options, QObject *parent = nullptr);
    ~CliApp() override;

    // Starts the command; the process exits with the code passed to QCoreApplication::exit().
    bool start();
    // SIGINT/SIGTERM: hang up calls, unregister and exit within 2 s.
    void requestShutdown() { shutdown(0); }

private:
    bool setUpStack();
    bool setUpCalls();
    void startRegistration();
    void dial();
    void follow(parlo::Call *call);
    void onCallFinished(parlo::Call *call, CallReporter *reporter);
    int reporterId(const parlo::Call *call) const; // our number for call (0: not followed)
    void shutdown(int exitCode);
    void finishShutdown();
    void logWire(bool outgoing, const parlo::sip::Peer &peer, const QByteArray &bytes);
    // watch, message, presence; listen's messages and MWI
    void startWatch();
    void sendMessage();
    void publishPresence();
    void setUpMessages();
    void startMessageWaiting();
    // Our From: the AOR, or (direct-IP) sip:parlo@ our address towards target.
    parlo::sip::NameAddr identity(const parlo::sip::SipUri &target) const;
    parlo::sip::DigestCredentials credentials() const;
    QString hopText(const parlo::sip::SipUri &target) const; // where requests to target go

    Options m_options;
    EventPrinter m_out;
    parlo::UserAgent *m_ua = nullptr;
    parlo::sip::ClientRegistration *m_registration = nullptr;
    std::unique_ptr<QFile> m_sipLog;
    bool m_shuttingDown = false;
    int m_exitCode = 0;
    parlo::media::MediaEngine *m_engine = nullptr;
    parlo::CallManager *m_calls = nullptr;
    int m_nextCallId = 1;
    int m_mediaCount = 0;
    int m_callsEnded = 0;
    int m_liveCalls = 0;
    bool m_dialled = false;
    bool m_unregisterStarted = false;
    parlo::sip::Pager *m_pager = nullptr;
    parlo::presence::MessageWaiting *m_mwi = nullptr;
    parlo::presence::PresencePublisher *m_publisher = nullptr;
    QList<parlo::presence::PresenceWatcher *> m_watchers;
};
