#include "CallController.h"

#include "AppSettings.h"
#include "CallErrorText.h"
#include "DialTarget.h"
#include "call/CallManager.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcCallController, "parlo.ui.calls")

using parlo::Call;
using parlo::CallManager;

CallController::CallController(QObject *parent)
    : QObject(parent)
    , m_calls(new CallListModel(this)) {}

CallController::~CallController() = default;

void CallController::setAccounts(AccountListModel *accounts) {
    if (accounts == m_accounts)
        return;
    if (m_manager)
        disconnect(m_manager, nullptr, this, nullptr);
    m_accounts = accounts;
    attach();
    Q_EMIT accountsChanged();
}

void CallController::attach() {
    m_manager = m_accounts ? m_accounts->callManager() : nullptr;
    Q_EMIT canDialChanged();
    if (!m_manager)
        return;
    // Do-not-disturb, auto-answer, codec order and SRTP policy as the user set them.
    AppSettings::instance()->applyTo(m_manager);
    connect(m_manager, &CallManager::callAdded, this, &CallController::onCallAdded);
    connect(m_manager, &CallManager::callEnded, this, &CallController::onCallEnded);
    connect(m_manager, &CallManager::transferSucceeded, this, [this](Call *call) {
        if (CallItem *item = itemFor(call)) {
            item->setTransferring(false);
            item->markTransferred();
            m_lastCallSummary =
                tr("The call with %1 was transferred.")
                    .arg(item->remoteName().isEmpty() ? item->remoteUri() : item->remoteName());
            Q_EMIT lastCallSummaryChanged();
        }
    });
    connect(m_manager, &CallManager::transferFailed, this, [this](Call *call, int status) {
        if (CallItem *item = itemFor(call)) {
            item->setTransferring(false);
            item->setTransferError(CallErrorText::transferFailed(status));
        }
    });
    // A manager shared with another controller may have calls already.
    for (Call *call : m_manager->calls())
        onCallAdded(call);
}

void CallController::onCallAdded(Call *call) {
    if (m_items.contains(call))
        return;
    auto *item = new CallItem(call, this);
    item->setRecordingsFolder(m_recordingsFolder);
    m_items.insert(call, item);
    connect(item, &CallItem::changed, this, &CallController::update);
    m_calls->append(item);
    if (call->direction() == Call::Direction::Outgoing)
        setCurrent(item);
    update();
}

void CallController::onCallEnded(Call *call) {
    CallItem *item = m_items.take(call);
    if (!item)
        return;
    item->finish();
    const QString who = item->remoteName().isEmpty() ? item->remoteUri() : item->remoteName();
    if (!item->wasTransferred()) {
        m_lastCallSummary =
            item->endText().isEmpty() ? tr("The call with %1 has ended.").arg(who) : item->endText();
        Q_EMIT lastCallSummaryChanged();
    }
    // Leave the screens first, then the list, then let the item go.
    if (m_current == item)
        m_current = nullptr;
    if (m_incoming == item)
        m_incoming = nullptr;
    disconnect(item, nullptr, this, nullptr);
    m_calls->remove(item);
    update();
    Q_EMIT currentCallChanged();
    Q_EMIT incomingCallChanged();
    item->deleteLater();
}

void CallController::update() {
    CallItem *incoming = nullptr;
    for (CallItem *item : m_calls->items()) {
        if (item->direction() == Call::Direction::Incoming && item->state() == Call::State::Ringing) {
            incoming = item;
            break;
        }
    }
    if (incoming != m_incoming) {
        m_incoming = incoming;
        Q_EMIT incomingCallChanged();
    }
    const auto ringingIn = [](const CallItem *i) {
        return i->direction() == Call::Direction::Incoming && i->state() == Call::State::Ringing;
    };
    if (m_current && (!m_current->isLive() || ringingIn(m_current)))
        setCurrent(nullptr);
    if (!m_current) {
        // Another call that is up: prefer one not on hold, the newest first.
        CallItem *next = nullptr;
        const auto &items = m_calls->items();
        for (auto it = items.crbegin(); it != items.crend(); ++it) {
            CallItem *i = *it;
            if (!i->isLive() || ringingIn(i))
                continue;
            if (!next || (next->onHold() && !i->onHold()))
                next = i;
        }
        if (next)
            setCurrent(next);
    }
}

void CallController::setCurrent(CallItem *item) {
    if (m_current == item)
        return;
    m_current = item;
    Q_EMIT currentCallChanged();
}

void CallController::setDialError(const QString &text) {
    if (m_dialError == text)
        return;
    m_dialError = text;
    Q_EMIT dialErrorChanged();
}

