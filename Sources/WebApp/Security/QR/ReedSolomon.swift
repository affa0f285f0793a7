/// Reed–Solomon error correction over GF(256) with the QR code's field polynomial
/// x⁸ + x⁴ + x³ + x² + 1 and generator roots α⁰ … αⁿ⁻¹.
struct ReedSolomon: Sendable {
    /// The generator polynomial's coefficients below its leading 1, highest power first.
    let generator: [UInt8]

    /// An encoder producing `degree` error-correction codewords per block.
    init(degree: Int) {
        // Multiply (x − α⁰)(x − α¹)… one factor at a time; in GF(256) minus is plus.
        var coefficients = [UInt8](repeating: 0, count: degree - 1) + [1]
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                coefficients[j] = Self.multiply(coefficients[j], root)
                if j + 1 < degree { coefficients[j] ^= coefficients[j + 1] }
            }
            root = Self.multiply(root, 2)
        }
        generator = coefficients
    }

    /// The error-correction codewords of `data`: the remainder of data·xⁿ divided by the generator.
    func remainder(of data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder.removeFirst()
            remainder.append(0)
            for i in remainder.indices { remainder[i] ^= Self.multiply(generator[i], factor) }
        }
        return remainder
    }

    /// The product of two elements of GF(256), by shift-and-add reduced modulo 0x11D.
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var product = 0
        for bit in (0..<8).reversed() {
            product = (product << 1) ^ ((product >> 7) * 0x11D)
            if (b >> bit) & 1 == 1 { product ^= Int(a) }
        }
        return UInt8(product)
    }
}
