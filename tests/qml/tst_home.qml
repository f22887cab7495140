import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// The main window's navigation once an account exists: dialer and accounts tabs, and a call tab
// that comes to the front while a call is up and goes away with it. Tab pages are made when first
// shown and then kept; the services behind the contacts tab run from the start.
Item {
    id: root
    width: 480
    height: 800

    Component {
        id: holderComponent
        Item {
            anchors.fill: parent
            property alias accounts: accounts
            property alias calls: calls
            property alias home: home
            property alias setup: setup
            AccountListModel {
                id: accounts
                settingsFile: "home-" + Date.now() + "-" + Math.random() + ".ini"
            }
            AccountSetupController {
                id: setup
                accounts: accounts
            }
            CallController {
                id: calls
                accounts: accounts
            }
            HomePage {
                id: home
                anchors.fill: parent
                accounts: accounts
                calls: calls
            }
        }
    }

    TestCase {
        name: "Home"
        when: windowShown

        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }
        function tabNames(h) {
            const tabs = child(h.home, "mainTabs")
            const names = []
            for (let i = 0; i < tabs.count; ++i)
                names.push(tabs.itemAt(i).text)
            return names.join(",")
        }

        function test_callTabFollowsTheCall() {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            h.setup.aor = "alice@127.0.0.1:1"
            h.setup.transport = AccountSetupController.Tcp
            h.setup.password = "secret"
            h.setup.save()
            tryCompare(h.setup, "saveState", AccountSetupController.NoKeychain)
            h.setup.saveForSessionOnly()

            compare(tabNames(h), "Dialer,History,Contacts,Accounts,Settings")
            compare(h.home.view, "dialer")
            verify(child(h.home, "dialerPage").visible)
            mouseClick(child(h.home, "tab_accounts"))
            compare(h.home.view, "accounts")
            verify(child(h.home, "accountsPage").visible)
            verify(!child(h.home, "dialerPage").visible)

            // A call (to a closed port) brings the call screen to the front…
            verify(h.calls.dial("sip:bob@127.0.0.1:1;transport=tcp"))
            compare(h.home.view, "call")
            tryCompare(child(h.home, "mainTabs"), "count", 6)
            compare(tabNames(h), "Call,Dialer,History,Contacts,Accounts,Settings")
            tryCompare(child(h.home, "mainTabs"), "currentIndex", 0)
            const page = child(h.home, "callView").item
            verify(page !== null)
            verify(page.visible)
            compare(page.call, h.calls.currentCall)
            // … and when it has ended, the dialer shows how it went.
            tryCompare(h.calls.calls, "count", 0, 40000)
            compare(h.home.view, "dialer")
            tryCompare(child(h.home, "mainTabs"), "count", 5)
            compare(tabNames(h), "Dialer,History,Contacts,Accounts,Settings")
            tryCompare(child(h.home, "mainTabs"), "currentIndex", 0)
            verify(child(h.home, "lastCallLabel").visible)
        }

        function test_pagesMadeOnFirstUseAndKept() {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            verify(child(h.home, "dialerPage").visible)
            for (const name of ["historyPage", "contactsPage", "accountsPage", "settingsPage"])
                compare(findChild(h.home, name), null, name + " not made before its tab is opened")
            // The message service behind the contacts tab runs without the page (its tab shows
            // the unread messages).
            verify(child(h.home, "messageController").accounts === h.accounts)
            compare(child(h.home, "tab_contacts").text, "Contacts")
            mouseClick(child(h.home, "tab_contacts"))
            verify(child(h.home, "contactsPage").visible)
            compare(child(h.home, "contactsPage").messages, child(h.home, "messageController"))

            mouseClick(child(h.home, "tab_settings"))
            const settings = child(h.home, "settingsPage")
            verify(settings.visible)
            verify(!child(h.home, "dialerPage").visible)
            // Text typed into the dialer is still there after a round through other tabs.
            mouseClick(child(h.home, "tab_dialer"))
            child(h.home, "targetField").text = "bob"
            mouseClick(child(h.home, "tab_history"))
            verify(child(h.home, "historyPage").visible)
            mouseClick(child(h.home, "tab_settings"))
            compare(child(h.home, "settingsPage"), settings, "kept, not made again")
            mouseClick(child(h.home, "tab_dialer"))
            compare(child(h.home, "targetField").text, "bob")
            verify(!settings.visible)
        }

        // A link handed over from the desktop: without an account it waits in the dialer with
        // the reason; with one it is called.
        function test_dialTextFromOutside() {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            mouseClick(child(h.home, "tab_accounts"))
            h.home.dialText("tel:+49 30 1234567")
            compare(h.home.view, "dialer")
            compare(child(h.home, "targetField").text, "tel:+49 30 1234567")
            verify(child(h.home, "dialError").text.length > 0)
            compare(h.calls.currentCall, null)

            h.setup.aor = "alice@127.0.0.1:1"
            h.setup.transport = AccountSetupController.Tcp
            h.setup.password = "secret"
            h.setup.save()
            tryCompare(h.setup, "saveState", AccountSetupController.NoKeychain)
            h.setup.saveForSessionOnly()
            mouseClick(child(h.home, "tab_accounts"))
            h.home.dialText("sip:bob@127.0.0.1:1;transport=tcp")
            verify(h.calls.currentCall !== null)
            compare(h.home.view, "call")
            compare(child(h.home, "targetField").text, "")
            h.calls.hangup()
            tryCompare(h.calls.calls, "count", 0, 40000)
        }
    }
}
