import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// The dialer with the real CallController: what it accepts, how it completes numbers and pasted
// links to the account's domain, the messages for what it refuses, and a real call attempt to a
// closed port that ends with a sentence on the dialer.
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
            property alias dialer: dialer
            property alias setup: setup
            AccountListModel {
                id: accounts
                settingsFile: "dialer-" + Date.now() + "-" + Math.random() + ".ini"
            }
            AccountSetupController {
                id: setup
                accounts: accounts
            }
            CallController {
                id: calls
                accounts: accounts
            }
            DialerPage {
                id: dialer
                anchors.fill: parent
                controller: calls
            }
        }
    }
    TextEdit {
        id: clipboardHelper
        visible: false
    }

    TestCase {
        name: "Dialer"
        when: windowShown

        // A dialer with one account, alice@127.0.0.1:1 over TCP (nothing listens there).
        function makeDialer(withAccount) {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            if (withAccount) {
                h.setup.aor = "alice@127.0.0.1:1"
                h.setup.transport = AccountSetupController.Tcp
                h.setup.password = "secret"
                h.setup.save()
                tryCompare(h.setup, "saveState", AccountSetupController.NoKeychain)
                h.setup.saveForSessionOnly()
                compare(h.accounts.count, 1)
            }
            return h
        }
        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }
        function enter(h, text) {
            const field = child(h.dialer, "targetField")
            field.text = text
            field.forceActiveFocus()
            keyClick(Qt.Key_Return)
        }

        function test_refused_data() {
            return [
                { tag: "empty", input: "   ", message: "Enter a number or a SIP address." },
                { tag: "bad uri", input: "sip:", message: "This is not a valid SIP address. Write it like sip:bob@example.com." },
                { tag: "letters in number", input: "+49 30 CALL", message: "A phone number can only contain digits, a leading +, * and #." },
                { tag: "mailto", input: "mailto:bob@example.com", message: "Parlo can call sip:, sips: and tel: addresses only." },
            ]
        }
        function test_refused(data) {
            const h = makeDialer(true)
            enter(h, data.input)
            const error = child(h.dialer, "dialError")
            compare(error.text, data.message)
            verify(error.visible)
            compare(h.calls.calls.count, 0)
            compare(h.calls.currentCall, null)
            // The field keeps what was typed, so it can be corrected; typing clears the message.
            compare(child(h.dialer, "targetField").text, data.input)
            child(h.dialer, "targetField").text = data.input + "1"
            compare(error.text, "")
            verify(!error.visible)
        }

        function test_noAccount() {
            const h = makeDialer(false)
            enter(h, "bob")
            compare(child(h.dialer, "dialError").text,
                    "Add an account first, or enter a full address like sip:bob@example.com.")
            compare(h.calls.calls.count, 0)
        }

        function test_completion_data() {
            return [
                { tag: "number", input: "+49 (30) 123 45-67", uri: "sip:+49301234567@127.0.0.1:1;user=phone" },
                { tag: "extension", input: "100", uri: "sip:100@127.0.0.1:1" },
                { tag: "user", input: "bob", uri: "sip:bob@127.0.0.1:1" },
                { tag: "tel link", input: "tel:+49-30-1234567", uri: "sip:+49301234567@127.0.0.1:1;user=phone" },
                { tag: "sip link", input: "<sip:carol@example.org>", uri: "sip:carol@example.org" },
            ]
        }
        function test_completion(data) {
            const h = makeDialer(true)
            child(h.dialer, "targetField").text = data.input
            const resolved = child(h.dialer, "resolvedLabel")
            verify(resolved.visible)
            compare(resolved.text, "Calls " + data.uri)
            compare(h.calls.resolve(data.input), data.uri)
        }

        function test_paste() {
            const h = makeDialer(true)
            clipboardHelper.text = "tel:+49 30 1234567"
            clipboardHelper.selectAll()
            clipboardHelper.copy()
            const field = child(h.dialer, "targetField")
            field.forceActiveFocus()
            keySequence(StandardKey.Paste)
            compare(field.text, "tel:+49 30 1234567")
            compare(child(h.dialer, "resolvedLabel").text, "Calls sip:+49301234567@127.0.0.1:1;user=phone")
        }

        function test_keypad() {
            const h = makeDialer(true)
            const field = child(h.dialer, "targetField")
            const call = child(h.dialer, "callButton")
            verify(!call.enabled)
            mouseClick(child(h.dialer, "key_1"))
            mouseClick(child(h.dialer, "key_0"))
            mouseClick(child(h.dialer, "key_*"))
            mouseClick(child(h.dialer, "key_#"))
            compare(field.text, "10*#")
            verify(call.enabled)
            compare(call.Accessible.name, "Call 10*#")
            mouseClick(child(h.dialer, "eraseButton"))
            compare(field.text, "10*")
        }

        // A real INVITE to a port where nothing listens: the call shows up, then ends with a
        // sentence on the dialer and leaves the list.
        function test_dialUnreachable() {
            const h = makeDialer(true)
            enter(h, "sip:bob@127.0.0.1:1;transport=tcp")
            compare(child(h.dialer, "dialError").text, "")
            compare(child(h.dialer, "targetField").text, "")
            compare(h.calls.calls.count, 1)
            verify(h.calls.currentCall !== null)
            compare(h.calls.currentCall.remoteUri, "sip:bob@127.0.0.1:1;transport=tcp")
            compare(h.calls.currentCall.direction, Call.Outgoing)
            tryCompare(h.calls.calls, "count", 0, 40000)
            compare(h.calls.currentCall, null)
            compare(h.calls.lastCallSummary,
                    "The other side cannot be reached: no answer, no connection or an unknown server name.")
            const last = child(h.dialer, "lastCallLabel")
            verify(last.visible)
            compare(last.text, h.calls.lastCallSummary)
        }
    }
}
