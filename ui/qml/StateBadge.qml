import QtQuick
import QtQuick.Controls
import Parlo.Ui

// The registration state of one account as a coloured badge.
Rectangle {
    id: badge
    property int registrationState: ClientRegistration.Unregistered
    property int retryInSeconds: 0
    property bool passwordNeeded: false
    readonly property string text: {
        if (passwordNeeded)
            return qsTr("Password needed")
        switch (registrationState) {
        case ClientRegistration.Registered:
        case ClientRegistration.Refreshing:
            return qsTr("Registered")
        case ClientRegistration.Registering:
            return qsTr("Registering…")
        case ClientRegistration.RetryWaiting:
            return qsTr("Retrying in %n s", "", retryInSeconds)
        case ClientRegistration.Unregistering:
            return qsTr("Signing off…")
        case ClientRegistration.Failed:
            return qsTr("Failed")
        }
        return qsTr("Not registered")
    }
    readonly property color tone: {
        if (passwordNeeded)
            return "#ef6c00"
        switch (registrationState) {
        case ClientRegistration.Registered:
        case ClientRegistration.Refreshing:
            return "#2e7d32"
        case ClientRegistration.Registering:
        case ClientRegistration.Unregistering:
            return "#1565c0"
        case ClientRegistration.RetryWaiting:
            return "#ef6c00"
        case ClientRegistration.Failed:
            return "#c62828"
        }
        return "#616161"
    }
    radius: height / 2
    color: tone
    implicitWidth: label.implicitWidth + 20
    implicitHeight: label.implicitHeight + 8
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: label
        anchors.centerIn: parent
        width: Math.min(implicitWidth, badge.width - 20)
        text: badge.text
        color: "white"
        elide: Text.ElideRight
    }
}
