import Awards
import Foundation
import Hummingbird

/// The link in every reminder that stops them, open without signing in: the signed token in the
/// link is what proves the person holds the message. Opening the link asks first (mail scanners
/// open links); the form stops that account's reminders, and nothing else.
enum ReminderRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, policy: SecurityPolicy) {
        let store = platform.store

        routes.get("/reminders/stop", access: .everyone, summary: "Asks whether to stop the reminders of the account a reminder's link names", query: ["token"]) { request, _ in
            let token = request.uri.queryParameters.get("token") ?? ""
            guard try await account(token, store) != nil else { return try refused(pages, request: request, policy: policy) }
            return try AccountRoutes.anonymousForm(
                pages, "reminders-stop", title: pages.phrase("reminders.title"), request: request, policy: policy, message: nil, status: .ok, next: nil,
                extra: ["ask": true, "token": token])
        }

        routes.form("/reminders/stop", access: .everyone, summary: "Stops the reminders of the account a reminder's signed token names") { request, _, form in
            guard var account = try await account(form["token"] ?? "", store) else { return try refused(pages, request: request, policy: policy) }
            if account.remindersStopped == nil {
                account.remindersStopped = policy.now()
                try await store.saveAccount(account, action: "stop-reminders", keepingSession: nil, by: account.id)
            }
            return try AccountRoutes.anonymousForm(
                pages, "reminders-stop", title: pages.phrase("reminders.title"), request: request, policy: policy, message: nil, status: .ok, next: nil, extra: ["done": true])
        }
    }

    /// The account a genuine token names, if it still exists.
    private static func account(_ token: String, _ store: any PlatformStore) async throws -> Account? {
        let optOut = ReminderOptOut(key: try await store.signingKey(ReminderOptOut.keyName, proposed: ReminderOptOut.newKey()))
        guard let id = optOut.account(from: token) else { return nil }
        return try await store.account(id)
    }

    private static func refused(_ pages: Pages, request: Request, policy: SecurityPolicy) throws -> Response {
        try AccountRoutes.anonymousForm(
            pages, "reminders-stop", title: pages.phrase("reminders.title"), request: request, policy: policy,
            message: pages.phrase("reminders.invalid"),
            status: .forbidden, next: nil)
    }
}
