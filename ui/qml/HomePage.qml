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
    // scrolled to survives switching tabs. Pages are loaded by URL: a page named in this file
    // would be compiled with it, with everything it imports, when the window opens.
    component TabPage: Loader {
        required property string name
        required property url page
        property var initial: ({})
        readonly property bool shown: home.view === name
        function make() {
            if (!item && status !== Loader.Loading)
                setSource(page, initial)
        }
        onShownChanged: if (shown) make()
        Component.onCompleted: if (shown) make()
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: ["call", "dialer", "history", "contacts", "accounts", "settings"].indexOf(home.view)
        Loader {
            id: callView
            objectName: "callView"
            active: home.inCall
            source: Qt.resolvedUrl("InCallPage.qml")
        }
        TabPage {
            id: dialer
            name: "dialer"
            page: Qt.resolvedUrl("DialerPage.qml")
            initial: ({ objectName: "dialerPage", controller: home.calls, history: home.history })
        }
        TabPage {
            name: "history"
            page: Qt.resolvedUrl("HistoryPage.qml")
            initial: ({ objectName: "historyPage", model: home.history, controller: home.calls })
        }
        TabPage {
            name: "contacts"
            page: Qt.resolvedUrl("ContactsPage.qml")
            initial: ({ objectName: "contactsPage", accounts: home.accounts, calls: home.calls,
                        contacts: contactModel, messages: messageController,
                        presence: presenceController, voicemail: voicemailIndicator })
        }
        TabPage {
            id: accountsTab
            name: "accounts"
            page: Qt.resolvedUrl("AccountsPage.qml")
            initial: ({ objectName: "accountsPage", model: home.accounts })
        }
        TabPage {
            name: "settings"
            page: Qt.resolvedUrl("SettingsPage.qml")
            initial: ({ objectName: "settingsPage" })
        }
    }
    Binding {
        target: callView.item
        property: "call"
        value: home.calls.currentCall
        when: callView.item !== null
    }
    Binding {
        target: callView.item
        property: "calls"
        value: home.calls.calls
        when: callView.item !== null
    }
    Connections {
        target: callView.item
        function onHangupRequested() { home.calls.hangup() }
        function onMuteRequested(mute) { home.calls.setMuted(mute) }
        function onHoldRequested(hold) { hold ? home.calls.hold() : home.calls.resume() }
        function onDtmfRequested(digit) { home.calls.sendDtmf(digit) }
        function onTransferRequested(target) { home.calls.transferBlind(target) }
        function onSwapRequested(call) { home.calls.swap(call) }
        function onAttendedTransferRequested(call) { home.calls.transferAttended(call) }
        function onAddCallRequested() { home.show("dialer") }
    }
    Connections {
        target: accountsTab.item
        function onAddAccount() { home.addAccount() }
    }

    // The services behind the contacts tab run from the start, whether or not it is ever opened:
    // messages that arrive are kept, contacts' presence is watched, voicemail is counted.
    ContactListModel { id: contactModel }
    MessageController { id: messageController; objectName: "messageController"; accounts: home.accounts }
    PresenceController { id: presenceController; accounts: home.accounts; contacts: contactModel }
    VoicemailIndicator { id: voicemailIndicator; accounts: home.accounts }

    // The unread messages travel with the contacts tab, so new ones show from any view.
    readonly property int unreadMessages: messageController.unreadTotal

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
