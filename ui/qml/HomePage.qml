import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// The main window once an account exists: dialer and accounts as tabs, and the call screen as a
// third tab while a call is up (it comes to the front when a call starts).
Page {
    id: home
    required property AccountListModel accounts
    required property CallController calls
    signal addAccount()

    readonly property bool inCall: calls.currentCall !== null
    readonly property var views: inCall ? ["call", "dialer", "history", "contacts", "accounts", "settings"] : ["dialer", "history", "contacts", "accounts", "settings"]
    property string view: inCall ? "call" : "dialer"

    // The call history (the history tab and the dialer's suggestions); opening the tab counts
    // the missed calls as seen, until then their number rides on the tab.
    property CallHistoryModel history: CallHistoryModel {}
    readonly property string historyTabText: history.missedCount > 0 ? qsTr("History (%1)").arg(history.missedCount)
                                                                    : qsTr("History")
    onViewChanged: if (view === "history") history.markAllSeen()

    function show(which) {
        view = which
        tabs.currentIndex = views.indexOf(which)
    }
    // A new call (also a second one dialled from the dialer) comes to the front; when the last
    // call has gone, the dialer does.
    Connections {
        target: home.calls
        function onCurrentCallChanged() {
            if (home.calls.currentCall)
                home.show("call")
            else if (home.view === "call")
                home.show("dialer")
        }
    }
    function dialText(text) {
        show("dialer") // makes the dialer if it was never shown
        dialer.item.dialText(text)
    }
    onViewsChanged: Qt.callLater(() => tabs.currentIndex = views.indexOf(view))

    // A tab's page is made the first time it is shown, not at start-up (making every page took
    // most of the window's start time and memory), and kept from then on, so what was typed or
    // scrolled to survives switching tabs.
    component TabPage: Loader {
        required property string name
        readonly property bool shown: home.view === name
        active: false
        onShownChanged: if (shown) active = true
        Component.onCompleted: if (shown) active = true
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: ["call", "dialer", "history", "contacts", "accounts", "settings"].indexOf(home.view)
        Loader {
            objectName: "callView"
            active: home.inCall
            sourceComponent: InCallPage {
                call: home.calls.currentCall
                calls: home.calls.calls
                onHangupRequested: home.calls.hangup()
                onMuteRequested: mute => home.calls.setMuted(mute)
                onHoldRequested: hold => hold ? home.calls.hold() : home.calls.resume()
                onDtmfRequested: digit => home.calls.sendDtmf(digit)
                onTransferRequested: target => home.calls.transferBlind(target)
                onSwapRequested: call => home.calls.swap(call)
                onAttendedTransferRequested: call => home.calls.transferAttended(call)
                onAddCallRequested: home.show("dialer")
            }
        }
        TabPage {
            id: dialer
            name: "dialer"
            sourceComponent: DialerPage {
                objectName: "dialerPage"
                controller: home.calls
                history: home.history
            }
        }
        TabPage {
            name: "history"
            sourceComponent: HistoryPage {
                objectName: "historyPage"
                model: home.history
                controller: home.calls
            }
        }
        TabPage {
            id: contacts
            name: "contacts"
            // The contacts page also keeps the services behind it (messages arriving, presence,
            // voicemail), so it is always made, but after the window shows: the unread count on
            // its tab appears with it.
            Component.onCompleted: active = true
            asynchronous: true
            sourceComponent: ContactsPage {
                objectName: "contactsPage"
                accounts: home.accounts
                calls: home.calls
            }
        }
        TabPage {
            name: "accounts"
            sourceComponent: AccountsPage {
                objectName: "accountsPage"
                model: home.accounts
                onAddAccount: home.addAccount()
            }
        }
        TabPage {
            name: "settings"
            sourceComponent: SettingsPage {
                objectName: "settingsPage"
            }
        }
    }

    // The unread messages travel with the contacts tab, so new ones show from any view.
    readonly property int unreadMessages: contacts.item ? contacts.item.messages.unreadTotal : 0

    footer: TabBar {
        id: tabs
        objectName: "mainTabs"
        Repeater {
            model: home.views
            delegate: TabButton {
                required property string modelData
                objectName: "tab_" + modelData
                text: modelData === "call" ? qsTr("Call") : modelData === "dialer" ? qsTr("Dialer") : modelData === "history" ? home.historyTabText : modelData === "contacts" ? (home.unreadMessages > 0 ? qsTr("Contacts (%1)").arg(home.unreadMessages) : qsTr("Contacts")) : modelData === "settings" ? qsTr("Settings") : qsTr("Accounts")
                Accessible.name: text
                onClicked: home.show(modelData)
            }
        }
    }
}
