import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Parlo.Ui

// The address book: search, favourites first, presence badges, and per contact call, message,
// edit and delete; the edit form and conversations open on top of the list. The services it
// shows (the contacts, the message service, presence watching and the voicemail indicator of
// the default account) are given to it: they run from start-up, whether or not the page was
// ever opened.
Page {
    id: page
    required property AccountListModel accounts
    required property CallController calls
    required property ContactListModel contacts
    required property MessageController messages
    required property PresenceController presence
    required property VoicemailIndicator voicemail
    readonly property alias editor: contactController
    readonly property alias stack: stack
    title: qsTr("Contacts")

    ContactController { id: contactController; accounts: page.accounts }

    // Why the last call from here did not start (the controller's sentence); cleared by the next.
    property string callError: ""
    function call(target) {
        callError = page.calls.dial(target) ? "" : page.calls.dialError
    }
    function editContact(id) {
        contactController.clearErrors()
        stack.push(editComponent, { contactId: id })
    }
    // A conversation with a contact or any address; name is the title (the address when empty).
    function openConversation(target, name) {
        const uri = page.messages.conversationUri(target)
        if (uri.length === 0)
            return false
        stack.push(conversationComponent, { remoteUri: uri, title: name || uri })
        return true
    }
    // The contact's name for an address, else the address.
    function nameFor(uri) {
        const row = page.contacts.rowOf(contactController.findByUri(uri))
        return row >= 0 ? page.contacts.data(page.contacts.index(row, 0), ContactListModel.NameRole) : uri
    }
    function importFrom(file) {
        contactController.importVCards(file)
    }
    function showList() {
        stack.pop(null)
    }

    StackView {
        id: stack
        objectName: "contactsStack"
        anchors.fill: parent
        initialItem: listComponent
    }

    Component {
        id: editComponent
        ContactEditPage {
            controller: contactController
            onDone: page.showList()
        }
    }
    Component {
        id: conversationComponent
        ConversationPage {
            controller: page.messages
            onBack: page.showList()
        }
    }

    Dialog {
        id: confirmDelete
        objectName: "confirmDeleteDialog"
        property var contactId: 0
        property string contactName: ""
        anchors.centerIn: parent
        modal: true
        title: qsTr("Delete contact")
        standardButtons: Dialog.Yes | Dialog.No
        width: Math.min(420, page.width - 40)
        Label {
            width: confirmDelete.availableWidth
            wrapMode: Text.WordWrap
            text: qsTr("Delete %1 from your contacts?").arg(confirmDelete.contactName)
        }
        onAccepted: contactController.remove(contactId)
    }

    Dialog {
        id: newMessageDialog
        objectName: "newMessageDialog"
        anchors.centerIn: parent
        modal: true
        title: qsTr("New message")
        width: Math.min(420, page.width - 40)
        onAboutToShow: {
            newMessageField.text = ""
            newMessageError.text = ""
            newMessageField.forceActiveFocus()
        }
        // Stays open with the reason while the address is not one.
        function submit() {
            newMessageError.text = page.messages.addressError(newMessageField.text)
            if (newMessageError.text.length === 0) {
                close()
                page.openConversation(newMessageField.text, "")
            }
        }
        footer: DialogButtonBox {
            Button {
                objectName: "newMessageWriteButton"
                text: qsTr("Write")
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
                onClicked: newMessageDialog.submit()
            }
            Button {
                text: qsTr("Cancel")
                Accessible.name: text
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        ColumnLayout {
            width: newMessageDialog.availableWidth
            TextField {
                id: newMessageField
                objectName: "newMessageField"
                Layout.fillWidth: true
                placeholderText: qsTr("sip:bob@example.com")
                Accessible.name: qsTr("Address to write to")
                onAccepted: newMessageDialog.submit()
            }
            FieldMessage { id: newMessageError; objectName: "newMessageError" }
        }
    }

    // vCard files from and for other address books (phones, mail programs, other softphones).
    FileDialog {
        id: importDialog
        objectName: "importDialog"
        title: qsTr("Import contacts")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("vCard files (*.vcf *.vcard)"), qsTr("All files (*)")]
        onAccepted: page.importFrom(selectedFile)
    }
    FileDialog {
        id: exportDialog
        objectName: "exportDialog"
        title: qsTr("Export contacts")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "vcf"
        nameFilters: [qsTr("vCard files (*.vcf *.vcard)")]
        onAccepted: contactController.exportVCards(selectedFile)
    }

    Dialog {
        id: voicemailDialog
        objectName: "voicemailNumberDialog"
        anchors.centerIn: parent
        modal: true
        title: qsTr("Voicemail number")
        standardButtons: Dialog.Save | Dialog.Cancel
        onAboutToShow: voicemailField.text = page.voicemail.voicemailNumber
        onAccepted: page.voicemail.voicemailNumber = voicemailField.text
        width: Math.min(420, page.width - 40)
        ColumnLayout {
            width: voicemailDialog.availableWidth
            Label {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("The number that calls your mailbox. Leave it empty to call your own address, which most providers connect to the mailbox.")
            }
            TextField {
                id: voicemailField
                objectName: "voicemailNumberField"
                Layout.fillWidth: true
                placeholderText: qsTr("For example *98")
                Accessible.name: qsTr("Voicemail number")
            }
        }
    }

    Component {
        id: listComponent
        Page {
            objectName: "contactListPage"
            header: ToolBar {
                ColumnLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 12
                    anchors.rightMargin: 8
                    spacing: 0
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            Layout.fillWidth: true
                            Layout.preferredHeight: 40
                            verticalAlignment: Text.AlignVCenter
                            text: page.title
                            font.bold: true
                            Accessible.role: Accessible.Heading
                        }
                        ToolButton {
                            objectName: "newMessageButton"
                            text: qsTr("New message")
                            Accessible.name: qsTr("Write a message to any address")
                            onClicked: newMessageDialog.open()
                        }
                        ToolButton {
                            objectName: "addContactButton"
                            text: qsTr("Add contact")
                            Accessible.name: text
                            onClicked: page.editContact(0)
                        }
                        ToolButton {
                            id: moreButton
                            objectName: "contactsMoreButton"
                            text: "⋮"
                            Accessible.name: qsTr("More: import and export contacts")
                            ToolTip.visible: hovered
                            ToolTip.text: Accessible.name
                            onClicked: moreMenu.open()
                            Menu {
                                id: moreMenu
                                y: moreButton.height
                                MenuItem {
                                    objectName: "importContactsItem"
                                    text: qsTr("Import contacts (vCard)…")
                                    Accessible.name: text
                                    onTriggered: {
                                        contactController.clearFileReport()
                                        importDialog.open()
                                    }
                                }
                                MenuItem {
                                    objectName: "exportContactsItem"
                                    text: qsTr("Export contacts (vCard)…")
                                    Accessible.name: text
                                    enabled: page.contacts.count > 0
                                    onTriggered: {
                                        contactController.clearFileReport()
                                        exportDialog.selectedFile = contactController.suggestedExportFile()
                                        exportDialog.open()
                                    }
                                }
                            }
                        }
                    }
                    RowLayout {
                        objectName: "fileReportRow"
                        Layout.fillWidth: true
                        Layout.bottomMargin: 6
                        visible: contactController.fileReport.length > 0
                        Label {
                            objectName: "fileReport"
                            Layout.fillWidth: true
                            wrapMode: Text.WordWrap
                            text: contactController.fileReport
                            color: contactController.fileFailed ? "#c62828" : palette.windowText
                            Accessible.role: Accessible.AlertMessage
                            Accessible.name: text
                        }
                        ToolButton {
                            text: "✕"
                            Accessible.name: qsTr("Dismiss")
                            onClicked: contactController.clearFileReport()
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.bottomMargin: 6
                        visible: page.voicemail.available
                        objectName: "voicemailRow"
                        Button {
                            objectName: "voicemailButton"
                            Layout.fillWidth: true
                            text: qsTr("Call voicemail: %1").arg(page.voicemail.summaryText)
                            highlighted: page.voicemail.newMessages > 0
                            Accessible.name: text
                            onClicked: page.call(page.voicemail.dialTarget)
                        }
                        ToolButton {
                            objectName: "voicemailNumberButton"
                            text: qsTr("Number…")
                            Accessible.name: qsTr("Set the voicemail number")
                            onClicked: voicemailDialog.open()
                        }
                    }
                    // Unread messages, also from people who are not in the address book.
                    Repeater {
                        model: page.messages.unreadUris
                        delegate: Button {
                            required property string modelData
                            readonly property int contactId: contactController.findByUri(modelData)
                            objectName: "unreadConversationButton"
                            Layout.fillWidth: true
                            Layout.bottomMargin: 6
                            highlighted: true
                            text: qsTr("New messages from %1 (%2)").arg(page.nameFor(modelData))
                                                                    .arg(page.messages.unreadCount(modelData))
                            Accessible.name: text
                            onClicked: page.openConversation(modelData, page.nameFor(modelData))
                        }
                    }
                    FieldMessage {
                        objectName: "contactCallError"
                        Layout.bottomMargin: 6
                        text: page.callError
                    }
                    TextField {
                        id: search
                        objectName: "contactSearchField"
                        Layout.fillWidth: true
                        Layout.bottomMargin: 6
                        placeholderText: qsTr("Search name, address or number")
                        Accessible.name: qsTr("Search contacts")
                        onTextChanged: filtered.searchText = text
                    }
                }
            }

            ContactFilterModel {
                id: filtered
                objectName: "contactFilter"
                contacts: page.contacts
            }

            Label {
                objectName: "contactsEmptyState"
                anchors.centerIn: parent
                width: parent.width - 48
                visible: list.count === 0
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: !AppStorage.ready ? AppStorage.errorText
                      : page.contacts.count === 0 ? qsTr("No contacts yet. Add the people you call often with \"Add contact\", or import an address book (a vCard file) from the \"⋮\" menu.")
                      : qsTr("No contact matches \"%1\".").arg(filtered.searchText)
            }

            ListView {
                id: list
                objectName: "contactList"
                anchors.fill: parent
                anchors.margins: 8
                spacing: 6
                clip: true
                model: filtered
                keyNavigationEnabled: true
                focus: true
                ScrollBar.vertical: ScrollBar {}

                delegate: Frame {
                    id: card
                    required property var contactId
                    required property string name
                    required property string sipUri
                    required property string phones
                    required property string callTarget
                    required property bool favourite
                    required property int presence
                    required property string presenceText
                    required property string presenceNote
                    required property int registration
                    required property string registrationText
                    required property int busyLamp
                    required property string busyLampText
                    objectName: "contact_" + name
                    width: ListView.view.width
                    Accessible.role: Accessible.ListItem
                    Accessible.name: [name, presenceText, registrationText, busyLampText].filter(s => s.length > 0).join(", ")
                    readonly property int unread: page.messages.unreadTotal >= 0 && sipUri.length > 0
                                                  ? page.messages.unreadCount(sipUri) : 0

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 4
                        RowLayout {
                            Layout.fillWidth: true
                            ToolButton {
                                objectName: "favouriteButton"
                                text: card.favourite ? "★" : "☆"
                                Accessible.name: card.favourite ? qsTr("Remove %1 from favourites").arg(card.name)
                                                                : qsTr("Add %1 to favourites").arg(card.name)
                                ToolTip.visible: hovered
                                ToolTip.text: Accessible.name
                                onClicked: contactController.toggleFavourite(card.contactId)
                            }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 0
                                Label {
                                    Layout.fillWidth: true
                                    text: card.name
                                    font.bold: true
                                    elide: Text.ElideRight
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: [card.sipUri, card.phones].filter(s => s.length > 0).join(" · ")
                                    opacity: 0.75
                                    elide: Text.ElideRight
                                }
                            }
                        }
                        Flow {
                            Layout.fillWidth: true
                            spacing: 12
                            visible: card.presenceText.length > 0 || card.registrationText.length > 0 || card.busyLampText.length > 0
                            PresenceBadge {
                                id: presenceBadge
                                objectName: "presenceBadge"
                                kind: "presence"
                                value: card.presence
                                text: card.presenceText
                                note: card.presenceNote
                            }
                            PresenceBadge {
                                id: registrationBadge
                                objectName: "registrationBadge"
                                kind: "registration"
                                value: card.registration
                                text: card.registrationText
                            }
                            PresenceBadge {
                                id: lampBadge
                                objectName: "busyLampBadge"
                                kind: "lamp"
                                value: card.busyLamp
                                text: card.busyLampText
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            Item { Layout.fillWidth: true }
                            Button {
                                objectName: "callButton"
                                text: qsTr("Call")
                                enabled: page.calls.canDial && card.callTarget.length > 0
                                Accessible.name: qsTr("Call %1").arg(card.name)
                                onClicked: page.call(card.callTarget)
                            }
                            Button {
                                objectName: "messageButton"
                                visible: card.sipUri.length > 0
                                text: card.unread > 0 ? qsTr("Message (%1 new)").arg(card.unread) : qsTr("Message")
                                highlighted: card.unread > 0
                                Accessible.name: qsTr("Message %1").arg(card.name)
                                onClicked: page.openConversation(card.sipUri, card.name)
                            }
                            Button {
                                objectName: "editButton"
                                text: qsTr("Edit")
                                Accessible.name: qsTr("Edit %1").arg(card.name)
                                onClicked: page.editContact(card.contactId)
                            }
                            Button {
                                objectName: "deleteButton"
                                text: qsTr("Delete")
                                Accessible.name: qsTr("Delete %1").arg(card.name)
                                onClicked: {
                                    confirmDelete.contactId = card.contactId
                                    confirmDelete.contactName = card.name
                                    confirmDelete.open()
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
