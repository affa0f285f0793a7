/// A QR code (ISO/IEC 18004) of a text, encoded in byte mode at error-correction level M in the
/// smallest version that holds it, with the mask of least penalty: what the enrolment page shows
/// so that an authenticator app can read the `otpauth://` URI with the phone's camera.
public struct QRCode: Sendable {
    /// The version chosen (1 to 40).
    public let version: Int
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// The mask chosen (0 to 7).
    public let mask: Int
    /// Dark modules, row by row.
    private let modules: [Bool]

    /// Encodes the UTF-8 bytes of `text`; `nil` when they exceed the 2,331 bytes of version 40.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard let version = QRVersion.all.first(where: { $0.holds(bytes: bytes.count) }) else { return nil }
        var matrix = QRMatrix(version: version)
        matrix.place(QRCodewords.make(bytes, version: version))
        var best: (mask: QRMask, penalty: Int)?
        for mask in QRMask.all {
            matrix.apply(mask)
            matrix.format(mask.number)
            let penalty = QRMask.penalty(matrix)
            if best == nil || penalty < best!.penalty { best = (mask, penalty) }
            matrix.apply(mask)
        }
        let chosen = best!.mask
        matrix.apply(chosen)
        matrix.format(chosen.number)
        self.version = version.number
        size = version.size
        mask = chosen.number
        modules = (0..<version.size * version.size).map { matrix[$0 % version.size, $0 / version.size] }
    }

    /// Whether the module at column `x`, row `y` is dark.
    public subscript(x: Int, y: Int) -> Bool { modules[y * size + x] }
}
