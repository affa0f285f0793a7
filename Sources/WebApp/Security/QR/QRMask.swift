/// The eight data masks of ISO/IEC 18004 and the penalty by which the encoder picks the one
/// that leaves the symbol easiest to read.
struct QRMask: Sendable, Equatable {
    /// 0 to 7, as written in the format information.
    let number: Int

    static let all = (0..<8).map(QRMask.init)

    /// Whether the mask flips the module at column `x`, row `y`.
    func flips(_ x: Int, _ y: Int) -> Bool {
        switch number {
        case 0: (x + y) % 2 == 0
        case 1: y % 2 == 0
        case 2: x % 3 == 0
        case 3: (x + y) % 3 == 0
        case 4: (x / 3 + y / 2) % 2 == 0
        case 5: x * y % 2 + x * y % 3 == 0
        case 6: (x * y % 2 + x * y % 3) % 2 == 0
        default: ((x + y) % 2 + x * y % 3) % 2 == 0
        }
    }

    /// The penalty of a finished matrix: runs of five or more modules of one colour, 2×2 blocks
    /// of one colour, finder-like patterns in rows and columns, and imbalance of dark and light.
    static func penalty(_ matrix: QRMatrix) -> Int {
        let size = matrix.size
        var penalty = 0
        let finderLike: [[Bool]] = [
            [true, false, true, true, true, false, true, false, false, false, false],
            [false, false, false, false, true, false, true, true, true, false, true],
        ]
        for line in 0..<size {
            let row = (0..<size).map { matrix[$0, line] }
            let column = (0..<size).map { matrix[line, $0] }
            for modules in [row, column] {
                var run = 1
                for i in 1...size {
                    if i < size, modules[i] == modules[i - 1] {
                        run += 1
                    } else {
                        if run >= 5 { penalty += 3 + run - 5 }
                        run = 1
                    }
                }
                for start in 0...(size - 11) where finderLike.contains(where: { $0 == Array(modules[start..<start + 11]) }) {
                    penalty += 40
                }
            }
        }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = matrix[x, y]
                if matrix[x + 1, y] == colour, matrix[x, y + 1] == colour, matrix[x + 1, y + 1] == colour { penalty += 3 }
            }
        }
        let darkCount = (0..<size).reduce(0) { total, y in total + (0..<size).filter { matrix[$0, y] }.count }
        let total = size * size
        // Ten points for every full 5 % away from half dark.
        penalty += abs(darkCount * 20 - total * 10) / total * 10
        return penalty
    }
}
