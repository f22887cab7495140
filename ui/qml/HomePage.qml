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
        show("dialer")
        dialer.dialText(text)
    }
    onViewsChanged: Qt.callLater(() => tabs.currentIndex = views.indexOf(view))

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
        DialerPage {
            id: dialer
            objectName: "dialerPage"
            controller: home.calls
            history: home.history
        }
        HistoryPage {
            objectName: "historyPage"
            model: home.history
            controller: home.calls
        }
        ContactsPage {
            id: contactsPage
            objectName: "contactsPage"
            accounts: home.accounts
            calls: home.calls
            // The unread count travels with the tab, so new messages show from any view.
            readonly property string tabText: messages.unreadTotal > 0
                                              ? qsTr("Contacts (%1)").arg(messages.unreadTotal) : qsTr("Contacts")
        }
        AccountsPage {
            objectName: "accountsPage"
            model: home.accounts
            onAddAccount: home.addAccount()
        }
        SettingsPage {
            objectName: "settingsPage"
        }
    }

    footer: TabBar {
        id: tabs
        objectName: "mainTabs"
        Repeater {
            model: home.views
            delegate: TabButton {
                required property string modelData
                objectName: "tab_" + modelData
                text: modelData === "call" ? qsTr("Call") : modelData === "dialer" ? qsTr("Dialer") : modelData === "history" ? home.historyTabText : modelData === "contacts" ? contactsPage.tabText : modelData === "settings" ? qsTr("Settings") : qsTr("Accounts")
                Accessible.name: text
                onClicked: home.show(modelData)
            }
        }
    }
}
