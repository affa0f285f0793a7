/// The modules of a QR code while it is built: the function patterns (finders, timing,
/// alignment, format and version information) and the data placed around them.
struct QRMatrix: Sendable {
    let version: QRVersion
    var size: Int { version.size }
    /// Dark modules, row by row.
    private(set) var dark: [Bool]
    /// Modules of function patterns, which data and masks leave alone.
    private(set) var reserved: [Bool]

    /// The function patterns of `version`, with the format and version areas reserved.
    init(version: QRVersion) {
        self.version = version
        let size = version.size
        dark = Array(repeating: false, count: size * size)
        reserved = Array(repeating: false, count: size * size)
        for i in 0..<size {
            set(6, i, i % 2 == 0)
            set(i, 6, i % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] { finder(x, y) }
        let positions = version.alignmentPositions
        for x in positions {
            for y in positions {
                let nearFinder = (x == 6 && y == 6) || (x == 6 && y == positions.last) || (x == positions.last && y == 6)
                if !nearFinder { alignment(x, y) }
            }
        }
        format(0)
        if version.number >= 7 { versionInformation() }
    }

    /// Whether the module at column `x`, row `y` is dark.
    subscript(x: Int, y: Int) -> Bool { dark[y * size + x] }

    func isReserved(_ x: Int, _ y: Int) -> Bool { reserved[y * size + x] }

    /// Sets a function module.
    private mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
        dark[y * size + x] = isDark
        reserved[y * size + x] = true
    }

    /// A finder pattern centred on (x, y) with its light separator, clipped at the edges.
    private mutating func finder(_ x: Int, _ y: Int) {
        for dy in -4...4 {
            for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                let ring = max(abs(dx), abs(dy))
                set(x + dx, y + dy, ring != 2 && ring != 4)
            }
        }
    }

    /// An alignment pattern centred on (x, y).
    private mutating func alignment(_ x: Int, _ y: Int) {
        for dy in -2...2 {
            for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
        }
    }

    /// Writes the format information for level M and `mask`, both copies, and the dark module.
    mutating func format(_ mask: Int) {
        // Level M is 00; the 5 bits are extended by BCH(15, 5) and masked with 101010000010010.
        let data = mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { set(8, i, bit(i)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for i in 9..<15 { set(14 - i, 8, bit(i)) }
        for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
        set(8, size - 8, true)
    }

    /// The version number extended by BCH(18, 6), in the two 6×3 blocks beside the finders.
    private mutating func versionInformation() {
        var remainder = version.number
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version.number << 12 | remainder
        for i in 0..<18 {
            let isDark = (bits >> i) & 1 == 1
            let (a, b) = (size - 11 + i % 3, i / 3)
            set(a, b, isDark)
            set(b, a, isDark)
        }
    }

    /// Places `codewords` most significant bit first in two-module columns, zigzagging up and
    /// down from the bottom right and skipping the vertical timing pattern and every function
    /// module; modules left over stay light.
    mutating func place(_ codewords: [UInt8]) {
        var index = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            let upward = (right + 1) & 2 == 0
            for vertical in 0..<size {
                let y = upward ? size - 1 - vertical : vertical
                for x in [right, right - 1] where !isReserved(x, y) {
                    if index < codewords.count * 8 {
                        dark[y * size + x] = (codewords[index / 8] >> (7 - index % 8)) & 1 == 1
                    }
                    index += 1
                }
            }
            right -= 2
        }
    }

    /// Flips every data module where `mask` says so; applying it twice undoes it.
    mutating func apply(_ mask: QRMask) {
        for y in 0..<size {
            for x in 0..<size where !isReserved(x, y) && mask.flips(x, y) { dark[y * size + x].toggle() }
        }
    }
}
