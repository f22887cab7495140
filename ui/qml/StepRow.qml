import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One step of the connection test: pending, running, done or failed.
RowLayout {
    id: row
    property string label
    property int status: StepRow.Pending
    enum Status { Pending, Running, Done, Failed }
    spacing: 8
    Accessible.role: Accessible.StaticText
    Accessible.name: label + ": " + statusText()

    function statusText() {
        switch (status) {
        case StepRow.Running: return qsTr("in progress")
        case StepRow.Done: return qsTr("done")
        case StepRow.Failed: return qsTr("failed")
        }
        return qsTr("waiting")
    }

    Item {
        implicitWidth: 24
        implicitHeight: 24
        BusyIndicator {
            anchors.fill: parent
            running: row.status === StepRow.Running
            visible: running
        }
        Label {
            anchors.centerIn: parent
            visible: row.status !== StepRow.Running
            text: row.status === StepRow.Done ? "✓" : row.status === StepRow.Failed ? "✗" : "○"
            color: row.status === StepRow.Done ? "#2e7d32" : row.status === StepRow.Failed ? "#c62828" : palette.windowText
            font.bold: true
        }
    }
    Label {
        Layout.fillWidth: true
        text: row.label
        wrapMode: Text.WordWrap
        opacity: row.status === StepRow.Pending ? 0.6 : 1
    }
}
