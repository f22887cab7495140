import QtQuick
import QtQuick.Controls

// A button in a signal colour (answer green, hang up red) with white text; the focus frame stays
// visible for keyboard users.
Button {
    id: control
    property color tone: "#c62828"
    implicitHeight: 44
    opacity: enabled ? 1 : 0.45
    contentItem: Label {
        text: control.text
        color: "white"
        font.bold: true
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        radius: 4
        color: control.down ? Qt.darker(control.tone, 1.3) : control.hovered ? Qt.lighter(control.tone, 1.1) : control.tone
        border.width: control.visualFocus ? 3 : 0
        border.color: control.palette.highlight
    }
    Keys.onReturnPressed: clicked()
    Keys.onEnterPressed: clicked()
}
