import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// The configured accounts with their live registration state.
Page {
    id: page
    required property AccountListModel model
    signal addAccount()
    title: qsTr("Accounts")

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 8
            Label {
                Layout.fillWidth: true
                text: page.title
                font.bold: true
                Accessible.role: Accessible.Heading
            }
            ToolButton {
                objectName: "addAccountButton"
                text: qsTr("Add account")
                Accessible.name: text
                onClicked: page.addAccount()
            }
        }
    }

    ListView {
        id: list
        objectName: "accountList"
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12
        clip: true
        model: page.model
        keyNavigationEnabled: true
        focus: true
        ScrollBar.vertical: ScrollBar {}

        delegate: Frame {
            id: card
            required property int index
            required property string id
            required property string aor
            required property string displayName
            required property int registrationState
            required property string errorText
            required property string errorHint
            required property int retryInSeconds
            required property bool passwordNeeded
            width: ListView.view.width
            Accessible.role: Accessible.ListItem
            Accessible.name: (displayName || aor) + ", " + badge.text

            ColumnLayout {
                anchors.fill: parent
                spacing: 6
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            Layout.fillWidth: true
                            text: card.displayName || card.aor
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: card.displayName.length > 0
                            text: card.aor
                            opacity: 0.75
                            elide: Text.ElideRight
                        }
                    }
                    StateBadge {
                        id: badge
                        objectName: "stateBadge"
                        registrationState: card.registrationState
                        retryInSeconds: card.retryInSeconds
                        passwordNeeded: card.passwordNeeded
                    }
                }
                Label {
                    objectName: "errorText"
                    Layout.fillWidth: true
                    visible: text.length > 0 && !card.passwordNeeded
                             && (card.registrationState === ClientRegistration.Failed
                                 || card.registrationState === ClientRegistration.RetryWaiting)
                    wrapMode: Text.WordWrap
                    color: "#c62828"
                    text: card.errorText
                }
                Label {
                    Layout.fillWidth: true
                    visible: text.length > 0 && card.registrationState === ClientRegistration.Failed
                    wrapMode: Text.WordWrap
                    text: card.errorHint
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    visible: card.passwordNeeded
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.WordWrap
                        text: qsTr("No keychain is available, so Parlo has no stored password. Enter it to sign in until you quit Parlo.")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: sessionPassword
                            objectName: "sessionPasswordField"
                            Layout.fillWidth: true
                            echoMode: TextInput.Password
                            placeholderText: qsTr("Password")
                            Accessible.name: qsTr("Password for %1").arg(card.aor)
                            onAccepted: signInButton.clicked()
                        }
                        Button {
                            id: signInButton
                            text: qsTr("Sign in")
                            enabled: sessionPassword.text.length > 0
                            Accessible.name: text
                            onClicked: page.model.setSessionPassword(card.index, sessionPassword.text)
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    Item { Layout.fillWidth: true }
                    Button {
                        objectName: "retryButton"
                        text: qsTr("Retry now")
                        visible: !card.passwordNeeded
                                 && (card.registrationState === ClientRegistration.Failed
                                     || card.registrationState === ClientRegistration.RetryWaiting)
                        Accessible.name: qsTr("Retry %1 now").arg(card.aor)
                        onClicked: page.model.retry(card.index)
                    }
                    Button {
                        objectName: "removeButton"
                        text: qsTr("Remove")
                        Accessible.name: qsTr("Remove %1").arg(card.aor)
                        onClicked: {
                            confirmRemove.row = card.index
                            confirmRemove.aor = card.aor
                            confirmRemove.open()
                        }
                    }
                }
            }
        }
    }

    Dialog {
        id: confirmRemove
        property int row: -1
        property string aor
        anchors.centerIn: parent
        width: Math.min(page.width - 48, 400)
        modal: true
        title: qsTr("Remove account?")
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: confirmRemove.availableWidth
            wrapMode: Text.WordWrap
            text: qsTr("Parlo signs %1 off and forgets its settings and password.").arg(confirmRemove.aor)
        }
        onAccepted: page.model.remove(row)
    }
}
