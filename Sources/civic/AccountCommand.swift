import ArgumentParser
import Awards
import Foundation
import WebApp
import WebApp

/// `civic account …`: accounts and API tokens from the command line — how the first organiser
/// of a new database is created, and how scripts get their tokens.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create accounts and API tokens; list accounts.", subcommands: [Add.self, Contact.self, Token.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create an account; organisers, analysts and jurors set up their authenticator app at first sign-in.")
        @OptionGroup var common: CycleCommand.Common
        @Argument(help: "The sign-in name.") var username: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "The role: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String = Role.community.rawValue
        @Option(help: "What the account acts as: an analyst id, a juror id, or a community id (binh-duong--vietnam).") var subject: String?
        @Option(help: "The address the platform's messages go to (optional).") var email: String?
        @Option(help: "The language of the messages: \(Language.allCases.map(\.rawValue).joined(separator: ", ")) (optional; English until chosen).")
        var language: String?
        @Option(help: "The environment variable holding the initial password (kept off the command line).")
        var passwordEnv: String = "CIVIC_PASSWORD"
        @Option(help: "The bcrypt cost of the password hash.") var bcryptCost: UInt8 = 12

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")), not '\(role)'")
            }
            guard (4...31).contains(bcryptCost) else { throw ValidationError("--bcrypt-cost must be 4 to 31") }
            guard let password = ProcessInfo.processInfo.environment[passwordEnv], !password.isEmpty else {
                throw ValidationError("set the initial password in the environment variable \(passwordEnv)")
            }
            do {
                try AccountProvisioning.checkPassword(password, field: passwordEnv)
            } catch {
                throw ValidationError(error.description)
            }
        }

        func run() async throws {
            try await common.withStore(creating: true) { store in
                let account = try await AccountProvisioning.create(
                    id: username, name: name, role: Role(rawValue: role)!, subject: subject, email: email, language: language,
                    password: ProcessInfo.processInfo.environment[passwordEnv] ?? "", bcryptCost: bcryptCost, in: store, by: common.actor)
                print("Created \(account.id) (\(account.role.rawValue)).")
                if account.requiresSecondFactor { print("At the first sign-in, the page shows the secret and QR code for an authenticator app.") }
            }
        }
    }

    struct Contact: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contact",
            abstract: "Set where and in which language the platform writes to an account's holder; an empty value clears it.")
        @OptionGroup var common: CycleCommand.Common
        @Argument(help: "The sign-in name.") var username: String
        @Option(help: "The e-mail address; empty clears it.") var email: String
        @Option(help: "The language: \(Language.allCases.map(\.rawValue).joined(separator: ", ")); empty for not chosen.") var language: String = ""

        func run() async throws {
            try await common.withStore { store in
                guard var account = try await store.account(username) else {
                    throw AwardsError(.unknownReference, "there is no account '\(username)'", field: "username")
                }
                try account.setContact(email: email, language: language)
                try await store.saveAccount(account, action: "change-contact", keepingSession: nil, by: common.actor)
                print("\(account.id) is written to at \(account.email ?? "no address") in \((account.language ?? .en).name).")
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "token", abstract: "Issue an API token for an account; prints it once.")
        @OptionGroup var common: CycleCommand.Common
        @Argument(help: "The sign-in name.") var username: String
        @Option(help: "What the token is for.") var label: String
        @Option(name: .customLong("scope"), help: "What the token may do, repeated as needed: \(TokenScope.allCases.map(\.rawValue).joined(separator: ", ")).")
        var scopes: [String] = [TokenScope.read.rawValue]

        func validate() throws {
            for scope in scopes where TokenScope(rawValue: scope) == nil {
                throw ValidationError("--scope must be one of \(TokenScope.allCases.map(\.rawValue).joined(separator: ", ")), not '\(scope)'")
            }
        }

        func run() async throws {
            try await common.withStore { store in
                await print(try AccountProvisioning.issueToken(
                    for: username, label: label, scopes: scopes.compactMap(TokenScope.init(rawValue:)), at: Date(), in: store, by: common.actor))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")
        @OptionGroup var common: CycleCommand.Common

        func run() async throws {
            try await common.withStore { store in
                let locks = try await store.lockedAddresses(at: Date())
                for account in try await store.accounts() {
                    let state = account.disabled ? "disabled" : locks[account.id] != nil ? "locked" : "active"
                    print([account.id, account.role.rawValue, account.subject ?? "—", state, account.name].joined(separator: "\t"))
                }
            }
        }
    }
}
