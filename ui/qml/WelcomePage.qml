import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// First start: nothing configured yet. Two ways on: add an account, or make a test call to the
// echo service inside the app, which needs no account and shows the normal call screen.
Page {
    id: page
    signal addAccount()
    // "Add call" during a call: the dialer (of the home page) is wanted.
    signal openDialer()
    // Both set: the test call is offered (without them the button is absent, never dead).
    property CallController calls: null
    property EchoService echo: null
    // Why the last test call did not start; empty otherwise.
    property string testCallError: ""
    readonly property bool inCall: calls !== null && calls.currentCall !== null
    title: qsTr("Welcome")

    function startTestCall() {
        testCallError = ""
        const uri = echo.start()
        if (uri.length === 0) {
            testCallError = echo.errorText
            return
        }
        if (!calls.dial(uri)) {
            testCallError = calls.dialError
            echo.stop()
        }
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 420)
        spacing: 16
        visible: !page.inCall

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Welcome to Parlo")
            font.pixelSize: Qt.application.font.pixelSize * 2
            font.bold: true
            Accessible.role: Accessible.Heading
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("To make and receive calls, add the SIP account you got from your provider or your company's phone system.")
        }
        Flow {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: parent.width
            spacing: 12
            Button {
                id: addButton
                objectName: "addAccountButton"
                text: qsTr("Add a SIP account")
                highlighted: true
                focus: true
                Accessible.name: text
                onClicked: page.addAccount()
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
            }
            Button {
                objectName: "testCallButton"
                visible: page.calls !== null && page.echo !== null
                enabled: visible && page.calls.canDial && !page.inCall
                text: qsTr("Make a test call")
                Accessible.name: text
                Accessible.description: testCallText.text
                onClicked: page.startTestCall()
                Keys.onReturnPressed: clicked()
                Keys.onEnterPressed: clicked()
            }
        }
        Label {
            id: testCallText
            objectName: "testCallText"
            visible: page.calls !== null && page.echo !== null
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            color: palette.placeholderText
            text: qsTr("No account yet? The test call goes to an echo inside Parlo: you will hear yourself with a short delay, so you know your microphone and speakers work. Nothing leaves your computer.")
        }
        FieldMessage {
            objectName: "testCallError"
            horizontalAlignment: Text.AlignHCenter
            text: page.testCallError
        }
    }

    // The test call (or any call without an account) on the normal call screen; when it has
    // gone, the welcome is back.
    Loader {
        objectName: "welcomeCallView"
        anchors.fill: parent
        active: page.inCall
        sourceComponent: InCallPage {
            call: page.calls.currentCall
            calls: page.calls.calls
            onHangupRequested: page.calls.hangup()
            onMuteRequested: mute => page.calls.setMuted(mute)
            onHoldRequested: hold => hold ? page.calls.hold() : page.calls.resume()
            onDtmfRequested: digit => page.calls.sendDtmf(digit)
            onTransferRequested: target => page.calls.transferBlind(target)
            onSwapRequested: call => page.calls.swap(call)
            onAttendedTransferRequested: call => page.calls.transferAttended(call)
            onAddCallRequested: page.openDialer()
        }
    }
    Component.onCompleted: addButton.forceActiveFocus()
}
