import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// Someone is calling: who it is, and answer or reject. Answer has the focus, so Enter answers and
// Escape rejects.
Pane {
    id: view
    // A CallItem (or anything with remoteName, remoteUri and state).
    property QtObject call: null
    signal answerRequested()
    signal rejectRequested()

    readonly property string caller: call ? (call.remoteName || call.remoteUri) : ""
    Accessible.role: Accessible.AlertMessage
    Accessible.name: qsTr("Incoming call from %1").arg(caller)
    Keys.onEscapePressed: view.rejectRequested()

    ColumnLayout {
        anchors.fill: parent
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Incoming call")
            opacity: 0.75
            Accessible.role: Accessible.Heading
        }
        Label {
            objectName: "callerName"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            text: view.caller
            font.pixelSize: Qt.application.font.pixelSize * 1.6
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            objectName: "callerUri"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            visible: view.call !== null && view.call.remoteName.length > 0
            text: view.call ? view.call.remoteUri : ""
            opacity: 0.75
            elide: Text.ElideMiddle
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            Layout.topMargin: 8
            spacing: 16
            ColoredButton {
                id: rejectButton
                objectName: "rejectButton"
                text: qsTr("Reject")
                Layout.preferredWidth: 120
                Layout.preferredHeight: 44
                tone: "#c62828"
                Accessible.name: qsTr("Reject the call from %1").arg(view.caller)
                onClicked: view.rejectRequested()
            }
            ColoredButton {
                id: answerButton
                objectName: "answerButton"
                text: qsTr("Answer")
                Layout.preferredWidth: 120
                Layout.preferredHeight: 44
                focus: true
                tone: "#2e7d32"
                Accessible.name: qsTr("Answer the call from %1").arg(view.caller)
                onClicked: view.answerRequested()
            }
        }
    }
    function focusAnswer() { answerButton.forceActiveFocus() }
}
