import Foundation
import Testing
@testable import WebApp

/// The request path's text written without format strings must be the text the format strings
/// gave: a token's digest is what the database keeps, a duration what the log shows.
@Suite("Digests and durations as the format strings gave them")
struct RequestPathFormattingTests {
    @Test("a token's digest is the lower-case hex SHA-256 (FIPS 180-2's vectors)")
    func digestVectors() {
        #expect(Secrets.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Secrets.digest("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Secrets.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("a duration has one decimal, rounded as %.1f rounds it, halves included")
    func durations() {
        var generator = SystemRandomNumberGenerator()
        let values = [0, 0.04, 0.05, 0.15, 0.25, 0.35, 1.25, 2.5, 9.95, 99.95, 1234.56, 1e14]
            + (0..<20_000).map { _ in Double.random(in: 0..<2000, using: &generator) }
            + (0..<2000).map { _ in Double(Int.random(in: 0..<20_000, using: &generator)) / 20 }
        for value in values {
            #expect(LogFormat.tenths(value) == String(format: "%.1f", value), "\(value)")
        }
    }
}

