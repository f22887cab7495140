import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui
import ParloTest

// The call history: a real call (to a closed port) recorded by CallHistoryRecorder and shown on
// the history page; missed calls highlighted in words and colour; delete, clear all with its
// confirmation, call back; the dialer's suggestions; the missed-call count on the home tab.
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
            property alias setup: setup
            property alias history: history
            property alias page: page
            AccountListModel {
                id: accounts
                settingsFile: "history-" + Date.now() + "-" + Math.random() + ".ini"
            }
            AccountSetupController {
                id: setup
                accounts: accounts
            }
            CallController {
                id: calls
                accounts: accounts
            }
            CallHistoryRecorder {
                controller: calls
            }
            CallHistoryModel {
                id: history
                settingsFile: "seen-" + Date.now() + "-" + Math.random() + ".ini"
            }
            HistoryPage {
                id: page
                anchors.fill: parent
                model: history
                controller: calls
            }
        }
    }

    Component {
        id: homeComponent
        Item {
            anchors.fill: parent
            property alias accounts: accounts
            property alias calls: calls
            property alias home: home
            AccountListModel {
                id: accounts
                settingsFile: "history-home-" + Date.now() + "-" + Math.random() + ".ini"
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
                history: CallHistoryModel {
                    settingsFile: "seen-home-" + Date.now() + "-" + Math.random() + ".ini"
                }
            }
        }
    }

    TestCase {
        name: "History"
        when: windowShown

        function cleanup() {
            HistoryFixture.clear()
        }
        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }
        function withAccount(h) {
            h.accounts.start()
            h.setup.aor = "alice@127.0.0.1:1"
            h.setup.transport = AccountSetupController.Tcp
            h.setup.password = "secret"
            h.setup.save()
            tryCompare(h.setup, "saveState", AccountSetupController.NoKeychain)
            h.setup.saveForSessionOnly()
        }
        // A holder over an empty history (the database is shared by all tests of the run).
        function makeHolder() {
            const h = createTemporaryObject(holderComponent, root)
            h.history.clear()
            compare(h.history.count, 0)
            return h
        }
        function entry(h, row) {
            const list = child(h.page, "historyList")
            list.forceLayout()
            return child(list, "historyEntry_" + row)
        }
        function minutesAgo(n) {
            return Date.now() - n * 60000
        }

        function test_failedOutgoingCallIsRecorded() {
            const h = makeHolder()
            withAccount(h)
            verify(child(h.page, "historyEmpty").visible)
            verify(h.calls.dial("sip:bob@127.0.0.1:1;transport=tcp"))
            // The row is there while the call is still being set up…
            tryCompare(h.history, "count", 1)
            tryCompare(h.calls.calls, "count", 0, 40000)
            // … and says how it ended.
            verify(!child(h.page, "historyEmpty").visible)
            const e = entry(h, 0)
            compare(e.incoming, false)
            compare(e.missed, false)
            compare(e.answered, false)
            compare(e.remoteUri.indexOf("sip:bob@127.0.0.1:1"), 0)
            compare(e.displayName, "bob@127.0.0.1")
            tryCompare(e, "endText", "The other side could not be reached.")
            compare(e.durationText, "")
            verify(child(e, "historyDetail").text.indexOf("The other side could not be reached.") >= 0)
            verify(child(e, "historyDetail").text.indexOf("Missed") < 0)
            compare(child(e, "historyTime").text.length > 0, true)
        }

        function test_missedCallsStandOut() {
            const h = makeHolder()
            HistoryFixture.add(false, "sip:dave@example.com", "Dave", minutesAgo(3), minutesAgo(2.5), minutesAgo(1), "remote-bye", 0, false)
            HistoryFixture.add(true, "sip:carol@example.org", "Carol", minutesAgo(2), 0, minutesAgo(1.9), "cancelled", 487, true)
            tryCompare(h.history, "count", 2)
            const missed = entry(h, 0)
            const answered = entry(h, 1)
            compare(missed.displayName, "Carol")
            compare(missed.missed, true)
            // In words, not only in colour.
            compare(child(missed, "historyDetail").text, "Missed · carol@example.org · The caller hung up before you answered.")
            compare(missed.directionText, "Missed")
            verify(Qt.colorEqual(child(missed, "historyName").color, h.page.missedColor))
            verify(Qt.colorEqual(child(missed, "directionIcon").color, h.page.missedColor))
            // The answered one keeps the text colour and shows how long it lasted.
            compare(answered.missed, false)
            verify(!Qt.colorEqual(child(answered, "historyName").color, h.page.missedColor))
            compare(child(answered, "historyDuration").text, "1:30")
            compare(answered.directionText, "Outgoing")
            compare(child(answered, "historyDetail").text, "dave@example.com · The other side hung up.")
        }

        function test_timeOfDayTodayElseDate() {
            const h = makeHolder()
            const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000)
            const now = new Date()
            HistoryFixture.add(false, "sip:old@example.com", "", lastWeek.getTime(), 0, lastWeek.getTime() + 1000, "busy", 486, false)
            HistoryFixture.add(false, "sip:new@example.com", "", now.getTime(), 0, now.getTime() + 1000, "busy", 486, false)
            tryCompare(h.history, "count", 2)
            const locale = Qt.locale()
            // The time of day without seconds (which the C locale's short format has).
            compare(child(entry(h, 0), "historyTime").text,
                    now.toLocaleTimeString(locale, locale.timeFormat(Locale.ShortFormat).replace(":ss", "")))
            compare(child(entry(h, 1), "historyTime").text, lastWeek.toLocaleDateString(locale, Locale.ShortFormat))
        }

        function test_deleteAndClearAll() {
            const h = makeHolder()
            HistoryFixture.add(false, "sip:a@example.com", "", minutesAgo(3), 0, minutesAgo(3), "busy", 486, false)
            HistoryFixture.add(false, "sip:b@example.com", "", minutesAgo(2), 0, minutesAgo(2), "busy", 486, false)
            HistoryFixture.add(false, "sip:c@example.com", "", minutesAgo(1), 0, minutesAgo(1), "busy", 486, false)
            tryCompare(h.history, "count", 3)
            // Delete the middle one with its button.
            mouseClick(child(entry(h, 1), "deleteButton"))
            compare(h.history.count, 2)
            compare(HistoryFixture.storedCount(), 2)
            compare(entry(h, 0).remoteUri, "sip:c@example.com")
            compare(entry(h, 1).remoteUri, "sip:a@example.com")

            // Clear all asks first; "No" keeps everything.
            const clearButton = child(h.page, "clearHistoryButton")
            verify(clearButton.visible)
            const dialog = child(h.page, "clearHistoryDialog")
            mouseClick(clearButton)
            tryCompare(dialog, "opened", true)
            dialog.reject()
            tryCompare(dialog, "visible", false)
            compare(h.history.count, 2)
            mouseClick(clearButton)
            tryCompare(dialog, "opened", true)
            dialog.accept()
            compare(h.history.count, 0)
            compare(HistoryFixture.storedCount(), 0)
            verify(child(h.page, "historyEmpty").visible)
            verify(!clearButton.visible)
        }

        function test_callBack() {
            const h = makeHolder()
            withAccount(h)
            HistoryFixture.add(true, "sip:bob@127.0.0.1:1;transport=tcp", "Bob", minutesAgo(1), 0, minutesAgo(1), "cancelled", 487, true)
            tryCompare(h.history, "count", 1)
            mouseClick(child(entry(h, 0), "callBackButton"))
            verify(h.calls.currentCall !== null)
            compare(h.calls.currentCall.remoteUri.indexOf("sip:bob@127.0.0.1:1"), 0)
            // The call back is recorded as a new outgoing call above the missed one.
            tryCompare(h.history, "count", 2)
            compare(entry(h, 0).incoming, false)
            h.calls.hangup()
            tryCompare(h.calls.calls, "count", 0, 40000)

            // An address that cannot be called says why on the page.
            HistoryFixture.add(true, "mailto:x@example.com", "", Date.now(), 0, Date.now(), "cancelled", 487, true)
            tryCompare(h.history, "count", 3)
            mouseClick(child(entry(h, 0), "callBackButton"))
            verify(child(h.page, "historyError").text.length > 0)
        }

        function test_keyboardDeletesTheSelectedEntry() {
            const h = makeHolder()
            HistoryFixture.add(false, "sip:a@example.com", "", minutesAgo(2), 0, minutesAgo(2), "busy", 486, false)
            HistoryFixture.add(false, "sip:b@example.com", "", minutesAgo(1), 0, minutesAgo(1), "busy", 486, false)
            tryCompare(h.history, "count", 2)
            const list = child(h.page, "historyList")
            list.forceActiveFocus()
            list.currentIndex = 0
            verify(entry(h, 0).highlighted)
            keyClick(Qt.Key_Down)
            compare(list.currentIndex, 1)
            keyClick(Qt.Key_Delete)
            compare(h.history.count, 1)
            compare(entry(h, 0).remoteUri, "sip:b@example.com")
            // Without the focus there is no selection to see.
            child(h.page, "clearHistoryButton").forceActiveFocus()
            verify(!entry(h, 0).highlighted)
        }

        function test_suggestions() {
            const h = makeHolder()
            HistoryFixture.add(false, "sip:anna@example.org", "Anna Smith", minutesAgo(3), 0, minutesAgo(3), "busy", 486, false)
            HistoryFixture.add(true, "sip:bob@example.com", "Bob", minutesAgo(2), 0, minutesAgo(2), "cancelled", 487, true)
            HistoryFixture.add(false, "sip:bob@example.com", "Bob", minutesAgo(1), 0, minutesAgo(1), "busy", 486, false)
            tryCompare(h.history, "count", 3)
            const s = h.history.suggestions("b")
            compare(s.length, 1)
            compare(s[0].uri, "sip:bob@example.com")
            compare(s[0].name, "Bob")
            compare(h.history.suggestions("smi")[0].uri, "sip:anna@example.org")
            compare(h.history.suggestions("").length, 0)
            compare(h.history.suggestions("x").length, 0)
        }

        // The dialer lists matching recent calls under the field; arrows pick, Return fills in.
        function test_dialerSuggestions() {
            const h = createTemporaryObject(homeComponent, root)
            h.accounts.start()
            const history = h.home.history
            history.clear()
            HistoryFixture.add(false, "sip:anna@example.org", "Anna Smith", minutesAgo(3), 0, minutesAgo(3), "busy", 486, false)
            HistoryFixture.add(false, "sip:andy@example.org", "", minutesAgo(2), 0, minutesAgo(2), "busy", 486, false)
            tryCompare(history, "count", 2)
            const dialer = child(h.home, "dialerPage")
            const field = child(dialer, "targetField")
            const popup = child(dialer, "suggestionPopup")
            field.forceActiveFocus()
            compare(popup.visible, false)
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_N)
            tryCompare(popup, "visible", true)
            const list = child(dialer, "suggestionList")
            compare(list.count, 2)
            compare(list.itemAtIndex(0).text, "andy@example.org")
            compare(list.itemAtIndex(1).text, "Anna Smith · anna@example.org")
            // Narrowing the text narrows the list.
            keyClick(Qt.Key_N)
            tryCompare(list, "count", 1)
            keyClick(Qt.Key_Backspace)
            tryCompare(list, "count", 2)
            // Down, Down, Return takes the second; the list goes away and nothing was dialled.
            keyClick(Qt.Key_Down)
            verify(list.itemAtIndex(0).highlighted)
            keyClick(Qt.Key_Down)
            verify(list.itemAtIndex(1).highlighted)
            keyClick(Qt.Key_Return)
            compare(field.text, "sip:anna@example.org")
            tryCompare(popup, "visible", false)
            compare(h.calls.currentCall, null)
            // Escape hides the list without changing the text; a click takes an entry.
            field.text = ""
            keyClick(Qt.Key_A)
            tryCompare(popup, "visible", true)
            keyClick(Qt.Key_Escape)
            tryCompare(popup, "visible", false)
            compare(field.text, "a")
            keyClick(Qt.Key_N)
            tryCompare(popup, "visible", true)
            tryCompare(list, "count", 2)
            mouseClick(list.itemAtIndex(0))
            compare(field.text, "sip:andy@example.org")
            tryCompare(popup, "visible", false)
            verify(field.activeFocus)
        }

        // Missed calls the user has not looked at ride on the tab; opening it clears the count.
        function test_tabBadge() {
            const h = createTemporaryObject(homeComponent, root)
            h.accounts.start()
            const history = h.home.history
            history.clear()
            history.markAllSeen()
            const tab = child(h.home, "tab_history")
            compare(tab.text, "History")
            HistoryFixture.add(true, "sip:carol@example.org", "Carol", Date.now() + 1000, 0, Date.now() + 2000, "cancelled", 487, true)
            HistoryFixture.add(true, "sip:dan@example.org", "", Date.now() + 1000, 0, Date.now() + 2000, "do-not-disturb", 486, true)
            HistoryFixture.add(false, "sip:eve@example.org", "", Date.now() + 1000, 0, Date.now() + 2000, "busy", 486, false)
            tryCompare(history, "missedCount", 2)
            compare(tab.text, "History (2)")
            mouseClick(tab)
            compare(h.home.view, "history")
            verify(child(h.home, "historyPage").visible)
            compare(history.missedCount, 0)
            compare(tab.text, "History")
            mouseClick(child(h.home, "tab_dialer"))
            compare(tab.text, "History")
        }
    }
}
