import Foundation
import Testing
@testable import WebApp

/// The QR encoder against ISO/IEC 18004's capacities and an independent decoder: Debian's
/// `zbarimg` (zbar-tools) reads PGM images drawn from the matrix, and PNGs that `rsvg-convert`
/// (librsvg2-bin) renders from the SVG the enrolment page shows.
@Suite("QR codes")
struct QRCodeTests {
    /// Byte-mode capacities at level M: the data codewords of the standard's table, less the
    /// 4-bit mode and the 8- or 16-bit count.
    @Test("each version holds exactly the standard's number of bytes at level M", arguments: [
        (1, 14), (2, 26), (5, 84), (6, 106), (7, 122), (9, 180), (10, 213), (20, 666), (27, 1_125), (40, 2_331),
    ])
    func capacity(version: Int, bytes: Int) {
        let v = QRVersion(number: version)
        #expect(v.holds(bytes: bytes))
        #expect(!v.holds(bytes: bytes + 1))
        #expect(QRCode(String(repeating: "a", count: bytes))?.version == version)
    }

    @Test("a text longer than version 40 holds is refused, not crashed on")
    func tooLong() {
        #expect(QRCode(String(repeating: "a", count: 2_332)) == nil)
    }

    @Test("zbarimg reads back texts of every size class: versions 1 to 40, with version information and 16-bit counts")
    func zbarReadsMatrix() throws {
        let texts = [
            "A", "otpauth://totp/Civic%20Index:admin?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Civic%20Index&algorithm=SHA1&digits=6&period=30",
            "Grüße aus Kōbe — ✓", String(repeating: "0123456789abcdef", count: 12), String(repeating: "Civic Index ", count: 40),
            String(repeating: "x", count: 2_000),
        ]
        for text in texts {
            let code = try #require(QRCode(text))
            let image = FileManager.default.temporaryDirectory.appendingPathComponent("civic-qr-\(UUID().uuidString).pgm")
            defer { try? FileManager.default.removeItem(at: image) }
            try Self.pgm(code, scale: 4).write(to: image)
            #expect(try Self.zbar(image.path) == text, "version \(code.version), mask \(code.mask)")
        }
    }

    @Test("zbarimg reads the enrolment page's SVG once rsvg-convert renders it")
    func zbarReadsSVG() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert") else {
            Issue.record("/usr/bin/rsvg-convert is missing: install Debian's librsvg2-bin to check the SVG")
            return
        }
        let uri = TOTP.enrolmentURI(secret: Secrets.totpSecret(), account: "ana.lyst")
        let svg = try #require(QRCode(uri)).svg(label: "QR code")
        let directory = FileManager.default.temporaryDirectory
        let (input, output) = (directory.appendingPathComponent("civic-qr-\(UUID().uuidString).svg"), directory.appendingPathComponent("civic-qr-\(UUID().uuidString).png"))
        defer { for file in [input, output] { try? FileManager.default.removeItem(at: file) } }
        try Data(svg.utf8).write(to: input)
        #expect(Subprocess.runBlocking(["rsvg-convert", "-w", "400", "-o", output.path, input.path]) == 0)
        #expect(try Self.zbar(output.path) == uri)
    }

    @Test("each mask is chosen for some text, so the penalty decides")
    func masksVary() {
        let masks = Set((0..<60).compactMap { QRCode("civic \($0)")?.mask })
        #expect(masks.count >= 4)
    }

    /// The code as a binary PGM with the quiet zone, `scale` pixels per module.
    static func pgm(_ code: QRCode, scale: Int) -> Data {
        let side = (code.size + 2 * QRCode.quietZone) * scale
        var data = Data("P5\n\(side) \(side)\n255\n".utf8)
        for y in 0..<side {
            for x in 0..<side {
                let (mx, my) = (x / scale - QRCode.quietZone, y / scale - QRCode.quietZone)
                let dark = (0..<code.size).contains(mx) && (0..<code.size).contains(my) && code[mx, my]
                data.append(dark ? 0 : 255)
            }
        }
        return data
    }

    /// The text zbarimg decodes from an image, as raw bytes read as UTF-8.
    static func zbar(_ path: String) throws -> String {
        let program = "/usr/bin/zbarimg"
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw BrowserTestError("\(program) is missing: install Debian's zbar-tools to check QR codes with an independent decoder")
        }
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", "-Sbinary", path]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BrowserTestError("zbarimg found no QR code in \(path) (status \(process.terminationStatus))") }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
