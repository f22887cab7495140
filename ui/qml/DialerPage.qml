import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// Enter a number, a user name or a sip:/tel: address (typed, pasted or from the keypad) and call it.
// The controller checks and completes what was entered; its message shows under the field.
Page {
    id: page
    required property CallController controller
    // Optional: where suggestions come from while typing (recent calls matching the text).
    property CallHistoryModel history: null
    title: qsTr("Dialer")

    // Suggestions show under the field while it has focus; Up/Down pick one, Return takes it,
    // Escape hides them until the text changes.
    readonly property var suggestions: history !== null && history.count >= 0 ? history.suggestions(targetField.text) : []
    property int suggestionIndex: -1
    property bool suggestionsDismissed: false
    readonly property bool suggesting: suggestions.length > 0 && targetField.activeFocus && !suggestionsDismissed
    onSuggestionsChanged: suggestionIndex = -1
    function takeSuggestion(uri) {
        targetField.text = uri
        suggestionsDismissed = true
        targetField.cursorPosition = targetField.text.length
    }

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
                    onTextChanged: {
                        page.controller.clearDialError()
                        page.suggestionsDismissed = false
                    }
                    onAccepted: {
                        if (page.suggesting && page.suggestionIndex >= 0)
                            page.takeSuggestion(page.suggestions[page.suggestionIndex].uri)
                        else
                            page.dial()
                    }
                    Keys.onDownPressed: event => {
                        if (page.suggesting)
                            page.suggestionIndex = Math.min(page.suggestionIndex + 1, page.suggestions.length - 1)
                        else
                            event.accepted = false
                    }
                    Keys.onUpPressed: event => {
                        if (page.suggesting)
                            page.suggestionIndex = Math.max(page.suggestionIndex - 1, -1)
                        else
                            event.accepted = false
                    }
                    Keys.onEscapePressed: event => {
                        if (page.suggesting)
                            page.suggestionsDismissed = true
                        else
                            event.accepted = false
                    }

                    Popup {
                        objectName: "suggestionPopup"
                        y: parent.height + 2
                        width: parent.width
                        padding: 2
                        // Typing stays in the field; the popup never takes the focus.
                        focus: false
                        closePolicy: Popup.NoAutoClose
                        visible: page.suggesting
                        contentItem: ListView {
                            objectName: "suggestionList"
                            implicitHeight: contentHeight
                            interactive: false
                            model: page.suggestions
                            Accessible.role: Accessible.List
                            Accessible.name: qsTr("Recent calls matching what you typed")
                            delegate: ItemDelegate {
                                required property var modelData
                                required property int index
                                objectName: "suggestion_" + index
                                width: ListView.view.width
                                // A click must not take the focus from the field (that would close the list).
                                focusPolicy: Qt.NoFocus
                                highlighted: index === page.suggestionIndex
                                text: modelData.name.length > 0 ? modelData.name + " · " + modelData.address : modelData.address
                                Accessible.name: text
                                onClicked: page.takeSuggestion(modelData.uri)
                            }
                        }
                    }
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
