import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Parlo.Ui

// One call on screen: who, how long, the controls that work in its state (mute, hold, DTMF keypad,
// recording, audio devices, transfer, hang up), the live media quality, and the other calls to
// switch to. Recording and the device choice act on the call item itself.
Page {
    id: page
    // A CallItem (or a stand-in with the same properties).
    property QtObject call: null
    // The other calls that are up (CallListModel rows with a "call" role); may be null.
    property var calls: null
    signal hangupRequested()
    signal muteRequested(bool mute)
    signal holdRequested(bool hold)
    signal dtmfRequested(string digit)
    signal transferRequested(string target)
    signal swapRequested(QtObject call)
    signal attendedTransferRequested(QtObject call)
    signal addCallRequested()

    readonly property int callState: call ? call.state : Call.Ended
    readonly property bool connected: callState === Call.Active
    readonly property string remote: call ? (call.remoteName || call.remoteUri) : ""
    property string sentDigits: ""
    property bool keypadOpen: false
    property bool audioOpen: false
    title: qsTr("Call")

    function pad(n) { return n < 10 ? "0" + n : "" + n }
    function formatDuration(seconds) {
        const h = Math.floor(seconds / 3600)
        const m = Math.floor(seconds % 3600 / 60)
        const s = seconds % 60
        return (h > 0 ? h + ":" + pad(m) : pad(m)) + ":" + pad(s)
    }
    function stateText() {
        if (!call)
            return ""
        switch (call.state) {
        case Call.Dialing:
            return qsTr("Calling…")
        case Call.Ringing:
            return call.direction === Call.Incoming ? qsTr("Incoming call") : qsTr("Ringing…")
        case Call.EarlyMedia:
            return qsTr("Ringing…")
        case Call.Connecting:
            return qsTr("Connecting…")
        case Call.Active:
            if (call.onHold)
                return qsTr("On hold · %1").arg(formatDuration(call.duration))
            if (call.remoteHold)
                return qsTr("Held by the other side · %1").arg(formatDuration(call.duration))
            return formatDuration(call.duration)
        case Call.Ending:
            return qsTr("Hanging up…")
        }
        return qsTr("Call ended")
    }
    function qualityText() {
        if (!call || !call.hasMedia)
            return ""
        const parts = []
        if (call.codec.length > 0)
            parts.push(call.codec)
        parts.push(qsTr("packets sent %1, received %2").arg(call.packetsSent).arg(call.packetsReceived))
        // Figures in the user's number format; a figure and its unit never wrap apart.
        const fixed = x => Number(x).toLocaleString(Qt.locale(), "f", 1)
        const keep = text => text.replace(/ /g, "\u00a0")
        parts.push(keep(qsTr("jitter %1 ms").arg(fixed(call.jitterMs))))
        parts.push(keep(qsTr("loss %1 %").arg(fixed(call.lossPercent))))
        parts.push(call.rttMs >= 0 ? keep(qsTr("RTT %1 ms").arg(Math.round(call.rttMs))) : qsTr("RTT not measured yet"))
        return parts.join(" · ")
    }
    // The row of a device id in AudioSettings.inputs/outputs; the default ("") row when it is gone.
    function deviceRow(devices, id) {
        for (let i = 0; i < devices.length; ++i)
            if (devices[i].id === id)
                return i
        return 0
    }
    function moveAudio(inputRow, outputRow) {
        const inputs = AudioSettings.inputs
        const outputs = AudioSettings.outputs
        if (page.call && inputRow >= 0 && inputRow < inputs.length && outputRow >= 0 && outputRow < outputs.length)
            page.call.setAudioDevices(inputs[inputRow].id, outputs[outputRow].id)
    }
    onCallChanged: {
        sentDigits = ""
        keypadOpen = false
        audioOpen = false
        transferField.clear()
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
                objectName: "addCallButton"
                text: qsTr("Add call")
                visible: page.connected
                Accessible.name: qsTr("Call someone else; this call is put on hold")
                onClicked: page.addCallRequested()
            }
        }
    }

    Flickable {
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            objectName: "callColumn"
            x: (parent.width - width) / 2
            y: 16
            width: Math.min(page.width - 32, 400)
            spacing: 10

            Label {
                objectName: "remoteName"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: page.remote
                font.pixelSize: Qt.application.font.pixelSize * 1.6
                font.bold: true
                elide: Text.ElideRight
                Accessible.role: Accessible.Heading
            }
            Label {
                objectName: "remoteUri"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: page.call !== null && page.call.remoteName.length > 0
                text: page.call ? page.call.remoteUri : ""
                opacity: 0.75
                elide: Text.ElideMiddle
            }
            Label {
                objectName: "statusLabel"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                text: page.stateText()
                font.pixelSize: Qt.application.font.pixelSize * 1.2
                Accessible.role: Accessible.StaticText
                Accessible.name: text
            }

            // Problems with the audio, most urgent first.
            Frame {
                objectName: "oneWayWarning"
                Layout.fillWidth: true
                visible: page.connected && page.call.oneWayAudio && !page.call.onHold
                background: Rectangle { color: "#ef6c00"; radius: 4 }
                Accessible.role: Accessible.AlertMessage
                Accessible.name: oneWayText.text
                Label {
                    id: oneWayText
                    width: parent.width
                    wrapMode: Text.WordWrap
                    color: "white"
                    text: qsTr("No audio is arriving from the other side. A firewall or router may be blocking it.")
                }
            }
            FieldMessage {
                objectName: "mediaWarning"
                horizontalAlignment: Text.AlignHCenter
                text: page.call && page.call.state !== Call.Ended ? page.call.mediaWarning : ""
            }
            Label {
                objectName: "endText"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                visible: text.length > 0
                wrapMode: Text.WordWrap
                text: page.callState === Call.Ended && page.call ? page.call.endText : ""
            }

            GridLayout {
                Layout.fillWidth: true
                Layout.topMargin: 6
                columns: 3
                visible: page.connected
                Button {
                    id: muteButton
                    objectName: "muteButton"
                    Layout.fillWidth: true
                    text: page.call && page.call.muted ? qsTr("Unmute") : qsTr("Mute")
                    checked: page.call !== null && page.call.muted
                    Accessible.name: page.call && page.call.muted ? qsTr("Unmute the microphone")
                                                                  : qsTr("Mute the microphone")
                    onClicked: page.muteRequested(!page.call.muted)
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
                Button {
                    id: holdButton
                    objectName: "holdButton"
                    Layout.fillWidth: true
                    text: page.call && page.call.onHold ? qsTr("Resume") : qsTr("Hold")
                    checked: page.call !== null && page.call.onHold
                    Accessible.name: page.call && page.call.onHold ? qsTr("Resume the call") : qsTr("Put the call on hold")
                    onClicked: page.holdRequested(!page.call.onHold)
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
                Button {
                    id: keypadButton
                    objectName: "keypadButton"
                    Layout.fillWidth: true
                    text: qsTr("Keypad")
                    checked: page.keypadOpen
                    Accessible.name: checked ? qsTr("Hide the keypad") : qsTr("Show the keypad to send tones")
                    onClicked: page.keypadOpen = !page.keypadOpen
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
            }

            Label {
                objectName: "sentDigits"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                // Holds its line while the keypad is open, so the keys do not move on the first press.
                visible: dtmfPad.visible
                text: page.sentDigits || " "
                font.pixelSize: Qt.application.font.pixelSize * 1.3
                elide: Text.ElideLeft
            }
            Keypad {
                id: dtmfPad
                objectName: "dtmfPad"
                Layout.fillWidth: true
                visible: page.connected && page.keypadOpen
                onDigitPressed: digit => {
                    page.sentDigits += digit
                    page.dtmfRequested(digit)
                }
            }

            // Recording the conversation, and the devices this call uses.
            RowLayout {
                Layout.fillWidth: true
                visible: page.connected
                Button {
                    id: recordButton
                    objectName: "recordButton"
                    Layout.fillWidth: true
                    readonly property bool recording: page.call !== null && page.call.recording
                    text: recording ? qsTr("Stop recording") : qsTr("Record")
                    checked: recording
                    Accessible.name: recording ? qsTr("Stop recording the call and save it")
                                               : qsTr("Record the call, both sides")
                    onClicked: page.call.toggleRecording()
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
                Button {
                    id: audioButton
                    objectName: "audioButton"
                    Layout.fillWidth: true
                    text: qsTr("Audio")
                    checked: page.audioOpen
                    Accessible.name: checked ? qsTr("Hide the audio devices")
                                             : qsTr("Choose the microphone and speaker for this call")
                    onClicked: page.audioOpen = !page.audioOpen
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
            }
            RowLayout {
                objectName: "recordingIndicator"
                Layout.alignment: Qt.AlignHCenter
                visible: page.connected && page.call.recording
                spacing: 8
                Accessible.role: Accessible.StaticText
                Accessible.name: recordingLabel.text
                Rectangle {
                    objectName: "recordingDot"
                    implicitWidth: 12
                    implicitHeight: 12
                    radius: 6
                    color: "#c62828"
                }
                Label {
                    id: recordingLabel
                    objectName: "recordingLabel"
                    text: page.call ? qsTr("Recording %1").arg(page.formatDuration(page.call.recordingDuration)) : ""
                }
            }
            RowLayout {
                objectName: "recordingSaved"
                Layout.fillWidth: true
                visible: page.call !== null && !page.call.recording && page.call.recordingFile.length > 0
                         && page.call.recordingError.length === 0
                Label {
                    objectName: "recordingSavedText"
                    Layout.fillWidth: true
                    wrapMode: Text.WrapAnywhere
                    opacity: 0.85
                    text: page.call ? qsTr("Saved to %1").arg(page.call.recordingFile) : ""
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                Button {
                    objectName: "openRecordingFolder"
                    text: qsTr("Open folder")
                    Accessible.name: qsTr("Open the folder with the recording")
                    onClicked: Qt.openUrlExternally(page.call.recordingFolderUrl)
                    Keys.onReturnPressed: clicked()
                    Keys.onEnterPressed: clicked()
                }
            }
            FieldMessage {
                objectName: "recordingError"
                horizontalAlignment: Text.AlignHCenter
                text: page.call ? page.call.recordingError : ""
            }
            GridLayout {
                objectName: "audioSection"
                Layout.fillWidth: true
                visible: page.connected && page.audioOpen
                columns: 2
                columnSpacing: 8
                Label {
                    text: qsTr("Microphone")
                }
                ComboBox {
                    id: inputBox
                    objectName: "callInputDevice"
                    Layout.fillWidth: true
                    model: AudioSettings.inputs
                    textRole: "name"
                    valueRole: "id"
                    currentIndex: page.call && page.call.audioDevicesChosen
                                  ? page.deviceRow(AudioSettings.inputs, page.call.inputDeviceId)
                                  : AudioSettings.inputIndex
                    Accessible.name: qsTr("Microphone for this call")
                    onActivated: index => page.moveAudio(index, outputBox.currentIndex)
                }
                Label {
                    text: qsTr("Speaker")
                }
                ComboBox {
                    id: outputBox
                    objectName: "callOutputDevice"
                    Layout.fillWidth: true
                    model: AudioSettings.outputs
                    textRole: "name"
                    valueRole: "id"
                    currentIndex: page.call && page.call.audioDevicesChosen
                                  ? page.deviceRow(AudioSettings.outputs, page.call.outputDeviceId)
                                  : AudioSettings.outputIndex
                    Accessible.name: qsTr("Speaker for this call")
                    onActivated: index => page.moveAudio(inputBox.currentIndex, index)
                }
            }

            ColoredButton {
                objectName: "hangupButton"
                Layout.fillWidth: true
                Layout.preferredHeight: 48
                Layout.topMargin: 6
                visible: page.call !== null && page.callState !== Call.Ended && page.callState !== Call.Ending
                text: page.connected ? qsTr("Hang up") : qsTr("Cancel call")
                tone: "#c62828"
                Accessible.name: page.connected ? qsTr("Hang up the call with %1").arg(page.remote)
                                                : qsTr("Cancel the call to %1").arg(page.remote)
                onClicked: page.hangupRequested()
            }

            // Blind transfer: the other side is asked to call the target, and this call ends.
            ColumnLayout {
                objectName: "transferSection"
                Layout.fillWidth: true
                Layout.topMargin: 6
                visible: page.connected
                spacing: 4
                RowLayout {
                    Layout.fillWidth: true
                    TextField {
                        id: transferField
                        objectName: "transferField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Transfer to number or address")
                        enabled: !page.call || !page.call.transferring
                        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                        selectByMouse: true
                        Accessible.name: qsTr("Number or address to transfer the call to")
                        onAccepted: transferButton.clicked()
                    }
                    Button {
                        id: transferButton
                        objectName: "transferButton"
                        text: qsTr("Transfer")
                        enabled: transferField.text.trim().length > 0 && (!page.call || !page.call.transferring)
                        Accessible.name: qsTr("Transfer the call to %1").arg(transferField.text.trim())
                        onClicked: page.transferRequested(transferField.text.trim())
                        Keys.onReturnPressed: clicked()
                        Keys.onEnterPressed: clicked()
                    }
                }
                Label {
                    objectName: "transferStatus"
                    Layout.fillWidth: true
                    visible: text.length > 0
                    wrapMode: Text.WordWrap
                    text: page.call && page.call.transferring ? qsTr("Transferring…") : ""
                }
                FieldMessage {
                    objectName: "transferError"
                    text: page.call ? page.call.transferError : ""
                }
            }

            // The other calls (held, or waiting): switch to one, which holds this one.
            Repeater {
                model: page.calls
                delegate: Frame {
                    id: other
                    required property QtObject call
                    required property string remoteName
                    required property string remoteUri
                    Layout.fillWidth: true
                    visible: call !== page.call && call.state !== Call.Ended
                    RowLayout {
                        anchors.fill: parent
                        Label {
                            Layout.fillWidth: true
                            text: (other.remoteName || other.remoteUri) + " · "
                                  + (other.call.onHold ? qsTr("on hold") : qsTr("waiting"))
                            elide: Text.ElideRight
                        }
                        // Attended transfer: the peer on screen takes over this other call.
                        Button {
                            objectName: "attendedTransferButton"
                            visible: page.connected && other.call !== null && other.call.state === Call.Active
                            enabled: !(page.call && page.call.transferring)
                            text: qsTr("Transfer to %1").arg(other.remoteName || other.remoteUri)
                            Accessible.name: qsTr("Connect %1 with %2 and leave both calls")
                                             .arg(page.remote).arg(other.remoteName || other.remoteUri)
                            onClicked: page.attendedTransferRequested(other.call)
                            Keys.onReturnPressed: clicked()
                            Keys.onEnterPressed: clicked()
                        }
                        Button {
                            objectName: "swapButton"
                            text: qsTr("Switch")
                            Accessible.name: qsTr("Switch to the call with %1").arg(other.remoteName || other.remoteUri)
                            onClicked: page.swapRequested(other.call)
                            Keys.onReturnPressed: clicked()
                            Keys.onEnterPressed: clicked()
                        }
                    }
                }
            }

            // Live quality: codec, encryption, packets each way, jitter, loss, round-trip time.
            RowLayout {
                objectName: "qualityLine"
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: page.connected && page.call.hasMedia
                spacing: 6
                Accessible.role: Accessible.StaticText
                Accessible.name: (page.call && page.call.secure ? qsTr("Encrypted (SRTP)") : qsTr("Not encrypted"))
                                 + ", " + qualityLabel.text
                LockIcon {
                    objectName: "srtpLock"
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 2
                    locked: page.call !== null && page.call.secure
                    color: locked ? "#2e7d32" : "#ef6c00"
                }
                Label {
                    id: qualityLabel
                    objectName: "qualityText"
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    opacity: 0.85
                    font.pixelSize: Qt.application.font.pixelSize * 0.9
                    text: (page.call && page.call.secure ? qsTr("SRTP") : qsTr("no SRTP")) + " · " + page.qualityText()
                }
            }
        }
    }
}
