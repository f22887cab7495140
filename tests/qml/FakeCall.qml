import QtQml
import Parlo.Ui

// A stand-in for CallItem with the properties the call screens bind to; tests set its state.
QtObject {
    property int state: Call.Dialing
    property int direction: Call.Outgoing
    property string remoteName: "Bob Example"
    property string remoteUri: "sip:bob@example.com"
    property bool onHold: false
    property bool remoteHold: false
    property bool muted: false
    property bool oneWayAudio: false
    property int duration: 0
    property bool hasMedia: false
    property string codec: ""
    property bool secure: false
    property int packetsSent: 0
    property int packetsReceived: 0
    property real jitterMs: 0
    property real lossPercent: 0
    property real rttMs: -1
    property string mediaWarning: ""
    property string endText: ""
    property string transferError: ""
    property bool transferring: false
    property bool recording: false
    property int recordingDuration: 0
    property string recordingFile: ""
    property url recordingFolderUrl: ""
    property string recordingError: ""
    property bool audioDevicesChosen: false
    property string inputDeviceId: ""
    property string outputDeviceId: ""
    // What the page asked for.
    property int recordingToggles: 0
    property var audioDeviceRequests: []

    function toggleRecording() {
        ++recordingToggles
        recording = !recording
        return true
    }
    function setAudioDevices(input, output) {
        audioDeviceRequests = audioDeviceRequests.concat([[input, output]])
        audioDevicesChosen = true
        inputDeviceId = input
        outputDeviceId = output
        return true
    }
}
