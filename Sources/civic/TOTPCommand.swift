import ArgumentParser
import Foundation
import WebApp

/// `civic totp`: prints the current TOTP code of a secret (RFC 6238, as authenticator apps
/// compute it), for trying the demo accounts without an authenticator app.
struct TOTPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "totp", abstract: "Print the current 6-digit TOTP code of a base32 secret.")

    @Argument(help: "The base32 TOTP secret, as printed by `civic demo` or shown when an authenticator app is set up.")
    var secret: String

    func validate() throws {
        guard TOTP(base32: secret) != nil else {
            throw ValidationError("the secret must be base32 (letters A-Z and digits 2-7) of at least 16 characters")
        }
    }

    func run() {
        let now = Date()
        let remaining = TOTP.period - Int64(now.timeIntervalSince1970) % TOTP.period
        print(TOTP(base32: secret)!.code(at: now) + "  (valid for \(remaining) more seconds)")
    }
}
