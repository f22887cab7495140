#include "EchoService.h"

#include "account/UserAgent.h"
#include "call/Call.h"
#include "call/CallManager.h"
#include "call/EngineCallMedia.h"
#include "media/MediaEngine.h"
#include "sip/transport/TransportLayer.h"

#include <QLoggingCategory>
#include <QPointer>

Q_LOGGING_CATEGORY(lcEcho, "parlo.ui.echo")

EchoService::EchoService(QObject *parent)
    : QObject(parent) {
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleStopMs);
    connect(&m_idle, &QTimer::timeout, this, &EchoService::stop);
}

EchoService::~EchoService() {
    stop();
}

QString EchoService::start() {
    m_idle.stop();
    if (running())
        return m_uri;
    auto *ua = new parlo::UserAgent(parlo::Clock::system(), this);
    QString error;
    // Loopback only: nobody else on the network can call the echo.
    if (!ua->listen(QHostAddress::LocalHost, 0, &error)) {
        qCWarning(lcEcho) << "cannot listen:" << error;
        delete ua;
        setErrorText(
            tr("The test call cannot start: Parlo could not open a local network port (%1).").arg(error));
        return {};
    }
    const parlo::sip::Peer local = ua->transport()->localEndpoint(parlo::sip::TransportProtocol::Udp);
    m_ua = ua;
    m_engine = new parlo::media::MediaEngine(this);
    m_calls = new parlo::CallManager(m_ua, this);
    parlo::sdp::MediaCapabilities caps = m_calls->capabilities();
    // Like the user's own calls: SDES when offered, so the test covers what real calls use.
    caps.srtp = parlo::sdp::SrtpPolicy::Optional;
    m_calls->setCapabilities(caps);
    QPointer<parlo::media::MediaEngine> engine(m_engine);
    m_calls->setMediaFactory([engine](const QHostAddress &towards) -> std::unique_ptr<parlo::CallMedia> {
        parlo::CallMediaOptions media;
        media.echo = true; // sent back a moment later (MediaSession::Config::echoDelayMs)
        return engine ? parlo::createCallMedia(engine, media, towards) : nullptr;
    });
    m_calls->setAutoAnswer(0);
    connect(m_calls, &parlo::CallManager::callEnded, this, &EchoService::onCallEnded);
    m_uri = QStringLiteral("sip:echo@127.0.0.1:%1").arg(local.port);
    qCDebug(lcEcho) << "echo service at" << m_uri;
    setErrorText({});
    Q_EMIT runningChanged();
    return m_uri;
}

void EchoService::onCallEnded() {
    if (m_calls && m_calls->calls().isEmpty())
        m_idle.start();
}

void EchoService::stop() {
    m_idle.stop();
    if (!running())
        return;
    for (parlo::Call *call : m_calls->calls())
        call->hangup();
    // The calls hang up through the user agent and their media lives on the engine: both go last.
    delete m_calls;
    m_calls = nullptr;
    delete m_engine;
    m_engine = nullptr;
    delete m_ua;
    m_ua = nullptr;
    m_uri.clear();
    qCDebug(lcEcho) << "echo service stopped";
    Q_EMIT runningChanged();
}

void EchoService::setErrorText(const QString &text) {
    if (m_errorText == text)
        return;
    m_errorText = text;
    Q_EMIT errorTextChanged();
}
