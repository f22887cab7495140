#include "CallHistoryRecorder.h"

#include "AppStorage.h"
#include "call/CallManager.h"
#include "storage/CallHistoryStore.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcHistoryRecorder, "parlo.ui.history")

using parlo::Call;
using parlo::CallManager;
using parlo::storage::CallRecord;
using parlo::storage::StorageError;

namespace {
qint64 ms(const QDateTime &t) {
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}
} // namespace

CallHistoryRecorder::CallHistoryRecorder(QObject *parent)
    : CallHistoryRecorder(AppStorage::instance()->history(), parent) {}

CallHistoryRecorder::CallHistoryRecorder(parlo::storage::CallHistoryStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {}

CallHistoryRecorder::~CallHistoryRecorder() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_calls.begin(); it != m_calls.end(); ++it) {
        CallRecord &r = it.value();
        r.endMs = now;
        r.endReason = QStringLiteral("interrupted");
        r.missed = r.direction == CallRecord::Direction::Incoming && r.answerMs == 0;
        if (m_store && r.id)
            m_store->update(r);
    }
}

void CallHistoryRecorder::setController(CallController *controller) {
    if (controller == m_controller)
        return;
    if (m_controller)
        disconnect(m_controller, nullptr, this, nullptr);
    m_controller = controller;
    if (m_controller)
        connect(m_controller, &CallController::accountsChanged, this,
                &CallHistoryRecorder::managerFromController);
    managerFromController();
    Q_EMIT controllerChanged();
}

void CallHistoryRecorder::managerFromController() {
    AccountListModel *accounts = m_controller ? m_controller->accounts() : nullptr;
    setManager(accounts ? accounts->callManager() : nullptr);
}

void CallHistoryRecorder::setManager(CallManager *manager) {
    if (manager == m_manager)
        return;
    if (m_manager)
        disconnect(m_manager, nullptr, this, nullptr);
    m_manager = manager;
    if (!m_manager)
        return;
    connect(m_manager, &CallManager::callAdded, this, &CallHistoryRecorder::track);
    connect(m_manager, &CallManager::incomingRefused, this, &CallHistoryRecorder::onRefused);
    for (Call *call : m_manager->calls())
        track(call);
}

void CallHistoryRecorder::track(Call *call) {
    if (m_calls.contains(call))
        return;
    CallRecord r;
    r.direction = call->direction() == Call::Direction::Incoming ? CallRecord::Direction::Incoming
                                                                 : CallRecord::Direction::Outgoing;
    r.remoteUri = call->remoteUri();
    r.remoteName = call->remoteName();
    r.startMs = ms(call->startTime());
    if (!r.startMs)
        r.startMs = QDateTime::currentMSecsSinceEpoch();
    r.answerMs = ms(call->answerTime());
    if (m_store) {
        const auto added = m_store->add(r);
        if (const auto *e = std::get_if<StorageError>(&added))
            qCWarning(lcHistoryRecorder) << "call not recorded:" << e->kind << e->detail;
        else
            r.id = std::get<qint64>(added);
    }
    m_calls.insert(call, r);
    connect(call, &Call::stateChanged, this, [this, call](Call::State s) {
        if (s == Call::State::Active)
            onAnswered(call);
    });
    connect(call, &Call::ended, this, [this, call]() { onEnded(call); });
    // A call deleted without ending (its manager went away first) is closed as interrupted.
    connect(call, &QObject::destroyed, this, [this, call]() {
        if (!m_calls.contains(call))
            return;
        CallRecord r = m_calls.take(call);
        r.endMs = QDateTime::currentMSecsSinceEpoch();
        r.endReason = QStringLiteral("interrupted");
        r.missed = r.direction == CallRecord::Direction::Incoming && r.answerMs == 0;
        if (m_store && r.id)
            m_store->update(r);
    });
}

void CallHistoryRecorder::onAnswered(Call *call) {
    auto it = m_calls.find(call);
    if (it == m_calls.end() || it->answerMs)
        return;
    it->answerMs = ms(call->answerTime());
    if (!it->answerMs)
        it->answerMs = QDateTime::currentMSecsSinceEpoch();
    write(call);
}

void CallHistoryRecorder::onEnded(Call *call) {
    auto it = m_calls.find(call);
    if (it == m_calls.end())
        return;
    CallRecord &r = *it;
    if (!r.answerMs)
        r.answerMs = ms(call->answerTime());
    r.endMs = ms(call->endTime());
    if (!r.endMs)
        r.endMs = QDateTime::currentMSecsSinceEpoch();
    r.endReason = endToken(call);
    r.status = call->endStatus();
    // Missed: it rang here and nobody took it. A call the user declined was seen, and a lost
    // connection before Active means we answered (no ACK came), so neither is missed.
    r.missed = r.direction == CallRecord::Direction::Incoming && !r.answerMs &&
               call->endReason() != Call::EndReason::Declined &&
               call->endReason() != Call::EndReason::ConnectionLost;
    write(call);
    m_calls.erase(it);
    disconnect(call, nullptr, this, nullptr);
}

void CallHistoryRecorder::onRefused(const QString &remoteUri, const QString &remoteName, int status) {
    if (!m_store)
        return;
    CallRecord r;
    r.direction = CallRecord::Direction::Incoming;
    r.remoteUri = remoteUri;
    r.remoteName = remoteName;
    r.startMs = r.endMs = QDateTime::currentMSecsSinceEpoch();
    r.status = status;
    r.missed = true;
    if (m_manager && m_manager->doNotDisturb())
        r.endReason = QStringLiteral("do-not-disturb");
    else if (status == 486)
        r.endReason = QStringLiteral("call-waiting-off");
    else
        r.endReason = QStringLiteral("refused");
    const auto added = m_store->add(r);
    if (const auto *e = std::get_if<StorageError>(&added))
        qCWarning(lcHistoryRecorder) << "refused call not recorded:" << e->kind << e->detail;
}

void CallHistoryRecorder::write(Call *call) {
    auto it = m_calls.find(call);
    if (it == m_calls.end() || !m_store)
        return;
    StorageError e;
    if (it->id) {
        e = m_store->update(*it);
    } else {
        // The first write failed (e.g. the disk was full): try again with what we know now.
        const auto added = m_store->add(*it);
        if (const auto *error = std::get_if<StorageError>(&added))
            e = *error;
        else
            it->id = std::get<qint64>(added);
    }
    if (e)
        qCWarning(lcHistoryRecorder) << "call history not updated:" << e.kind << e.detail;
}

QString CallHistoryRecorder::endToken(Call *call) {
    using R = Call::EndReason;
    switch (call->endReason()) {
    case R::None:
    case R::HungUpLocally:
        return QStringLiteral("local-bye");
    case R::HungUpRemotely:
        return QStringLiteral("remote-bye");
    case R::Cancelled:
        return QStringLiteral("cancelled");
    case R::Declined:
        return QStringLiteral("declined");
    case R::Busy:
        return QStringLiteral("busy");
    case R::Rejected:
        return QStringLiteral("rejected");
    case R::NotReachable:
        return QStringLiteral("not-reachable");
    case R::NoCommonMedia:
        return QStringLiteral("no-common-media");
    case R::AuthenticationFailed:
        return QStringLiteral("auth-failed");
    case R::ConnectionLost:
        return QStringLiteral("connection-lost");
    }
    return QStringLiteral("local-bye");
}
