#include "MessageController.h"

#include "AppStorage.h"
#include "DialTarget.h"
#include "account/Account.h"
#include "account/UserAgent.h"
#include "sip/dialog/Pager.h"

#include <QDateTime>

using parlo::sip::Pager;
using parlo::sip::RequestError;
using parlo::storage::MessageRecord;

namespace {
constexpr int kMaxFailures = 500;
constexpr int kMaxUnreadConversations = 1000;
} // namespace

MessageController::MessageController(QObject *parent)
    : QObject(parent) {}

MessageController::~MessageController() = default;

void MessageController::setAccounts(AccountListModel *accounts) {
    if (accounts == m_accounts)
        return;
    if (m_accounts)
        disconnect(m_accounts, nullptr, this, nullptr);
    m_accounts = accounts;
    if (m_accounts)
        connect(m_accounts, &AccountListModel::defaultAccountChanged, this, &MessageController::attach);
    attach();
    Q_EMIT accountsChanged();
}

void MessageController::attach() {
    parlo::Account *account = m_accounts ? m_accounts->defaultAccount() : nullptr;
    parlo::UserAgent *ua = m_accounts ? m_accounts->userAgent() : nullptr;
    if (!account || !ua) {
        if (m_pager) {
            delete m_pager; // in-flight messages stay pending in the store: we never learn more
            m_pager = nullptr;
            m_inFlight.clear();
            Q_EMIT canSendChanged();
        }
        return;
    }
    const bool created = !m_pager;
    if (created) {
        m_pager = new Pager(ua->transactions(), ua->uas(), ua->resolver(), this);
        connect(m_pager, &Pager::delivered, this, [this](quint64 id, int) {
            const qint64 messageId = m_inFlight.take(id);
            if (messageId)
                AppStorage::instance()->messages()->setStatus(messageId, MessageRecord::Status::Delivered);
        });
        connect(m_pager, &Pager::failed, this, [this](quint64 id, const RequestError &error) {
            const qint64 messageId = m_inFlight.take(id);
            if (!messageId)
                return;
            if (m_failures.size() >= kMaxFailures)
                m_failures.erase(m_failures.begin());
            m_failures.insert(messageId, requestErrorText(error));
            Q_EMIT failureTextChanged(messageId);
            AppStorage::instance()->messages()->setStatus(messageId, MessageRecord::Status::Failed);
        });
        connect(m_pager, &Pager::messageReceived, this,
                [this](const parlo::sip::NameAddr &from, const QByteArray &, const QByteArray &body,
                       const QDateTime &) {
                    parlo::sip::SipUri uri = from.uri();
                    uri.params() = {};
                    onReceived(uri.toDisplayString(), QString::fromUtf8(body));
                });
    }
    const parlo::AccountSettings &s = account->settings();
    Pager::Config c;
    c.from = parlo::sip::NameAddr(s.aor, s.displayName);
    c.outboundProxy = s.outboundProxy;
    c.transport = s.transport;
    m_pager->setConfig(c);
    m_pager->setCredentials(m_accounts->defaultCredentials());
    if (created)
        Q_EMIT canSendChanged();
}

void MessageController::setSendError(const QString &text) {
    if (text == m_sendError)
        return;
    m_sendError = text;
    Q_EMIT sendErrorChanged();
}

QString MessageController::conversationUri(const QString &target) const {
    const QByteArray domain = m_accounts ? m_accounts->defaultDomain() : QByteArray();
    const auto uri = DialTarget::normalize(target, domain);
    if (const auto *u = std::get_if<parlo::sip::SipUri>(&uri))
        return u->toDisplayString();
    return {};
}

QString MessageController::addressError(const QString &target) const {
    if (!conversationUri(target).isEmpty())
        return {};
    return tr("This is not a valid address for a message. Write it like sip:bob@example.com.");
}

