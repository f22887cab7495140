import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// An inline validation message under a form field; invisible while empty.
Label {
    Layout.fillWidth: true
    visible: text.length > 0
    wrapMode: Text.WordWrap
    color: "#c62828"
    font.pixelSize: Qt.application.font.pixelSize * 0.95
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
