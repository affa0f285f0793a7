import Foundation
import Testing
@testable import WebApp

/// TOTP against RFC 6238's published test vectors and Debian's `oathtool`, and base32 against
/// RFC 4648's.
@Suite("TOTP and base32")
struct TOTPTests {
    /// RFC 4648 §10.
    @Test("base32 encodes and decodes RFC 4648's test vectors")
    func base32Vectors() {
        let vectors = [("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"), ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI")]
        for (plain, encoded) in vectors {
            #expect(Base32.encode(Array(plain.utf8)) == encoded)
            #expect(Base32.decode(encoded) == Array(plain.utf8))
            #expect(Base32.decode(encoded.lowercased() + "======") == Array(plain.utf8), "lower case and padding are read as apps read them")
        }
        #expect(Base32.decode("MZXW1") == nil, "1 is not in the alphabet")
    }

    /// RFC 6238 appendix B, SHA-1 rows: the key is the ASCII of "12345678901234567890".
    @Test("codes equal RFC 6238's SHA-1 test vectors", arguments: [
        (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfc6238(time: Int, code: String) throws {
        let secret = Base32.encode(Array("12345678901234567890".utf8))
        #expect(secret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        let totp = try #require(TOTP(base32: secret, digits: 8))
        #expect(totp.code(at: Date(timeIntervalSince1970: Double(time))) == code)
    }

    @Test("six-digit codes of fresh secrets equal oathtool's, and one step of drift either way is accepted, once")
    func oathtoolAgrees() throws {
        for time in [1_800_000_000, 1_800_000_029, 1_800_000_030, 2_100_000_017] {
            let secret = Secrets.totpSecret()
            #expect(secret.count == 32, "160 bits")
            let date = Date(timeIntervalSince1970: Double(time))
            let totp = try #require(TOTP(base32: secret))
            #expect(totp.code(at: date) == (try Oathtool.code(secret, at: date)))
            let step = TOTP.step(at: date)
            #expect(totp.matchingStep(try Oathtool.code(secret, at: date - 30), at: date) == step - 1)
            #expect(totp.matchingStep(try Oathtool.code(secret, at: date + 30), at: date) == step + 1)
            #expect(totp.matchingStep(try Oathtool.code(secret, at: date + 60), at: date) == nil)
        }
        let totp = try #require(TOTP(base32: "JBSWY3DPEHPK3PXP"))
        for junk in ["", "12345", "1234567", "12a456", "１２３４５６", "-12345"] { #expect(totp.matchingStep(junk, at: Date()) == nil, "\(junk)") }
        #expect(TOTP(base32: "JBSWY3DPEHPK3PX") == nil, "under 80 bits")
        #expect(TOTP(base32: "JBSWY3DPEHPK3PX!") == nil)
    }

    @Test("the enrolment URI names the platform and the account and spells out the parameters")
    func enrolmentURI() {
        #expect(TOTP.enrolmentURI(secret: "JBSWY3DPEHPK3PXP", account: "ana.lyst")
            == "otpauth://totp/Civic%20Index:ana.lyst?secret=JBSWY3DPEHPK3PXP&issuer=Civic%20Index&algorithm=SHA1&digits=6&period=30")
    }
}
