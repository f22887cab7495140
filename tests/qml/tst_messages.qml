import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// Conversations: opened from a contact or from a bare address, sending refused with a sentence
// when it cannot go out, and a message to a closed port shown as not delivered with the reason.
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
            property alias page: page
            AccountListModel {
                id: accounts
                settingsFile: "messages-" + Date.now() + "-" + Math.random() + ".ini"
            }
            AccountSetupController {
                id: setup
                accounts: accounts
            }
            CallController {
                id: calls
                accounts: accounts
            }
            // The services the main window runs for the page.
            ContactListModel { id: contactModel }
            MessageController { id: messageController; accounts: accounts }
            PresenceController { id: presenceController; accounts: accounts; contacts: contactModel }
            VoicemailIndicator { id: voicemailIndicator; accounts: accounts }
            ContactsPage {
                id: page
                anchors.fill: parent
                accounts: accounts
                calls: calls
                contacts: contactModel
                messages: messageController
                presence: presenceController
                voicemail: voicemailIndicator
            }
        }
    }

    TestCase {
        name: "Messages"
        when: windowShown
        property int serial: 0

        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }
        function card(h, name) {
            const list = child(h.page, "contactList")
            const find = () => {
                list.forceLayout()
                for (let i = 0; i < list.count; ++i) {
                    const item = list.itemAtIndex(i)
                    if (item && item.name === name)
                        return item
                }
                return null
            }
            tryVerify(() => find() !== null, 5000, "contact_" + name)
            return find()
        }
        function make() {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            return h
        }
        function withAccount(h) {
            h.setup.aor = "alice@127.0.0.1:1"
            h.setup.transport = AccountSetupController.Tcp
            h.setup.password = "secret"
            h.setup.save()
            tryCompare(h.setup, "saveState", AccountSetupController.NoKeychain)
            h.setup.saveForSessionOnly()
            tryCompare(h.page.messages, "canSend", true)
        }
        // A fresh address per test: the database is shared by the whole run.
        function peer() {
            return "sip:bob" + (++serial) + "-" + Date.now() + "@127.0.0.1:1;transport=tcp"
        }
        function conversation(h) {
            tryVerify(() => findChild(h.page, "messageField") !== null)
            tryCompare(h.page.stack, "busy", false)
            return {
                field: child(h.page, "messageField"),
                send: child(h.page, "sendButton"),
                list: child(h.page, "messageList"),
                model: child(h.page, "conversationModel"),
                error: child(h.page, "sendError"),
            }
        }

        function test_refusedBeforeSending() {
            const h = make()
            verify(!h.page.openConversation("mailto:bob@example.com"))
            verify(h.page.openConversation("sip:bob@example.com"))
            const c = conversation(h)
            verify(child(h.page, "conversationEmptyState").visible)
            verify(!c.send.enabled) // nothing typed
            c.field.text = "hello"
            mouseClick(c.send)
            compare(c.error.text, "Add an account first: messages are sent from your SIP account.")
            verify(c.error.visible)
            compare(c.model.count, 0)
            compare(c.field.text, "hello") // kept for another try

            withAccount(h)
            c.field.text = "   "
            verify(!c.model.send(c.field.text))
            compare(c.error.text, "Type a message first.")
            compare(c.model.count, 0)
        }

        // "New message" writes to any address; a wrong one keeps the dialog open with the reason.
        function test_newMessageToAnyAddress() {
            const h = make()
            tryCompare(h.page.stack, "busy", false)
            mouseClick(child(h.page, "newMessageButton"))
            const dialog = child(h.page, "newMessageDialog")
            tryCompare(dialog, "opened", true)
            const field = child(h.page, "newMessageField")
            field.text = "mailto:bob@example.com"
            mouseClick(child(dialog, "newMessageWriteButton"))
            verify(dialog.opened)
            compare(child(h.page, "newMessageError").text,
                    "This is not a valid address for a message. Write it like sip:bob@example.com.")
            compare(field.text, "mailto:bob@example.com")
            field.text = "sip:dave@example.com"
            mouseClick(child(dialog, "newMessageWriteButton"))
            tryCompare(dialog, "visible", false)
            const c = conversation(h)
            compare(c.model.remoteUri, "sip:dave@example.com")
            compare(h.page.stack.currentItem.title, "sip:dave@example.com")
            verify(!child(h.page, "conversationAddress").visible) // the title is the address already
        }

        function test_sendToClosedPortFails() {
            const h = make()
            withAccount(h)
            const to = peer()
            verify(h.page.openConversation(to, "Bob"))
            const c = conversation(h)
            c.field.text = "are you there?"
            mouseClick(c.send)
            compare(c.error.text, "")
            compare(c.field.text, "")
            tryCompare(c.list, "count", 1)
            tryVerify(() => { c.list.forceLayout(); return c.list.itemAtIndex(0) !== null })
            const bubble = c.list.itemAtIndex(0)
            compare(bubble.text, "are you there?")
            verify(!bubble.incoming)
            tryCompare(bubble, "status", MessageModel.Failed, 30000)
            compare(bubble.statusText, "Not delivered")
            const failure = child(bubble, "messageFailure")
            verify(failure.visible)
            compare(failure.text, "No connection to the recipient's server.")
            verify(child(bubble, "messageStatus").text.endsWith(" · Not delivered"))

            // The conversation is stored: reopening shows it again.
            mouseClick(child(h.page, "conversationBackButton"))
            tryVerify(() => findChild(h.page, "messageField") === null)
            tryCompare(h.page.stack, "busy", false)
            verify(h.page.openConversation(to))
            const again = conversation(h)
            compare(again.model.count, 1)
            compare(again.model.data(again.model.index(0, 0), MessageModel.TextRole), "are you there?")
            compare(again.model.data(again.model.index(0, 0), MessageModel.StatusRole), MessageModel.Failed)
            compare(again.model.data(again.model.index(0, 0), MessageModel.FailureTextRole),
                    "No connection to the recipient's server.")
        }

        function test_openedFromAContact() {
            const h = make()
            withAccount(h)
            const uri = "sip:carol" + Date.now() + "@example.com"
            verify(h.page.editor.save({ name: "Carol", sipUri: uri }) > 0)
            mouseClick(child(card(h, "Carol"), "messageButton"))
            const c = conversation(h)
            compare(c.model.remoteUri, uri)
            compare(h.page.stack.currentItem.title, "Carol")
            mouseClick(child(h.page, "conversationBackButton"))
            tryVerify(() => findChild(h.page, "messageField") === null)
            tryCompare(h.page.stack, "busy", false)
            // A contact without a SIP address has nothing to message.
            verify(h.page.editor.save({ name: "Dan", phones: "+4930123" }) > 0)
            verify(!child(card(h, "Dan"), "messageButton").visible)
            const m = h.page.contacts
            while (m.count > 0)
                verify(h.page.editor.remove(m.data(m.index(0, 0), ContactListModel.ContactIdRole)))
        }
    }
}
