#include "TrayIcon.h"

#include "AccountListModel.h"
#include "AppSettings.h"
#include "BringToFront.h"
#include "CallController.h"
#include "sip/dialog/ClientRegistration.h"
#include "storage/CallHistoryStore.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDateTime>
#include <QIcon>
#include <QLoggingCategory>
#include <QPainter>
#include <QPainterPath>
#include <QWindow>

using parlo::sip::ClientRegistration;

Q_LOGGING_CATEGORY(lcTray, "parlo.tray")

namespace {
QString stateText(ClientRegistration::State state) {
    switch (state) {
    case ClientRegistration::State::Registered:
    case ClientRegistration::State::Refreshing:
        return TrayIcon::tr("online");
    case ClientRegistration::State::Registering:
        return TrayIcon::tr("signing in…");
    case ClientRegistration::State::RetryWaiting:
        return TrayIcon::tr("cannot sign in, retrying");
    case ClientRegistration::State::Failed:
        return TrayIcon::tr("cannot sign in");
    case ClientRegistration::State::Unregistering:
    case ClientRegistration::State::Unregistered:
        break;
    }
    return TrayIcon::tr("offline");
}
} // namespace

QIcon TrayIcon::makeIcon(bool badge) {
    // resources/icons/org.parlo.Parlo.svg drawn as paths: Qt's SVG plugin is not a dependency.
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48, 64, 128}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(size / 128.0, size / 128.0);
        const QColor blue(0x1e, 0x6f, 0xd9);
        p.setPen(Qt::NoPen);
        p.setBrush(blue);
        p.drawRoundedRect(QRectF(8, 8, 112, 112), 26, 26);
        QPainterPath bubble(QPointF(64, 24));
        bubble.cubicTo(39.7, 24, 20, 40.6, 20, 61);
        bubble.cubicTo(20, 71.5, 25.2, 81, 33.6, 87.7);
        bubble.lineTo(29, 104);
        bubble.lineTo(48.2, 94.4);
        bubble.cubicTo(53.2, 96, 58.5, 97, 64, 97);
        bubble.cubicTo(88.3, 97, 108, 80.4, 108, 60);
        bubble.cubicTo(108, 39.6, 88.3, 24, 64, 24);
        p.setBrush(Qt::white);
        p.drawPath(bubble);
        p.setBrush(blue);
        for (const auto &[rect, angle, centre] :
             {std::tuple{QRectF(33, 37, 26, 16), 50.0, QPointF(46, 45)},
              std::tuple{QRectF(69, 71, 26, 16), 40.0, QPointF(82, 79)}}) {
            p.save();
            p.translate(centre);
            p.rotate(angle);
            p.translate(-centre);
            p.drawRoundedRect(rect, 6, 6);
            p.restore();
        }
        QPainterPath grip(QPointF(45, 47));
        grip.cubicTo(45, 61, 61, 78, 78, 79);
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(blue, 11, Qt::SolidLine, Qt::RoundCap));
        p.drawPath(grip);
        if (badge) {
            // Missed calls: a red dot in the corner.
            p.setPen(QPen(Qt::white, 6));
            p.setBrush(QColor(0xd3, 0x2f, 0x2f));
            p.drawEllipse(QPointF(100, 28), 24, 24);
        }
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

