import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// Enter a number, a user name or a sip:/tel: address (typed, pasted or from the keypad) and call it.
// The controller checks and completes what was entered; its message shows under the field.
Page {
    id: page
    required property CallController controller
    title: qsTr("Dialer")

    function dial() {
        if (page.controller.dial(targetField.text))
            targetField.clear()
        else
            targetField.forceActiveFocus()
    }
    // Calls a link handed over from outside (a clicked sip:/tel: link); when it cannot be called,
    // it stays in the field with the reason under it.
    function dialText(text) {
        targetField.text = text
        dial()
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 8
            Label {
                Layout.fillWidth: true
                Layout.preferredHeight: 40
                verticalAlignment: Text.AlignVCenter
                text: page.title
                font.bold: true
                Accessible.role: Accessible.Heading
            }
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: (parent.width - width) / 2
            y: 16
            width: Math.min(page.width - 32, 360)
            spacing: 10

            RowLayout {
                Layout.fillWidth: true
                TextField {
                    id: targetField
                    objectName: "targetField"
                    Layout.fillWidth: true
                    focus: true
                    font.pixelSize: Qt.application.font.pixelSize * 1.3
                    placeholderText: qsTr("Number or SIP address")
                    inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    selectByMouse: true
                    Accessible.name: qsTr("Number or SIP address to call")
                    onTextChanged: page.controller.clearDialError()
                    onAccepted: page.dial()
                }
                ToolButton {
                    objectName: "eraseButton"
                    text: "⌫"
                    visible: targetField.text.length > 0
                    Accessible.name: qsTr("Delete last character")
                    onClicked: targetField.remove(targetField.text.length - 1, targetField.text.length)
                }
            }
            // What will be called, so a pasted link or a bare number shows its full address.
            Label {
                objectName: "resolvedLabel"
                Layout.fillWidth: true
                readonly property string uri: page.controller.resolve(targetField.text)
                visible: uri.length > 0 && page.controller.dialError.length === 0
                text: qsTr("Calls %1").arg(uri)
                opacity: 0.75
                elide: Text.ElideMiddle
            }
            FieldMessage {
                objectName: "dialError"
                text: page.controller.dialError
            }

            Keypad {
                objectName: "keypad"
                Layout.fillWidth: true
                Layout.topMargin: 6
                onDigitPressed: digit => targetField.insert(targetField.cursorPosition, digit)
            }

            ColoredButton {
                id: callButton
                objectName: "callButton"
                Layout.fillWidth: true
                Layout.preferredHeight: 48
                Layout.topMargin: 6
                text: qsTr("Call")
                tone: "#2e7d32"
                enabled: targetField.text.trim().length > 0
                Accessible.name: targetField.text.trim().length > 0 ? qsTr("Call %1").arg(targetField.text.trim())
                                                                    : qsTr("Call")
                onClicked: page.dial()
            }

            Label {
                objectName: "lastCallLabel"
                Layout.fillWidth: true
                Layout.topMargin: 6
                visible: text.length > 0 && page.controller.currentCall === null
                text: page.controller.lastCallSummary
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignHCenter
                opacity: 0.8
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }
        }
    }
    Component.onCompleted: targetField.forceActiveFocus()
}
