import QtQuick
import QtQuick.Controls
import QtTest
import Parlo.Ui

// The address book: the contact form's validation, adding, editing and deleting through the
// pages, search and favourites, presence badges driven through the model, and the voicemail
// indicator. The database is the runner's scratch one; every test starts with no contacts.
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
                settingsFile: "contacts-" + Date.now() + "-" + Math.random() + ".ini"
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
        name: "Contacts"
        when: windowShown

        function child(item, name) {
            const c = findChild(item, name)
            verify(c !== null, name)
            return c
        }
        function make() {
            const h = createTemporaryObject(holderComponent, root)
            h.accounts.start()
            // A clean address book for each test (the database outlives the holder).
            const m = h.page.contacts
            while (m.count > 0) {
                const id = m.data(m.index(0, 0), ContactListModel.ContactIdRole)
                verify(h.page.editor.remove(id))
            }
            return h
        }
        function withAccount(h) {
            h.setup.aor = "alice@127.0.0.1:1"
            h.setup.transport = AccountSetupController.Tcp
            h.setup.password = "secret"
            h.setup.save()
            tryCompare(h.setup, "saveState", AccountSetupController.NoKeychain)
            h.setup.saveForSessionOnly()
        }
        function add(h, name, uri, phones, favourite) {
            const id = h.page.editor.save({ name: name, sipUri: uri, phones: phones || "",
                                            favourite: favourite || false })
            verify(id > 0, name + ": " + h.page.editor.nameError + h.page.editor.uriError
                   + h.page.editor.phoneError + h.page.editor.error)
            return id
        }
        // The list's delegate for a contact, once the view has made it.
        // (Through the view, not findChild: a removed contact's delegate lingers until deleted.)
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
        function settled(h) {
            tryCompare(h.page.stack, "busy", false)
            waitForRendering(h.page)
        }
        function listNames(h) {
            const list = child(h.page, "contactList")
            list.forceLayout()
            const names = []
            for (let i = 0; i < list.count; ++i)
                names.push(list.itemAtIndex(i).name)
            return names.join(",")
        }

        function test_validation_data() {
            return [
                { tag: "no name", fields: { name: "  ", sipUri: "sip:bob@example.com" },
                  field: "nameError", text: "Enter a name." },
                { tag: "nothing to reach", fields: { name: "Bob", sipUri: "", phones: "" },
                  field: "uriError", text: "Enter a SIP address or a phone number." },
                { tag: "bad uri", fields: { name: "Bob", sipUri: "sip:bob@" },
                  field: "uriError", text: "This is not a valid SIP address. Enter one like sip:bob@example.com." },
                { tag: "other scheme", fields: { name: "Bob", sipUri: "mailto:bob@example.com" },
                  field: "uriError", text: "This is not a SIP address. Enter one like sip:bob@example.com." },
                { tag: "bare name without account", fields: { name: "Bob", sipUri: "bob" },
                  field: "uriError", text: "Enter the full address, for example sip:bob@example.com." },
                { tag: "bad number", fields: { name: "Bob", phones: "+49 30 12, call me" },
                  field: "phoneError", text: "\"call me\" is not a phone number. Separate several numbers with commas." },
            ]
        }
        function test_validation(data) {
            const h = make()
            compare(h.page.editor.save(data.fields), 0)
            compare(h.page.editor[data.field], data.text)
            compare(h.page.contacts.count, 0)
        }

        function test_normalisesAndRejectsDuplicates() {
            const h = make()
            add(h, "Bob", "bob@Example.com")
            compare(h.page.contacts.data(h.page.contacts.index(0, 0), ContactListModel.SipUriRole),
                    "sip:bob@example.com")
            compare(h.page.editor.save({ name: "Robert", sipUri: "sip:bob@example.com" }), 0)
            compare(h.page.editor.uriError, "Bob already has this address.")
            // With an account, a bare name is completed at its domain.
            withAccount(h)
            add(h, "Carol", "carol")
            verify(h.page.editor.findByUri("sip:carol@127.0.0.1:1") > 0)
        }

        function test_addEditDeleteThroughThePages() {
            const h = make()
            const empty = child(h.page, "contactsEmptyState")
            verify(empty.visible)
            compare(empty.text, "No contacts yet. Add the people you call often with \"Add contact\", or import an address book (a vCard file) from the \"⋮\" menu.")

            mouseClick(child(h.page, "addContactButton"))
            tryVerify(() => findChild(h.page, "contactNameField") !== null)
            settled(h)
            const save = child(h.page, "saveContactButton")
            mouseClick(save)
            compare(child(h.page, "nameError").text, "Enter a name.")
            verify(child(h.page, "nameError").visible)
            child(h.page, "contactNameField").text = "Dora"
            child(h.page, "contactUriField").text = "sip:dora@example.com"
            child(h.page, "contactPhonesField").text = "+49 30 1234567"
            mouseClick(save)
            tryVerify(() => findChild(h.page, "contactNameField") === null)
            settled(h)
            compare(listNames(h), "Dora")
            verify(!empty.visible)

            // Edit: the form comes back filled in.
            mouseClick(child(card(h, "Dora"), "editButton"))
            tryVerify(() => findChild(h.page, "contactNameField") !== null)
            settled(h)
            compare(child(h.page, "contactNameField").text, "Dora")
            compare(child(h.page, "contactPhonesField").text, "+49 30 1234567")
            child(h.page, "contactNameField").text = "Dora Day"
            mouseClick(child(h.page, "saveContactButton"))
            tryVerify(() => findChild(h.page, "contactNameField") === null)
            settled(h)
            compare(listNames(h), "Dora Day")

            // Delete asks first; "No" keeps the contact.
            mouseClick(child(card(h, "Dora Day"), "deleteButton"))
            const dialog = child(h.page, "confirmDeleteDialog")
            tryCompare(dialog, "opened", true)
            dialog.reject()
            tryCompare(dialog, "visible", false)
            compare(h.page.contacts.count, 1)
            mouseClick(child(card(h, "Dora Day"), "deleteButton"))
            tryCompare(dialog, "opened", true)
            dialog.accept()
            tryCompare(h.page.contacts, "count", 0)
            tryVerify(() => empty.visible)
        }

        function test_searchAndFavourites() {
            const h = make()
            add(h, "Zoe", "sip:zoe@example.com")
            add(h, "anna", "sip:anna@example.com", "+49-30-555 1234")
            const bert = add(h, "Bert", "sip:bert@other.org")
            compare(listNames(h), "anna,Bert,Zoe")

            // A favourite goes first; the star toggles it.
            verify(h.page.editor.toggleFavourite(bert))
            tryCompare(child(h.page, "contactList"), "count", 3)
            tryVerify(() => listNames(h) === "Bert,anna,Zoe")
            const star = child(card(h, "Bert"), "favouriteButton")
            compare(star.text, "★")
            mouseClick(star)
            tryVerify(() => listNames(h) === "anna,Bert,Zoe")

            const search = child(h.page, "contactSearchField")
            search.text = "ZO"
            compare(listNames(h), "Zoe")
            search.text = "other.org"
            compare(listNames(h), "Bert")
            search.text = "5551234" // digits of a number written with separators
            compare(listNames(h), "anna")
            search.text = "nobody"
            compare(listNames(h), "")
            const empty = child(h.page, "contactsEmptyState")
            verify(empty.visible)
            compare(empty.text, "No contact matches \"nobody\".")
            search.text = ""
            compare(listNames(h), "anna,Bert,Zoe")
        }

        function test_presenceBadges_data() {
            return [
                { tag: "available", presence: ContactListModel.Available, note: "at my desk",
                  registration: ContactListModel.Registered, lamp: ContactListModel.Idle,
                  texts: ["Available – at my desk", "Registered", "Idle"], shapes: ["dot", "dot", "dot"] },
                { tag: "away", presence: ContactListModel.Away, note: "",
                  registration: ContactListModel.NotRegistered, lamp: ContactListModel.Ringing,
                  texts: ["Away", "Not registered", "Ringing"], shapes: ["ring", "ring", "diamond"] },
                { tag: "busy", presence: ContactListModel.Busy, note: "",
                  registration: ContactListModel.Registered, lamp: ContactListModel.InCall,
                  texts: ["Busy", "Registered", "In a call"], shapes: ["square", "dot", "square"] },
                { tag: "offline", presence: ContactListModel.Offline, note: "",
                  registration: ContactListModel.RegistrationUnknown, lamp: ContactListModel.LampUnknown,
                  texts: ["Offline", "", ""], shapes: ["bar", "", ""] },
            ]
        }
        function test_presenceBadges(data) {
            const h = make()
            const id = add(h, "Eve", "sip:eve@example.com")
            const eve = card(h, "Eve")
            const names = ["presenceBadge", "registrationBadge", "busyLampBadge"]
            for (const n of names)
                verify(!child(eve, n).visible, n + " before any state")
            h.page.contacts.applyPresence(id, data.presence, data.note, data.registration, data.lamp)
            for (let i = 0; i < names.length; ++i) {
                const badge = child(eve, names[i])
                compare(badge.visible, data.texts[i].length > 0, names[i])
                if (!badge.visible)
                    continue
                compare(child(badge, "badgeText").text, data.texts[i])
                verify(findChild(badge, "badgeShape_" + data.shapes[i]) !== null, names[i] + " shape")
            }
            // Deleting the contact forgets its state.
            verify(h.page.editor.remove(id), h.page.editor.error + " " + id)
            add(h, "Eve", "sip:eve@example.com")
            verify(!child(card(h, "Eve"), "presenceBadge").visible)
        }

        // Nothing to watch without a registered account: no watcher runs.
        function test_presenceNeedsARegisteredAccount() {
            const h = make()
            const c = h.page.editor.load(0)
            compare(c.watchPresence, true) // new contacts watch presence by default
            add(h, "Fay", "sip:fay@example.com")
            withAccount(h)
            compare(h.page.presence.active, false)
            compare(h.page.presence.watcherCount, 0)
        }

        function test_voicemail() {
            const h = make()
            // Without an account the call cannot start: the reason shows on the contacts page.
            h.page.voicemail.applySummary(true, 2, 1)
            mouseClick(child(h.page, "voicemailButton"))
            compare(h.calls.currentCall, null)
            compare(child(h.page, "contactCallError").text, h.calls.dialError)
            verify(h.page.callError.length > 0)
            h.page.voicemail.reset()
            withAccount(h)
            const row = child(h.page, "voicemailRow")
            verify(!row.visible) // no summary yet: no indicator
            h.page.voicemail.applySummary(true, 2, 1)
            verify(row.visible)
            compare(child(h.page, "voicemailButton").text, "Call voicemail: 2 new voice messages")
            h.page.voicemail.applySummary(true, 1, 1)
            compare(child(h.page, "voicemailButton").text, "Call voicemail: 1 new voice message")
            h.page.voicemail.applySummary(false, 0, 3)
            compare(child(h.page, "voicemailButton").text, "Call voicemail: No new voice messages")
            compare(h.page.voicemail.dialTarget, "sip:alice@127.0.0.1:1")

            // The number is kept per account.
            mouseClick(child(h.page, "voicemailNumberButton"))
            const dialog = child(h.page, "voicemailNumberDialog")
            tryCompare(dialog, "opened", true)
            child(h.page, "voicemailNumberField").text = "*98"
            dialog.accept()
            compare(h.page.voicemail.voicemailNumber, "*98")
            compare(h.page.voicemail.dialTarget, "*98")

            mouseClick(child(h.page, "voicemailButton"))
            verify(h.calls.currentCall !== null)
            compare(h.page.callError, "")
            compare(h.calls.currentCall.remoteUri, "sip:*98@127.0.0.1:1")
            h.calls.hangup()
            tryCompare(h.calls.calls, "count", 0, 40000)
            h.page.voicemail.voicemailNumber = ""
            compare(h.page.voicemail.dialTarget, "sip:alice@127.0.0.1:1")
            h.page.voicemail.reset()
            verify(!row.visible)
        }

        // Import and export sit in the list's "more" menu and go through file dialogs.
        function test_importExportMenu() {
            const h = make()
            const more = child(h.page, "contactsMoreButton")
            mouseClick(more)
            const importItem = child(h.page, "importContactsItem")
            const exportItem = child(h.page, "exportContactsItem")
            tryCompare(importItem, "visible", true)
            verify(!exportItem.enabled) // nothing to export yet
            mouseClick(importItem)
            const importDialog = child(h.page, "importDialog")
            tryCompare(importDialog, "visible", true)
            importDialog.reject()
            tryCompare(importDialog, "visible", false)
            // What the dialog's "Open" does with the chosen file (the dialog's own file list is
            // Qt's, not ours to drive).
            h.page.importFrom(Qt.resolvedUrl("../data/vcard/contacts.vcf"))
            tryCompare(h.page.contacts, "count", 2)
            compare(listNames(h), "Bob Builder,Jürgen Müller, Jr.")
            const report = child(h.page, "fileReport")
            tryCompare(report, "visible", true)
            compare(report.text, "Imported from contacts.vcf: 2 contacts.")

            mouseClick(more)
            tryCompare(exportItem, "visible", true)
            verify(exportItem.enabled)
            mouseClick(exportItem)
            const exportDialog = child(h.page, "exportDialog")
            tryCompare(exportDialog, "visible", true)
            verify(String(exportDialog.selectedFile).endsWith("/Parlo contacts.vcf"), exportDialog.selectedFile)
            compare(report.text, "") // a new action clears the old report
            exportDialog.reject()
            tryCompare(exportDialog, "visible", false)
        }
    }
}