void CallController::clearDialError() {
    setDialError({});
}

QString CallController::resolve(const QString &target) const {
    const QByteArray domain = m_accounts ? m_accounts->defaultDomain() : QByteArray();
    const auto result = DialTarget::normalize(target, domain);
    if (const auto *uri = std::get_if<parlo::sip::SipUri>(&result))
        return uri->toDisplayString();
    return {};
}

bool CallController::dial(const QString &target) {
    const QByteArray domain = m_accounts ? m_accounts->defaultDomain() : QByteArray();
    const auto result = DialTarget::normalize(target, domain);
    if (const auto *error = std::get_if<DialTarget::Error>(&result)) {
        setDialError(CallErrorText::dialError(*error));
        return false;
    }
    if (!m_manager) {
        setDialError(tr("Add an account first, or enter a full address like sip:bob@example.com."));
        return false;
    }
    const auto &uri = std::get<parlo::sip::SipUri>(result);
    // A second call: the one we are talking in waits on hold, as on a desk phone.
    if (m_current && m_current->state() == Call::State::Active && !m_current->onHold())
        m_current->hold();
    Call *call = m_manager->dial(uri);
    if (!call) {
        setDialError(tr("Parlo could not open a network port for the call's audio."));
        return false;
    }
    qCDebug(lcCallController) << "dialling" << uri.toDisplayString();
    setDialError({});
    if (CallItem *item = itemFor(call))
        setCurrent(item);
    return true;
}

void CallController::answer(CallItem *call) {
    CallItem *item = call ? call : m_incoming;
    if (!item || !item->call())
        return;
    bool othersUp = false;
    for (const CallItem *i : m_calls->items())
        othersUp |= i != item && i->isLive() && i->state() == Call::State::Active && !i->onHold();
    // Call waiting: the call we were in goes on hold rather than both talking at once.
    if (othersUp && m_manager)
        m_manager->swap(item->call());
    else
        item->answer();
    setCurrent(item);
    update();
}

void CallController::reject(CallItem *call) {
    if (CallItem *item = call ? call : m_incoming)
        item->reject();
}

void CallController::hangup(CallItem *call) {
    if (CallItem *item = call ? call : m_current)
        item->hangup();
}

bool CallController::hold() {
    return m_current && m_current->hold();
}

bool CallController::resume() {
    return m_current && m_current->resume();
}

void CallController::setMuted(bool muted) {
    if (m_current)
        m_current->setMuted(muted);
}

bool CallController::sendDtmf(const QString &digits) {
    return m_current && m_current->sendDtmf(digits);
}

bool CallController::toggleRecording() {
    return m_current && m_current->toggleRecording();
}

bool CallController::setAudioDevices(const QString &inputId, const QString &outputId) {
    return m_current && m_current->setAudioDevices(inputId, outputId);
}

void CallController::setRecordingsFolder(const QString &folder) {
    if (m_recordingsFolder == folder)
        return;
    m_recordingsFolder = folder;
    for (CallItem *item : std::as_const(m_items))
        item->setRecordingsFolder(folder);
    Q_EMIT recordingsFolderChanged();
}

bool CallController::transferBlind(const QString &target) {
    if (!m_current || !m_current->call() || !m_manager)
        return false;
    const QByteArray domain = m_accounts ? m_accounts->defaultDomain() : QByteArray();
    const auto result = DialTarget::normalize(target, domain);
    if (const auto *error = std::get_if<DialTarget::Error>(&result)) {
        m_current->setTransferError(CallErrorText::dialError(*error));
        return false;
    }
    if (!m_manager->transferBlind(m_current->call(), std::get<parlo::sip::SipUri>(result))) {
        m_current->setTransferError(tr("The call cannot be transferred now: it must be connected."));
        return false;
    }
    m_current->setTransferError({});
    m_current->setTransferring(true);
    return true;
}

bool CallController::transferAttended(CallItem *other) {
    if (!m_current || !m_current->call() || !other || other == m_current || !other->call() || !m_manager)
        return false;
    if (!m_manager->transferAttended(m_current->call(), other->call())) {
        m_current->setTransferError(tr("The call cannot be transferred now: both calls must be connected."));
        return false;
    }
    m_current->setTransferError({});
    m_current->setTransferring(true);
    return true;
}

bool CallController::swap(CallItem *call) {
    if (!call || !call->call() || !m_manager)
        return false;
    if (!m_manager->swap(call->call()))
        return false;
    setCurrent(call);
    return true;
}
