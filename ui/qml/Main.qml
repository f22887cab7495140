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

    AccountSetupController {
        id: setup
        accounts: accountModel
    }

    Component {
        id: welcomePage
        WelcomePage {
            onAddAccount: window.openWizard()
        }
    }
    Component {
        id: accountsPage
        AccountsPage {
            model: accountModel
            onAddAccount: window.openWizard()
        }
    }
    Component {
        id: wizardPage
        SetupWizard {
            controller: setup
            canCancel: accountModel.count > 0
            onFinished: stack.replace(null, accountsPage)
            onCancelled: stack.pop()
        }
    }

    function openWizard() {
        setup.reset()
        stack.push(wizardPage)
    }

    StackView {
        id: stack
        anchors.fill: parent
        focus: true
    }

    // Removing the last account leads back to the welcome page.
    Connections {
        target: accountModel
        function onCountChanged() {
            if (accountModel.count === 0 && stack.depth === 1)
                stack.replace(null, welcomePage)
        }
    }

    Component.onCompleted: {
        accountModel.start()
        stack.push(accountModel.count > 0 ? accountsPage : welcomePage)
    }
}
