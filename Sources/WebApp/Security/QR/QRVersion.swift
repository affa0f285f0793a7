/// One of the forty sizes of QR code, with what it holds at error-correction level M (the level
/// the platform uses: about 15 % of the symbol may be damaged and still read).
///
/// The block structure comes from ISO/IEC 18004's table for level M; everything else follows
/// from the version number.
struct QRVersion: Sendable, Equatable {
    /// 1 to 40.
    let number: Int

    static let all = (1...40).map(QRVersion.init)

    /// Modules per side.
    var size: Int { 4 * number + 17 }

    /// Error-correction codewords in each block at level M, by version.
    private static let errorCorrectionPerBlock = [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
        26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ]
    /// Blocks at level M, by version.
    private static let blockCounts = [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
        17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ]

    var errorCorrectionCodewordsPerBlock: Int { Self.errorCorrectionPerBlock[number - 1] }
    var blocks: Int { Self.blockCounts[number - 1] }

    /// The centres of the alignment patterns along each axis: evenly spaced from the far edge
    /// back towards row and column 6, with an even step.
    var alignmentPositions: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let step = number == 32 ? 26 : (number * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        return [6] + (0..<(count - 1)).map { size - 7 - $0 * step }.reversed()
    }

    /// Modules left for data and error correction once the function patterns, format and
    /// version information are placed.
    var rawDataModules: Int {
        var modules = (16 * number + 128) * number + 64
        if number >= 2 {
            let alignments = number / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if number >= 7 { modules -= 36 }
        }
        return modules
    }

    /// Codewords of data and error correction together.
    var totalCodewords: Int { rawDataModules / 8 }

    /// Codewords of data at level M.
    var dataCodewords: Int { totalCodewords - errorCorrectionCodewordsPerBlock * blocks }

    /// Bits of the byte-mode character count: 8 up to version 9, 16 above.
    var byteCountBits: Int { number <= 9 ? 8 : 16 }

    /// Whether `count` bytes fit in byte mode.
    func holds(bytes count: Int) -> Bool {
        count < 1 << byteCountBits && 4 + byteCountBits + 8 * count <= 8 * dataCodewords
    }
}