TrayIcon::TrayIcon(AppSettings *settings, const TrayViewFactory &makeView, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_now([] { return QDateTime::currentMSecsSinceEpoch(); }) {
    m_seenSinceMs = m_now();
    m_showHide = new QAction(tr("Show window"), this);
    connect(m_showHide, &QAction::triggered, this, &TrayIcon::toggleWindow);
    m_answer = new QAction(tr("Answer"), this);
    connect(m_answer, &QAction::triggered, this, [this]() {
        if (m_calls) {
            m_calls->answer();
            showWindow();
        }
    });
    m_reject = new QAction(tr("Reject"), this);
    connect(m_reject, &QAction::triggered, this, [this]() {
        if (m_calls)
            m_calls->reject();
    });
    m_dnd = new QAction(tr("Do not disturb"), this);
    m_dnd->setCheckable(true);
    m_dnd->setChecked(m_settings->doNotDisturb());
    connect(m_dnd, &QAction::toggled, m_settings, &AppSettings::setDoNotDisturb);
    connect(m_settings, &AppSettings::doNotDisturbChanged, this, [this]() {
        m_dnd->setChecked(m_settings->doNotDisturb());
        updateToolTip();
    });
    m_quit = new QAction(tr("Quit Parlo"), this);
    connect(m_quit, &QAction::triggered, QCoreApplication::instance(), &QCoreApplication::quit);
    updateCallActions();

    if (makeView)
        m_view = makeView(makeIcon(false), {m_showHide, m_answer, m_reject, nullptr, m_dnd, nullptr, m_quit});
    if (m_view) {
        m_view->onActivated = [this]() { toggleWindow(); };
        m_view->onMessageClicked = [this]() { showWindow(); };
    }
    updateToolTip();
}

TrayIcon::~TrayIcon() {
    if (m_window)
        m_window->removeEventFilter(this);
}

void TrayIcon::show() {
    if (m_view)
        m_view->show();
}

void TrayIcon::setWindow(QWindow *window) {
    if (m_window)
        m_window->removeEventFilter(this);
    m_window = window;
    if (!window)
        return;
    // Without a tray, closing the window quits as usual.
    if (m_view)
        window->installEventFilter(this);
    const auto sync = [this]() {
        m_showHide->setText(m_window && m_window->isVisible() ? tr("Hide window") : tr("Show window"));
    };
    // Looking at the window (shown and active) counts as having seen the missed calls.
    const auto seen = [this]() {
        if (m_window && m_window->isVisible() && m_window->isActive()) {
            m_seenSinceMs = m_now();
            updateMissed();
        }
    };
    connect(window, &QWindow::visibleChanged, this, sync);
    connect(window, &QWindow::visibleChanged, this, seen);
    connect(window, &QWindow::activeChanged, this, seen);
    sync();
}

void TrayIcon::setCalls(CallController *calls) {
    if (m_calls)
        disconnect(m_calls, nullptr, this, nullptr);
    m_calls = calls;
    if (calls)
        connect(calls, &CallController::incomingCallChanged, this, &TrayIcon::onIncomingChanged);
    onIncomingChanged();
}

void TrayIcon::setAccounts(AccountListModel *accounts) {
    if (m_accounts)
        disconnect(m_accounts, nullptr, this, nullptr);
    m_accounts = accounts;
    if (accounts) {
        connect(accounts, &QAbstractItemModel::dataChanged, this, &TrayIcon::updateToolTip);
        connect(accounts, &QAbstractItemModel::modelReset, this, &TrayIcon::updateToolTip);
        connect(accounts, &QAbstractItemModel::rowsInserted, this, &TrayIcon::updateToolTip);
        connect(accounts, &QAbstractItemModel::rowsRemoved, this, &TrayIcon::updateToolTip);
    }
    updateToolTip();
}

void TrayIcon::setHistory(parlo::storage::CallHistoryStore *history) {
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = history;
    if (history) {
        using parlo::storage::CallHistoryStore;
        connect(history, &CallHistoryStore::recordAdded, this, &TrayIcon::updateMissed);
        // A call is recorded when it starts and marked missed when it ends unanswered.
        connect(history, &CallHistoryStore::recordChanged, this, &TrayIcon::updateMissed);
        connect(history, &CallHistoryStore::recordRemoved, this, &TrayIcon::updateMissed);
        connect(history, &CallHistoryStore::cleared, this, &TrayIcon::updateMissed);
    }
    updateMissed();
}

void TrayIcon::updateMissed() {
    const int missed = m_history ? int(m_history->missedSince(m_seenSinceMs).size()) : 0;
    if (missed == m_missed)
        return;
    const bool badgeChanged = (missed > 0) != (m_missed > 0);
    m_missed = missed;
    if (m_view && badgeChanged)
        m_view->setIcon(makeIcon(missed > 0));
    updateToolTip();
}

void TrayIcon::updateToolTip() {
    QStringList lines{tr("Parlo")};
    if (m_accounts) {
        for (int row = 0; row < m_accounts->rowCount(); ++row) {
            const QModelIndex i = m_accounts->index(row);
            const auto state = ClientRegistration::State(
                m_accounts->data(i, AccountListModel::RegistrationStateRole).toInt());
            lines << tr("%1: %2").arg(m_accounts->data(i, AccountListModel::AorRole).toString(),
                                      stateText(state));
        }
        if (m_accounts->rowCount() == 0)
            lines << tr("No account set up");
    }
    if (m_settings->doNotDisturb())
        lines << tr("Do not disturb: calls are turned away");
    if (m_missed > 0)
        // No %n plural: English ships without a translation file to supply its forms.
        lines << (m_missed == 1 ? tr("1 missed call") : tr("%1 missed calls").arg(m_missed));
    const QString text = lines.join(QLatin1Char('\n'));
    if (text == m_toolTip)
        return;
    m_toolTip = text;
    if (m_view)
        m_view->setToolTip(text);
    Q_EMIT toolTipChanged(text);
}

void TrayIcon::updateCallActions() {
    // Only while a call rings: no dead entries.
    const bool ringing = m_calls && m_calls->incomingCall();
    m_answer->setVisible(ringing);
    m_reject->setVisible(ringing);
}

void TrayIcon::onIncomingChanged() {
    updateCallActions();
    CallItem *call = m_calls ? m_calls->incomingCall() : nullptr;
    if (call && call != m_ringing && m_announceCalls) {
        const QString who = call->remoteName().isEmpty()
                                ? call->remoteUri()
                                : tr("%1 (%2)").arg(call->remoteName(), call->remoteUri());
        notify(tr("Incoming call"), who);
    }
    m_ringing = call;
}

void TrayIcon::notify(const QString &title, const QString &text) {
    if (m_view && m_view->isVisible())
        m_view->showMessage(title, text, makeIcon(false));
    Q_EMIT notified(title, text);
}

void TrayIcon::showWindow() {
    parlo::bringToFront(m_window);
}

void TrayIcon::toggleWindow() {
    if (!m_window)
        return;
    if (m_window->isVisible() && !(m_window->windowStates() & Qt::WindowMinimized)) {
        qCDebug(lcTray) << "window hidden in the tray";
        m_window->hide();
    } else {
        qCDebug(lcTray) << "window shown from the tray";
        showWindow();
    }
}

bool TrayIcon::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_window && event->type() == QEvent::Close && m_view) {
        // Calls still come in while the window is away: keep running in the tray.
        event->ignore();
        m_window->hide();
        if (!m_settings->trayHintShown()) {
            m_settings->setTrayHintShown();
            notify(tr("Parlo is still running"),
                   tr("Parlo stays in the tray to take your calls. To quit, use Quit Parlo in its menu."));
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}
