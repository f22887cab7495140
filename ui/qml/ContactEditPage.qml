import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// Add (contactId 0) or edit a contact: name, SIP address, phone numbers, favourite and what to
// watch. The controller checks the form; each problem shows under its field.
Page {
    id: page
    required property ContactController controller
    property var contactId: 0
    signal done()
    title: contactId > 0 ? qsTr("Edit contact") : qsTr("Add contact")

    Component.onCompleted: {
        const f = controller.load(contactId)
        nameField.text = f.name
        uriField.text = f.sipUri
        phonesField.text = f.phones
        favouriteBox.checked = f.favourite
        presenceBox.checked = f.watchPresence
        registrationBox.checked = f.watchRegistration
        lampBox.checked = f.watchDialog
        nameField.forceActiveFocus()
    }

    function save() {
        const id = controller.save({
            id: page.contactId,
            name: nameField.text,
            sipUri: uriField.text,
            phones: phonesField.text,
            favourite: favouriteBox.checked,
            watchPresence: presenceBox.checked,
            watchRegistration: registrationBox.checked,
            watchDialog: lampBox.checked
        })
        if (id > 0)
            page.done()
        else if (controller.nameError.length > 0)
            nameField.forceActiveFocus()
        else if (controller.uriError.length > 0)
            uriField.forceActiveFocus()
        else if (controller.phoneError.length > 0)
            phonesField.forceActiveFocus()
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 8
            ToolButton {
                objectName: "cancelEditButton"
                text: qsTr("Cancel")
                Accessible.name: text
                onClicked: page.done()
            }
            Label {
                Layout.fillWidth: true
                text: page.title
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            ToolButton {
                objectName: "saveContactButton"
                text: qsTr("Save")
                Accessible.name: text
                onClicked: page.save()
            }
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: form.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: form
            x: (parent.width - width) / 2
            y: 16
            width: Math.min(page.width - 32, 420)
            spacing: 6

            Label { text: qsTr("Name") }
            TextField {
                id: nameField
                objectName: "contactNameField"
                Layout.fillWidth: true
                Accessible.name: qsTr("Name")
                onAccepted: page.save()
            }
            FieldMessage { objectName: "nameError"; text: page.controller.nameError }

            Label { text: qsTr("SIP address") }
            TextField {
                id: uriField
                objectName: "contactUriField"
                Layout.fillWidth: true
                placeholderText: qsTr("sip:bob@example.com")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("SIP address")
                onAccepted: page.save()
            }
            FieldMessage { objectName: "uriError"; text: page.controller.uriError }

            Label { text: qsTr("Phone numbers") }
            TextField {
                id: phonesField
                objectName: "contactPhonesField"
                Layout.fillWidth: true
                placeholderText: qsTr("+49 30 1234567, 0171 2345678")
                inputMethodHints: Qt.ImhDialableCharactersOnly
                Accessible.name: qsTr("Phone numbers, separated by commas")
                onAccepted: page.save()
            }
            FieldMessage { objectName: "phoneError"; text: page.controller.phoneError }

            CheckBox {
                id: favouriteBox
                objectName: "favouriteBox"
                text: qsTr("Favourite")
                Accessible.name: text
            }
            Label {
                Layout.topMargin: 8
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: qsTr("Show for this contact (needs a SIP address and a provider that supports it):")
            }
            CheckBox {
                id: presenceBox
                objectName: "watchPresenceBox"
                text: qsTr("Presence (available, away, busy)")
                Accessible.name: text
            }
            CheckBox {
                id: registrationBox
                objectName: "watchRegistrationBox"
                text: qsTr("Whether a phone is registered")
                Accessible.name: text
            }
            CheckBox {
                id: lampBox
                objectName: "watchDialogBox"
                text: qsTr("Busy lamp (ringing, in a call)")
                Accessible.name: text
            }
            FieldMessage { objectName: "saveError"; text: page.controller.error }
        }
    }
}
