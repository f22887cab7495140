import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// The messages exchanged with one address, newest at the bottom, each outgoing one with its
// delivery state (and why it failed); a field to write a new one.
Page {
    id: page
    required property MessageController controller
    property string remoteUri: ""
    signal back()

    function send() {
        if (conversation.send(input.text))
            input.clear()
        input.forceActiveFocus()
    }

    MessageModel {
        id: conversation
        objectName: "conversationModel"
        controller: page.controller
        remoteUri: page.remoteUri
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 4
            anchors.rightMargin: 8
            ToolButton {
                objectName: "conversationBackButton"
                text: qsTr("Back")
                Accessible.name: qsTr("Back to contacts")
                onClicked: page.back()
            }
            Label {
                Layout.fillWidth: true
                Layout.preferredHeight: 40
                verticalAlignment: Text.AlignVCenter
                text: page.title
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8
        spacing: 6

        Label {
            objectName: "conversationAddress"
            Layout.fillWidth: true
            visible: page.title !== page.remoteUri
            text: page.remoteUri
            opacity: 0.75
            elide: Text.ElideRight
        }
        Label {
            objectName: "conversationEmptyState"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: messages.count === 0
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
            wrapMode: Text.WordWrap
            text: qsTr("No messages yet.")
        }

        ListView {
            id: messages
            objectName: "messageList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            visible: count > 0
            clip: true
            spacing: 6
            model: conversation
            keyNavigationEnabled: true
            ScrollBar.vertical: ScrollBar {}
            onCountChanged: Qt.callLater(positionViewAtEnd)
            Component.onCompleted: positionViewAtEnd()

            delegate: Item {
                id: bubble
                required property string text
                required property bool incoming
                required property string timeText
                required property int status
                required property string statusText
                required property string failureText
                objectName: "message_" + index
                required property int index
                width: ListView.view.width
                implicitHeight: box.implicitHeight
                Accessible.role: Accessible.ListItem
                Accessible.name: (incoming ? qsTr("Received %1: %2") : qsTr("Sent %1: %2")).arg(timeText).arg(text)
                                 + (statusText.length > 0 ? ", " + statusText : "")

                Frame {
                    id: box
                    anchors.left: bubble.incoming ? parent.left : undefined
                    anchors.right: bubble.incoming ? undefined : parent.right
                    width: Math.min(implicitWidth, parent.width * 0.85)
                    background: Rectangle {
                        radius: 8
                        color: bubble.incoming ? palette.alternateBase : palette.base
                        border.color: bubble.status === MessageModel.Failed ? "#c62828" : palette.mid
                        border.width: bubble.status === MessageModel.Failed ? 2 : 1
                    }
                    ColumnLayout {
                        width: Math.min(implicitWidth, bubble.width * 0.85 - 24)
                        spacing: 2
                        Label {
                            Layout.fillWidth: true
                            Layout.maximumWidth: bubble.width * 0.85 - 24
                            text: bubble.text
                            textFormat: Text.PlainText
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "messageStatus"
                            Layout.fillWidth: true
                            text: bubble.statusText.length > 0 ? bubble.timeText + " · " + bubble.statusText : bubble.timeText
                            opacity: 0.75
                            font.pixelSize: Qt.application.font.pixelSize * 0.85
                        }
                        Label {
                            objectName: "messageFailure"
                            Layout.fillWidth: true
                            Layout.maximumWidth: bubble.width * 0.85 - 24
                            visible: bubble.status === MessageModel.Failed && text.length > 0
                            text: bubble.failureText
                            wrapMode: Text.WordWrap
                            color: "#c62828"
                        }
                    }
                }
            }
        }

        FieldMessage { objectName: "sendError"; text: page.controller.sendError }

        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: input
                objectName: "messageField"
                Layout.fillWidth: true
                placeholderText: qsTr("Write a message")
                Accessible.name: qsTr("Message to %1").arg(page.title)
                onAccepted: page.send()
            }
            Button {
                objectName: "sendButton"
                text: qsTr("Send")
                enabled: input.text.trim().length > 0
                Accessible.name: text
                onClicked: page.send()
            }
        }
    }
}
