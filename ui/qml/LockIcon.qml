import QtQuick

// A small padlock, closed when locked: the SRTP state of a call next to its quality line.
Item {
    id: icon
    property bool locked: true
    property color color: palette.windowText
    implicitWidth: 12
    implicitHeight: 15

    Rectangle {
        // The shackle: a rounded frame whose lower half the body hides; lifted when open.
        x: 2
        y: icon.locked ? 0 : -3
        width: 8
        height: 10
        radius: 4
        color: "transparent"
        border.width: 2
        border.color: icon.color
    }
    Rectangle {
        y: 6
        width: 12
        height: 9
        radius: 1.5
        color: icon.color
    }
}
