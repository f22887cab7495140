import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The twelve keys of a phone: digits with their letters, star and hash. Each key is a button that
// can be reached with Tab and pressed with Space or Enter.
GridLayout {
    id: keypad
    signal digitPressed(string digit)
    columns: 3
    rowSpacing: 8
    columnSpacing: 8

    Repeater {
        model: [
            { digit: "1", letters: "" }, { digit: "2", letters: "ABC" }, { digit: "3", letters: "DEF" },
            { digit: "4", letters: "GHI" }, { digit: "5", letters: "JKL" }, { digit: "6", letters: "MNO" },
            { digit: "7", letters: "PQRS" }, { digit: "8", letters: "TUV" }, { digit: "9", letters: "WXYZ" },
            { digit: "*", letters: "" }, { digit: "0", letters: "+" }, { digit: "#", letters: "" }
        ]
        delegate: Button {
            id: key
            required property var modelData
            objectName: "key_" + modelData.digit
            Layout.fillWidth: true
            Layout.preferredHeight: 52
            Layout.preferredWidth: 72
            font.pixelSize: Qt.application.font.pixelSize * 1.4
            Accessible.name: modelData.digit === "*" ? qsTr("Star")
                           : modelData.digit === "#" ? qsTr("Hash")
                           : modelData.digit
            contentItem: Column {
                spacing: 0
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: key.modelData.digit
                    font: key.font
                }
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: key.modelData.letters
                    visible: text.length > 0
                    opacity: 0.6
                    font.pixelSize: Qt.application.font.pixelSize * 0.75
                }
            }
            onClicked: keypad.digitPressed(modelData.digit)
            Keys.onReturnPressed: clicked()
            Keys.onEnterPressed: clicked()
        }
    }
}
