#include "CallItem.h"

#include "CallErrorText.h"

using parlo::Call;

CallItem::CallItem(Call *call, QObject *parent)
    : QObject(parent)
    , m_call(call)
    , m_state(call->state())
    , m_direction(call->direction())
    , m_remoteUri(call->remoteUri())
    , m_remoteName(call->remoteName())
    , m_onHold(call->isOnHold())
    , m_muted(call->isMuted())
    , m_oneWayAudio(call->hasOneWayAudio())
    , m_stats(call->stats()) {
    m_clock.setInterval(1000);
    connect(&m_clock, &QTimer::timeout, this, &CallItem::tick);
    connect(call, &Call::stateChanged, this, &CallItem::syncState);
    connect(call, &Call::holdChanged, this, [this](bool held) {
        m_onHold = held;
        Q_EMIT changed();
    });
    connect(call, &Call::remoteHoldChanged, this, [this](bool held) {
        m_remoteHold = held;
        Q_EMIT changed();
    });
    connect(call, &Call::mutedChanged, this, [this](bool muted) {
        m_muted = muted;
        Q_EMIT changed();
    });
    connect(call, &Call::oneWayAudioChanged, this, [this](bool oneWay) {
        m_oneWayAudio = oneWay;
        Q_EMIT changed();
    });
    connect(call, &Call::statsChanged, this, [this]() {
        if (!m_call)
            return;
        m_stats = m_call->stats();
        Q_EMIT statsChanged();
    });
    connect(call, &Call::mediaError, this, [this](parlo::CallMediaError error, const QString &) {
        // Both devices can be missing: keep each sentence once.
        const QString text = CallErrorText::mediaError(error);
        if (m_mediaWarning.contains(text))
            return;
        m_mediaWarning += (m_mediaWarning.isEmpty() ? QString() : QStringLiteral("\n")) + text;
        Q_EMIT changed();
    });
    connect(call, &Call::ended, this, &CallItem::finish);
    syncState();
}

void CallItem::finish() {
    if (!m_call || !m_endText.isEmpty())
        return;
    m_endText = CallErrorText::endReason(m_call->endReason(), m_call->endStatus());
    syncState();
}

void CallItem::syncState() {
    if (m_call)
        m_state = m_call->state();
    if (m_state == Call::State::Active && !m_clock.isActive()) {
        tick();
        m_clock.start();
    } else if (!isLive()) {
        m_clock.stop();
    }
    Q_EMIT changed();
}

void CallItem::tick() {
    if (!m_call || !m_call->answerTime().isValid())
        return;
    const int seconds = int(m_call->answerTime().secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds != m_duration) {
        m_duration = std::max(0, seconds);
        Q_EMIT durationChanged();
    }
}

void CallItem::setMuted(bool muted) {
    if (m_call)
        m_call->setMuted(muted);
}

void CallItem::answer() {
    if (m_call)
        m_call->answer();
}

void CallItem::reject() {
    // 603 Decline: the user said no (486 would claim we are busy).
    if (m_call)
        m_call->reject(603);
}

void CallItem::hangup() {
    if (m_call)
        m_call->hangup();
}

bool CallItem::hold() {
    return m_call && m_call->hold();
}

bool CallItem::resume() {
    return m_call && m_call->resume();
}

bool CallItem::sendDtmf(const QString &digits) {
    return m_call && m_call->sendDtmf(digits);
}

void CallItem::setTransferring(bool on) {
    if (m_transferring == on)
        return;
    m_transferring = on;
    Q_EMIT changed();
}

void CallItem::setTransferError(const QString &text) {
    m_transferError = text;
    Q_EMIT changed();
}
