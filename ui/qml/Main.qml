import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

ApplicationWindow {
    id: window
    width: 420
    height: 640
    visible: true
    title: qsTr("Parlo")

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Parlo")
            font.pixelSize: 32
            font.bold: true
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("SIP softphone, version %1").arg(AppInfo.version)
            opacity: 0.7
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: window.width - 48
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Account setup and calling arrive in the desktop app soon. Until then, parlo-cli registers and answers from the command line.")
        }
    }
}
