import Awards
import Foundation
import Hummingbird

/// The organisers' administration of accounts: creating them, and for one account resetting its
/// password or second factor, unlocking it, changing its role or what it acts as, and disabling
/// it. Each action asks for explicit confirmation, is written to the audit log, and cannot be
/// turned on the organiser's own account (another organiser can), except unlocking.
enum AccountAdminRoutes {
    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, pages: Pages, policy: SecurityPolicy) {
        let store = platform.store
        let admin = Access.only(.admin)

        routes.get("/admin/users", access: admin, summary: "Every account and its state") { _, context in
            try await pages.render("admin-users", try usersPage(try context.requireIdentity(), store: store, pages: pages, at: policy.now()))
        }

        routes.form("/admin/users", access: admin, summary: "Creates an account (a community's unless another role is chosen)") { _, context, form in
            let identity = try context.requireIdentity()
            do {
                let role = try Self.role(form)
                let account = try await AccountProvisioning.create(
                    id: try form.required("username"), name: try form.required("name"), role: role,
                    subject: try AccountSubjects.chosen(form["subject"], typed: form["juror"], role: role, in: store),
                    email: form["email"], language: form["language"], password: form["password"] ?? "", bcryptCost: policy.bcryptCost, in: store, by: identity.actor)
                var page = try await usersPage(identity, store: store, pages: pages, at: policy.now())
                page["notice"] = pages.phrase(account.requiresSecondFactor ? "admin.createdEnrol" : "admin.created", ["id": account.id, "role": account.role.rawValue])
                return try pages.render("admin-users", page)
            } catch let problem as AwardsError {
                var page = try await usersPage(identity, store: store, pages: pages, at: policy.now())
                page["problem"] = problem.description
                return try pages.render("admin-users", page, status: problem.kind.httpStatus)
            }
        }

        routes.get("/admin/users/{id}", access: admin, summary: "One account and what organisers can do to it") { _, context in
            let identity = try context.requireIdentity()
            let account = try await existing(try context.parameters.require("id"), store)
            return try await pages.render("admin-user", try accountPage(identity, account, store: store, pages: pages, at: policy.now()))
        }

        /// Declares one confirmed action on an account: `change` returns the account to save,
        /// or saves what it changes itself and returns `nil`; `done` is the phrase (`admin.done.*`)
        /// that says it is done.
        func action(
            _ name: String, _ summary: String, audit: String, allowedOnSelf: Bool = false, done: String,
            _ change: @escaping @Sendable (Account, Form, Identity) async throws -> Account?
        ) {
            routes.form("/admin/users/{id}/\(name)", access: admin, summary: summary) { _, context, form in
                let identity = try context.requireIdentity()
                let account = try await existing(try context.parameters.require("id"), store)
                func page(problem: AwardsError?) async throws -> Response {
                    var page = try await accountPage(identity, try existing(account.id, store), store: store, pages: pages, at: policy.now())
                    if let problem { page["problem"] = problem.description } else { page["notice"] = pages.phrase(done) }
                    return try pages.render("admin-user", page, status: problem?.kind.httpStatus ?? .ok)
                }
                do {
                    guard allowedOnSelf || account.id != identity.account.id else {
                        throw AwardsError(.invalidState, "you cannot do this to your own account; another organiser can", field: "id")
                    }
                    guard form["confirm"] == "yes" else {
                        throw AwardsError(.invalidValue, "tick the box to confirm", field: "confirm")
                    }
                    if let changed = try await change(account, form, identity) {
                        try await store.saveAccount(changed, action: audit, keepingSession: nil, by: identity.actor)
                    }
                } catch let problem as AwardsError {
                    return try await page(problem: problem)
                }
                return try await page(problem: nil)
            }
        }

        action(
            "password", "Sets a temporary password; the person must choose a new one at next sign-in. Sessions and tokens end", audit: "reset-password",
            done: "admin.done.password"
        ) { account, form, _ in
            var account = account
            account.passwordHash = try await AccountProvisioning.hashOffRequestThread(form["password"] ?? "", cost: policy.bcryptCost)
            account.mustChangePassword = true
            return account
        }

        action("unlock", "Lifts the lock-outs after failed sign-ins", audit: "unlock", allowedOnSelf: true, done: "admin.done.unlock") { account, _, identity in
            try await store.unlock(account.id, by: identity.actor)
            return nil
        }

        action(
            "second-factor", "Removes the second factor; the person enrols an authenticator app again at next sign-in. Sessions end", audit: "reset-second-factor",
            done: "admin.done.secondFactor"
        ) { account, _, _ in
            guard account.requiresSecondFactor else {
                throw AwardsError(.invalidState, "a community account has no second factor", field: "id")
            }
            var account = account
            account.totpSecret = nil
            account.secondFactorConfirmed = false
            return account
        }

        action("role", "Changes the role or what the account acts as. Sessions and tokens end", audit: "change-role", done: "admin.done.role") { account, form, _ in
            var account = account
            account.role = try Self.role(form)
            account.subject = try await AccountSubjects.chosen(form["subject"], typed: form["juror"], role: account.role, in: store)
            if !account.requiresSecondFactor {
                account.totpSecret = nil
                account.secondFactorConfirmed = false
            }
            return account
        }

        action(
            "contact", "Sets where and in which language the platform writes to the person", audit: "change-contact", allowedOnSelf: true,
            done: "admin.done.contact"
        ) { account, form, _ in
            var account = account
            try account.setContact(email: form["email"], language: form["language"])
            return account
        }

        action("disable", "Disables the account; its sessions and tokens end", audit: "disable", done: "admin.done.disable") { account, _, _ in
            var account = account
            account.disabled = true
            return account
        }

        action("enable", "Enables a disabled account again; it signs in afresh, with no session or token from before", audit: "enable", done: "admin.done.enable") { account, _, _ in
            guard account.disabled else { throw AwardsError(.invalidState, "the account is not disabled", field: "id") }
            var account = account
            account.disabled = false
            return account
        }
    }

    /// The role chosen in a form; a community when none is (the least powerful role).
    private static func role(_ form: Form) throws(AwardsError) -> Role {
        let value = (form["role"] ?? "").trimmingCharacters(in: .whitespaces)
        if value.isEmpty { return .community }
        guard let role = Role(rawValue: value) else {
            throw AwardsError(.invalidValue, "one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))", field: "role")
        }
        return role
    }

    private static func existing(_ id: String, _ store: any AccountStore) async throws -> Account {
        guard let account = try await store.account(id) else { throw HTTPError(.notFound, message: "there is no account '\(id)'") }
        return account
    }

    /// The state of an account in a few words of the page's language.
    private static func state(_ account: Account, lockedAddresses: Int, pages: Pages) -> String {
        var parts: [String] = []
        if account.disabled { parts.append(pages.phrase("admin.states.disabled")) }
        if lockedAddresses > 0 {
            parts.append(pages.phrase(lockedAddresses == 1 ? "admin.states.lockedOne" : "admin.states.locked", ["count": String(lockedAddresses)]))
        }
        if account.requiresSecondFactor, !account.hasSecondFactor { parts.append(pages.phrase("admin.states.noSecondFactor")) }
        if account.mustChangePassword { parts.append(pages.phrase("admin.states.newPassword")) }
        return parts.isEmpty ? pages.phrase("admin.states.active") : parts.joined(separator: ", ")
    }

    /// The lists the role and subject fields choose from, with `account`'s current values selected.
    private static func choices(_ store: any AwardsStore, selected account: Account?, pages: Pages) async throws -> [String: Any] {
        func options(_ role: Role) async throws -> [[String: Any]] {
            try await (AccountSubjects.choices(for: role, in: store) ?? []).map { choice -> [String: Any] in
                ["id": choice.id, "title": choice.title, "selected": account?.role == role && account?.subject == choice.id]
            }
        }
        return [
            "roles": Role.allCases.map { role -> [String: Any] in ["value": role.rawValue, "selected": role == (account?.role ?? .community)] },
            "analysts": try await options(.analyst), "communities": try await options(.community),
            "juror": account?.role == .juror ? account?.subject ?? "" : "",
            "languageChoices": languageChoices(selected: account?.language, pages: pages),
        ]
    }

    /// The languages a person may be written in, for a form's list, `selected` marked; the
    /// first choice, "not chosen", stands for `nil`.
    static func languageChoices(selected: Language?, pages: Pages) -> [[String: Any]] {
        [["value": "", "title": pages.phrase("account.languageNotChosen"), "selected": selected == nil]]
            + Language.allCases.map { ["value": $0.rawValue, "title": $0.name, "selected": $0 == selected] }
    }

    static func usersPage(_ identity: Identity, store: any PlatformStore, pages: Pages, at date: Date) async throws -> [String: Any] {
        var page = Workspace.base(identity, title: pages.phrase("admin.accounts"))
        let locks = try await store.lockedAddresses(at: date)
        page["accounts"] = try await store.accounts().map { account -> [String: Any] in
            ["id": account.id, "name": account.name, "role": account.role.rawValue, "subject": account.subject ?? "",
             "state": state(account, lockedAddresses: locks[account.id] ?? 0, pages: pages)]
        }
        await page.merge(try choices(store, selected: nil, pages: pages)) { _, new in new }
        page["minimum"] = AccountProvisioning.minimumPasswordLength
        page["initialPassword"] = pages.phrase("admin.initialPassword", ["minimum": String(AccountProvisioning.minimumPasswordLength)])
        return page
    }

    static func accountPage(_ identity: Identity, _ account: Account, store: any PlatformStore, pages: Pages, at date: Date) async throws -> [String: Any] {
        let heading = pages.phrase("admin.account", ["id": account.id])
        var page = Workspace.base(identity, title: heading)
        let summary: [String: Any] = [
            "id": account.id, "heading": heading, "name": account.name, "roleName": pages.phrase("roles." + account.role.rawValue), "subject": account.subject ?? "—",
            "state": state(account, lockedAddresses: try await store.lockedAddresses(at: date)[account.id] ?? 0, pages: pages),
            "secondFactor": account.requiresSecondFactor, "disabled": account.disabled, "self": account.id == identity.account.id,
            "email": account.email ?? "",
        ]
        page["account"] = summary
        await page.merge(try choices(store, selected: account, pages: pages)) { _, new in new }
        page["minimum"] = AccountProvisioning.minimumPasswordLength
        page["temporaryPassword"] = pages.phrase("admin.temporaryPassword", ["minimum": String(AccountProvisioning.minimumPasswordLength)])
        return page
    }
}
