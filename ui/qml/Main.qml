import QtQuick
import QtQuick.Controls
import Parlo.Ui

ApplicationWindow {
    id: window
    width: 480
    height: 640
    minimumWidth: 360
    minimumHeight: 480
    visible: true
    title: qsTr("Parlo")

    AccountListModel {
        id: accountModel
    }

    // The wizard's controller is made when the wizard first opens: it holds a certificate, and the
    // first certificate loads the TLS library (OpenSSL), which start-up does not need.
    property AccountSetupController setup: null
    Component {
        id: setupComponent
        AccountSetupController {
            accounts: accountModel
        }
    }

    CallController {
        id: callController
        accounts: accountModel
        recordingsFolder: AppSettings.recordingsFolder
    }
    // The far end of the welcome page's test call; runs only while it is needed.
    EchoService {
        id: echoService
    }
    // Every call of the window goes into the call history.
    CallHistoryRecorder {
        controller: callController
    }
    // For the tray icon (C++), which shows the registration state and answers or rejects calls.
    readonly property alias callController: callController
    readonly property alias accountModel: accountModel

    // The ringtone sounds on the ringer device while a call waits for an answer.
    Binding {
        target: AudioSettings
        property: "ringing"
        value: callController.incomingCall !== null
    }

    Component {
        id: homePage
        HomePage {
            objectName: "homePage"
            accounts: accountModel
            calls: callController
            onAddAccount: window.openWizard()
        }
    }
    // The welcome page and the wizard are loaded by URL when they are needed: named in this file,
    // they would be compiled, with all they import, every time the window opens.
    function showWelcome() {
        const page = stack.replace(null, Qt.resolvedUrl("WelcomePage.qml"),
                                   { objectName: "welcomePage", calls: callController, echo: echoService })
        page.addAccount.connect(window.openWizard)
        page.openDialer.connect(() => stack.replace(null, homePage))
    }
    function openWizard() {
        if (!setup)
            setup = setupComponent.createObject(window)
        setup.reset()
        const page = stack.push(Qt.resolvedUrl("SetupWizard.qml"), { objectName: "wizardPage", controller: setup })
        page.canCancel = Qt.binding(() => accountModel.count > 0)
        page.finished.connect(() => {
            stack.replace(null, homePage)
            window.openPendingUri()
        })
        page.cancelled.connect(() => {
            stack.pop()
            window.openPendingUri()
        })
    }

    // A sip:/tel: link from the desktop (at start-up or handed over by a second launch): call it
    // from the dialer, which keeps it with the reason when it cannot be called (e.g. no account
    // yet). An open wizard is not thrown away: the link waits until it closes.
    property string pendingUri
    function openUri(uri) {
        if (stack.depth > 1) {
            pendingUri = uri
            return
        }
        let home = stack.currentItem
        if (home.objectName !== "homePage")
            home = stack.replace(null, homePage)
        home.dialText(uri)
    }
    function openPendingUri() {
        const uri = pendingUri
        pendingUri = ""
        if (uri.length > 0)
            openUri(uri)
    }

    StackView {
        id: stack
        anchors.fill: parent
        focus: true
    }

    // A call coming in shows over whatever page is open; Escape rejects it.
    Popup {
        id: incomingPopup
        objectName: "incomingPopup"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(window.width - 32, 400)
        modal: true
        focus: true
        closePolicy: Popup.NoAutoClose
        visible: callController.incomingCall !== null
        onOpened: incomingView.focusAnswer()
        contentItem: IncomingCallView {
            id: incomingView
            call: callController.incomingCall
            onAnswerRequested: callController.answer()
            onRejectRequested: callController.reject()
        }
    }

    // Removing the last account leads back to the welcome page.
    Connections {
        target: accountModel
        function onCountChanged() {
            if (accountModel.count === 0 && stack.depth === 1)
                window.showWelcome()
        }
    }

    Component.onCompleted: {
        accountModel.start()
        if (accountModel.count > 0)
            stack.push(homePage)
        else
            window.showWelcome()
    }
}
