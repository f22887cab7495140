import QtQuick
import QtTest
import Parlo.Ui

// The account list: live registration state per account, password-needed without a keychain,
// retry countdown, removal; and the state badge's wording.
Item {
    id: root
    width: 480
    height: 640

    Component {
        id: modelComponent
        AccountListModel {}
    }
    Component {
        id: controllerComponent
        AccountSetupController {}
    }
    Component {
        id: pageComponent
        AccountsPage {
            anchors.fill: parent
        }
    }
    Component {
        id: badgeComponent
        StateBadge {}
    }

    TestCase {
        name: "AccountList"
        when: windowShown


        function addRefusedAccount(model) {
            const c = createTemporaryObject(controllerComponent, root, { accounts: model })
            c.aor = "alice@127.0.0.1:1"
            c.displayName = "Alice"
            c.transport = AccountSetupController.Tcp
            c.password = "secret"
            c.save()
            tryCompare(c, "saveState", AccountSetupController.NoKeychain)
            c.saveForSessionOnly()
            compare(c.saveState, AccountSetupController.Saved)
            return c.savedId
        }

        function card(page) {
            const list = findChild(page, "accountList")
            tryVerify(() => list.itemAtIndex(0) !== null)
            return list.itemAtIndex(0)
        }

        function test_retryingThenPasswordNeeded() {
            const file = "list-" + Date.now() + ".ini"
            const model = createTemporaryObject(modelComponent, root, { settingsFile: file })
            model.start()
            compare(model.count, 0)
            addRefusedAccount(model)
            compare(model.count, 1)

            const page = createTemporaryObject(pageComponent, root, { model: model })
            const item = card(page)
            compare(item.aor, "sip:alice@127.0.0.1:1")
            compare(item.displayName, "Alice")
            // The connection is refused: a temporary failure, retried with a countdown.
            tryCompare(item, "registrationState", ClientRegistration.RetryWaiting, 15000)
            verify(item.retryInSeconds > 0 && item.retryInSeconds <= 300, item.retryInSeconds)
            compare(item.errorText, "The server 127.0.0.1:1 refused the connection.")
            const badge = findChild(item, "stateBadge")
            compare(badge.text, "Retrying in " + item.retryInSeconds + " s")
            const before = item.retryInSeconds
            tryVerify(() => item.retryInSeconds < before, 3000)
            verify(findChild(item, "retryButton").visible)
            verify(findChild(item, "errorText").visible)

            // Next start: no keychain, so the password is needed for this session.
            const second = createTemporaryObject(modelComponent, root, { settingsFile: file })
            second.start()
            compare(second.count, 1)
            const page2 = createTemporaryObject(pageComponent, root, { model: second })
            const item2 = card(page2)
            tryCompare(item2, "passwordNeeded", true)
            compare(item2.registrationState, ClientRegistration.Unregistered)
            compare(findChild(item2, "stateBadge").text, "Password needed")
            verify(findChild(item2, "sessionPasswordField").visible)
            verify(!findChild(item2, "retryButton").visible)
            second.setSessionPassword(0, "secret")
            compare(item2.passwordNeeded, false)
            verify(item2.registrationState === ClientRegistration.Registering
                   || item2.registrationState === ClientRegistration.RetryWaiting)

            second.remove(0)
            compare(second.count, 0)
            // Removal is persistent.
            const third = createTemporaryObject(modelComponent, root, { settingsFile: file })
            third.start()
            compare(third.count, 0)
        }

        function test_badge_data() {
            return [
                { tag: "registered", state: ClientRegistration.Registered, text: "Registered" },
                { tag: "refreshing", state: ClientRegistration.Refreshing, text: "Registered" },
                { tag: "registering", state: ClientRegistration.Registering, text: "Registering…" },
                { tag: "retrying", state: ClientRegistration.RetryWaiting, retry: 12, text: "Retrying in 12 s" },
                { tag: "failed", state: ClientRegistration.Failed, text: "Failed" },
                { tag: "unregistered", state: ClientRegistration.Unregistered, text: "Not registered" },
                { tag: "password", state: ClientRegistration.Unregistered, password: true, text: "Password needed" },
            ]
        }
        function test_badge(data) {
            const badge = createTemporaryObject(badgeComponent, root, {
                registrationState: data.state, retryInSeconds: data.retry || 0, passwordNeeded: !!data.password })
            compare(badge.text, data.text)
            compare(badge.Accessible.name, data.text)
        }
    }
}