bool MessageController::send(const QString &to, const QString &text) {
    const QString uriText = conversationUri(to);
    if (uriText.isEmpty()) {
        setSendError(addressError(to));
        return false;
    }
    if (text.trimmed().isEmpty()) {
        setSendError(tr("Type a message first."));
        return false;
    }
    if (text.toUtf8().size() > kMaxTextBytes) {
        setSendError(tr("The message is too long (at most %1 bytes).").arg(kMaxTextBytes));
        return false;
    }
    if (!m_pager) {
        setSendError(tr("Add an account first: messages are sent from your SIP account."));
        return false;
    }
    auto *store = AppStorage::instance()->messages();
    MessageRecord record;
    const auto contact = AppStorage::instance()->contacts()->findByUri(uriText);
    record.contactId = contact ? contact->id : 0;
    record.remoteUri = uriText;
    record.direction = MessageRecord::Direction::Outgoing;
    record.text = text;
    record.timeMs = QDateTime::currentMSecsSinceEpoch();
    record.status = MessageRecord::Status::Pending;
    const auto added = store->add(record);
    if (!std::holds_alternative<qint64>(added)) {
        setSendError(tr("The message could not be saved, so it was not sent."));
        return false;
    }
    setSendError({});
    const qint64 messageId = std::get<qint64>(added);
    // The pager reports even immediate failures from the event loop, after the id is known.
    const quint64 pagerId = m_pager->send(*parlo::sip::SipUri::parse(uriText.toUtf8()), text.toUtf8());
    m_inFlight.insert(pagerId, messageId);
    return true;
}

void MessageController::onReceived(const QString &uri, const QString &text) {
    MessageRecord record;
    const auto contact = AppStorage::instance()->contacts()->findByUri(uri);
    // Filed under the contact's own spelling of the address, so the contact's conversation has it.
    record.remoteUri = contact ? contact->sipUri : uri;
    record.contactId = contact ? contact->id : 0;
    record.direction = MessageRecord::Direction::Incoming;
    record.text = text;
    record.timeMs = QDateTime::currentMSecsSinceEpoch();
    record.status = MessageRecord::Status::Delivered;
    // Counted before it is stored: an open conversation marks it read when the store reports it.
    if (m_unread.contains(record.remoteUri) || m_unread.size() < kMaxUnreadConversations) {
        ++m_unread[record.remoteUri];
        Q_EMIT unreadChanged();
    }
    AppStorage::instance()->messages()->add(record);
    Q_EMIT messageReceived(record.remoteUri, text);
}

int MessageController::unreadTotal() const {
    int total = 0;
    for (int n : m_unread)
        total += n;
    return total;
}

QStringList MessageController::unreadUris() const {
    QStringList uris = m_unread.keys();
    uris.sort();
    return uris;
}

void MessageController::markRead(const QString &uri) {
    if (m_unread.remove(uri))
        Q_EMIT unreadChanged();
}

QString MessageController::requestErrorText(const RequestError &error) {
    switch (error.kind) {
    case RequestError::Kind::None:
        return {};
    case RequestError::Kind::ResolveFailed:
        return tr("The recipient's server name was not found.");
    case RequestError::Kind::Timeout:
        return tr("No answer from the recipient's server.");
    case RequestError::Kind::TransportFailed:
        return tr("No connection to the recipient's server.");
    case RequestError::Kind::NoCredentials:
    case RequestError::Kind::AuthenticationFailed:
    case RequestError::Kind::UnsupportedAuth:
        return tr("Your provider refused the message: check the account's password.");
    case RequestError::Kind::Forbidden:
        return tr("Your provider does not allow this message.");
    case RequestError::Kind::NotFound:
        return tr("The recipient does not exist or is offline.");
    case RequestError::Kind::TooLarge:
        return tr("The message is too large for the recipient.");
    case RequestError::Kind::ServerError:
        return tr("The server had a temporary problem; try again later.");
    default:
        break;
    }
    return error.status > 0
               ? tr("The message was refused (%1 %2).").arg(error.status).arg(QString::fromUtf8(error.reason))
               : tr("The message was refused.");
}
