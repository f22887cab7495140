import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// The call history, newest first: who, which way, when, how long and how it ended. Missed calls
// stand out by colour and by the word "Missed"; each call can be called back or deleted.
Page {
    id: page
    required property CallHistoryModel model
    required property CallController controller
    title: qsTr("History")

    // Readable on the window's own background in light and dark palettes.
    readonly property bool darkPalette: palette.window.hslLightness < 0.5
    readonly property color missedColor: darkPalette ? "#ff8a80" : "#c62828"

    // Why the last call back did not start (the controller's sentence), shown above the list.
    property string callBackError
    function callBack(uri) {
        callBackError = page.controller.dial(uri) ? "" : page.controller.dialError
    }

    // A small arrow: into the phone for incoming calls, out of it for outgoing ones.
    component DirectionIcon: Canvas {
        id: icon
        property bool incoming
        property color color
        implicitWidth: 18
        implicitHeight: 18
        onColorChanged: requestPaint()
        onIncomingChanged: requestPaint()
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.strokeStyle = icon.color
            ctx.lineWidth = 2
            ctx.lineCap = "round"
            ctx.lineJoin = "round"
            const m = 4, w = width, h = height
            // The line runs bottom-left to top-right; the head sits where the call went.
            const tipX = incoming ? m : w - m
            const tipY = incoming ? h - m : m
            ctx.beginPath()
            ctx.moveTo(m, h - m)
            ctx.lineTo(w - m, m)
            ctx.moveTo(tipX, tipY)
            ctx.lineTo(tipX + (incoming ? 7 : -7), tipY)
            ctx.moveTo(tipX, tipY)
            ctx.lineTo(tipX, tipY + (incoming ? -7 : 7))
            ctx.stroke()
        }
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
            ToolButton {
                objectName: "clearHistoryButton"
                text: qsTr("Clear all")
                visible: page.model.count > 0
                Accessible.name: qsTr("Clear the whole call history")
                onClicked: confirmClear.open()
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        FieldMessage {
            objectName: "historyError"
            Layout.margins: 8
            text: page.model.errorText.length > 0 ? page.model.errorText : page.callBackError
        }

        ListView {
            id: list
            objectName: "historyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.model
            keyNavigationEnabled: true
            activeFocusOnTab: true
            ScrollBar.vertical: ScrollBar {}
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Call history")
            // Up/Down select, Return calls back, Delete removes the selected call.
            Keys.onReturnPressed: if (currentItem) page.callBack(currentItem.remoteUri)
            Keys.onEnterPressed: if (currentItem) page.callBack(currentItem.remoteUri)
            Keys.onDeletePressed: if (currentIndex >= 0) page.model.remove(currentIndex)

            delegate: ItemDelegate {
                id: entry
                required property int index
                required property string displayName
                required property string address
                required property string remoteName
                required property string remoteUri
                required property bool incoming
                required property bool missed
                required property bool answered
                required property string timeText
                required property string durationText
                required property string endText
                objectName: "historyEntry_" + index
                width: ListView.view.width
                // The selection shows only while the list has the keyboard focus.
                highlighted: ListView.isCurrentItem && ListView.view.activeFocus
                focusPolicy: Qt.NoFocus
                // Whether the row says "Missed": for tests and screen readers alike.
                readonly property string directionText: missed ? qsTr("Missed")
                                                               : incoming ? qsTr("Incoming") : qsTr("Outgoing")
                Accessible.name: qsTr("%1 call, %2, %3").arg(directionText).arg(displayName).arg(timeText)
                Accessible.description: endText
                ToolTip.visible: hovered && endText.length > 0
                ToolTip.text: endText
                ToolTip.delay: 600
                onClicked: page.callBack(remoteUri)

                contentItem: RowLayout {
                    spacing: 10
                    DirectionIcon {
                        objectName: "directionIcon"
                        incoming: entry.incoming
                        color: entry.missed ? page.missedColor : entry.palette.windowText
                        Layout.alignment: Qt.AlignVCenter
                        Accessible.ignored: true
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            objectName: "historyName"
                            Layout.fillWidth: true
                            text: entry.displayName
                            font.bold: true
                            color: entry.missed ? page.missedColor : entry.palette.windowText
                            elide: Text.ElideRight
                        }
                        Label {
                            objectName: "historyDetail"
                            Layout.fillWidth: true
                            // "Missed · The caller hung up…" – the word, not the colour alone.
                            text: (entry.missed ? qsTr("Missed") + " · " : "")
                                  + (entry.remoteName.length > 0 ? entry.address + " · " : "") + entry.endText
                            color: entry.missed ? page.missedColor : entry.palette.windowText
                            opacity: entry.missed ? 1 : 0.7
                            elide: Text.ElideRight
                            font.pixelSize: Qt.application.font.pixelSize * 0.9
                        }
                    }
                    ColumnLayout {
                        spacing: 2
                        Label {
                            objectName: "historyTime"
                            Layout.alignment: Qt.AlignRight
                            text: entry.timeText
                            opacity: 0.8
                        }
                        Label {
                            objectName: "historyDuration"
                            Layout.alignment: Qt.AlignRight
                            text: entry.durationText
                            visible: text.length > 0
                            opacity: 0.7
                            font.pixelSize: Qt.application.font.pixelSize * 0.9
                        }
                    }
                    ToolButton {
                        objectName: "callBackButton"
                        text: qsTr("Call")
                        enabled: entry.remoteUri.length > 0
                        Accessible.name: qsTr("Call %1 back").arg(entry.displayName)
                        onClicked: page.callBack(entry.remoteUri)
                    }
                    ToolButton {
                        objectName: "deleteButton"
                        text: "✕"
                        Accessible.name: qsTr("Delete the call with %1 from the history").arg(entry.displayName)
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Delete")
                        onClicked: page.model.remove(entry.index)
                    }
                }
            }
        }
    }

    Label {
        objectName: "historyEmpty"
        anchors.centerIn: parent
        width: parent.width - 48
        visible: page.model.count === 0
        text: qsTr("No calls yet. The calls you make and receive will be listed here.")
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        opacity: 0.7
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }

    Dialog {
        id: confirmClear
        objectName: "clearHistoryDialog"
        anchors.centerIn: parent
        width: Math.min(page.width - 32, 360)
        modal: true
        title: qsTr("Clear the call history?")
        standardButtons: Dialog.Yes | Dialog.No
        Label {
            width: confirmClear.availableWidth
            text: qsTr("All calls will be deleted from the history. This cannot be undone.")
            wrapMode: Text.WordWrap
        }
        onAccepted: page.model.clear()
    }
}
