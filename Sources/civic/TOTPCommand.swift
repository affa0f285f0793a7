import ArgumentParser
import Foundation
import HummingbirdOTP

/// `civic totp`: prints the current TOTP code of a secret, for trying the demo accounts without
/// an authenticator app.
struct TOTPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "totp", abstract: "Print the current 6-digit TOTP code of a secret.")

    @Argument(help: "The TOTP secret, as printed by `civic demo` or shown when an account is created.")
    var secret: String

    func validate() throws {
        guard secret.count >= 16, secret.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("the secret must be at least 16 letters and digits")
        }
    }

    func run() {
        let now = Date()
        let remaining = 30 - Int(now.timeIntervalSince1970) % 30
        print(String(format: "%06d", TOTP(secret: secret).compute(date: now)) + "  (valid for \(remaining) more seconds)")
    }
}
