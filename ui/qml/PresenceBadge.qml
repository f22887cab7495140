import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// One presence fact of a contact (presence, registration or busy lamp) as a small shape and its
// text: the shape differs per state (filled dot, ring, square, bar), so colour is never the only
// cue. Invisible while the state is unknown (text empty).
RowLayout {
    id: badge
    // "presence", "registration" or "lamp"
    property string kind: "presence"
    property int value: 0
    property string text: ""
    property string note: ""
    visible: text.length > 0
    spacing: 4
    Accessible.role: Accessible.StaticText
    Accessible.name: note.length > 0 ? text + ", " + note : text

    // Shapes: dot = good/available/idle, ring = away/not registered, square = busy/in call,
    // bar = offline, diamond = ringing.
    readonly property string shape: {
        if (kind === "presence") {
            switch (value) {
            case ContactListModel.Available: return "dot"
            case ContactListModel.Away: return "ring"
            case ContactListModel.Busy:
            case ContactListModel.OnThePhone: return "square"
            case ContactListModel.Offline: return "bar"
            }
        } else if (kind === "registration") {
            return value === ContactListModel.Registered ? "dot" : "ring"
        } else {
            switch (value) {
            case ContactListModel.Idle: return "dot"
            case ContactListModel.Ringing: return "diamond"
            case ContactListModel.InCall: return "square"
            }
        }
        return "ring"
    }
    readonly property color tone: {
        switch (shape) {
        case "dot": return "#2e7d32"
        case "ring": return "#ef6c00"
        case "square": return "#c62828"
        case "diamond": return "#1565c0"
        }
        return palette.mid
    }

    Item {
        objectName: "badgeShape_" + badge.shape
        implicitWidth: 12
        implicitHeight: 12
        Rectangle {
            anchors.centerIn: parent
            width: badge.shape === "bar" ? 12 : 10
            height: badge.shape === "bar" ? 4 : 10
            rotation: badge.shape === "diamond" ? 45 : 0
            radius: badge.shape === "dot" || badge.shape === "ring" ? 5 : 1
            color: badge.shape === "ring" ? "transparent" : badge.tone
            border.width: badge.shape === "ring" ? 2 : 0
            border.color: badge.tone
        }
    }
    Label {
        objectName: "badgeText"
        text: badge.note.length > 0 ? badge.text + " – " + badge.note : badge.text
        elide: Text.ElideRight
        Layout.maximumWidth: 220
        font.pixelSize: Qt.application.font.pixelSize * 0.9
    }
}
