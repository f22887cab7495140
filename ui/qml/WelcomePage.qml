import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// First start: nothing configured yet, so the only thing to do is to add an account.
Page {
    id: page
    signal addAccount()
    title: qsTr("Welcome")

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        spacing: 16

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Welcome to Parlo")
            font.pixelSize: Qt.application.font.pixelSize * 2
            font.bold: true
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("To make and receive calls, add the SIP account you got from your provider or your company's phone system.")
        }
        Button {
            id: addButton
            objectName: "addAccountButton"
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Add a SIP account")
            highlighted: true
            focus: true
            Accessible.name: text
            onClicked: page.addAccount()
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
        }
    }
    Component.onCompleted: addButton.forceActiveFocus()
}
