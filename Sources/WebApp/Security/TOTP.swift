import Crypto
import Foundation

/// Time-based one-time passwords as RFC 6238 defines them (HMAC-SHA1, RFC 4226's dynamic
/// truncation), which is what Google Authenticator, Aegis, 1Password and `oathtool --totp`
/// compute.
///
/// The key is the bytes that the base32 secret shown to the person encodes: an app given that
/// text decodes it before keying the HMAC, so the server must do the same.
public struct TOTP: Sendable {
    /// The HMAC key.
    public let key: [UInt8]
    /// Digits per code: 6 for authenticator apps; RFC 6238's test vectors use 8.
    public let digits: Int
    /// Seconds per time step.
    public static let period: Int64 = 30

    /// The TOTP of a base32 secret (as shown at enrolment); `nil` when it is not base32 or
    /// holds less than 80 bits, the least RFC 4226 allows.
    public init?(base32 secret: String, digits: Int = 6) {
        guard let key = Base32.decode(secret), key.count >= 10 else { return nil }
        self.init(key: key, digits: digits)
    }

    /// The TOTP of a raw key.
    public init(key: [UInt8], digits: Int = 6) {
        self.key = key
        self.digits = digits
    }

    /// The time step that `date` falls in.
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code of a time step, zero-padded to `digits`.
    public func code(step: Int64) -> String {
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let truncated = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(truncated % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// The code at `date`.
    public func code(at date: Date) -> String { code(step: Self.step(at: date)) }

    /// The time step whose code equals `code`, allowing one step of clock drift either way;
    /// `nil` when none does. Spaces in the code are ignored, as apps show codes in two halves.
    public func matchingStep(_ code: String, at date: Date) -> Int64? {
        let digits = code.filter { !$0.isWhitespace }
        guard digits.count == self.digits, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let step = Self.step(at: date)
        return [step - 1, step, step + 1].first { Secrets.equal(self.code(step: $0), digits) }
    }

    /// The `otpauth://` URI that authenticator apps read from a QR code: the account's name
    /// under the platform's, the secret in base32, and the parameters spelled out even where
    /// they are the defaults, since some apps ignore defaults they do not expect.
    public static func enrolmentURI(secret: String, account: String, issuer: String = "Civic Index") -> String {
        // RFC 3986's unreserved characters; everything else, spaces included, is escaped.
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "otpauth://totp/\(encode(issuer)):\(encode(account))?secret=\(secret)&issuer=\(encode(issuer))&algorithm=SHA1&digits=6&period=\(period)"
    }
}
