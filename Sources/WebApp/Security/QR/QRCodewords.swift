/// The codewords of a QR code in the order they are placed: the text in byte mode, padded to
/// the version's capacity, cut into blocks, each block's Reed–Solomon codewords added, and the
/// blocks interleaved.
enum QRCodewords {
    /// The placed codewords of `bytes` in `version`, which must hold them.
    static func make(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        interleave(blocks(of: data(bytes, version: version), version: version), version: version)
    }

    /// Mode indicator, count, the bytes, then the terminator and padding up to the capacity.
    static func data(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for bit in (0..<count).reversed() { bits.append((value >> bit) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version.byteCountBits)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = version.dataCodewords * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        for pad in 0..<(version.dataCodewords - codewords.count) { codewords.append(pad % 2 == 0 ? 0xEC : 0x11) }
        return codewords
    }

    /// The data split into the version's blocks (the shorter ones first), each with its
    /// error-correction codewords.
    static func blocks(of data: [UInt8], version: QRVersion) -> [(data: [UInt8], correction: [UInt8])] {
        let count = version.blocks
        let longBlocks = version.totalCodewords % count
        let shortData = version.totalCodewords / count - version.errorCorrectionCodewordsPerBlock
        let encoder = ReedSolomon(degree: version.errorCorrectionCodewordsPerBlock)
        var start = 0
        return (0..<count).map { index in
            let length = shortData + (index >= count - longBlocks ? 1 : 0)
            let block = Array(data[start..<start + length])
            start += length
            return (block, encoder.remainder(of: block))
        }
    }

    /// The i-th data codeword of every block, then the i-th error-correction codeword of every block.
    static func interleave(_ blocks: [(data: [UInt8], correction: [UInt8])], version: QRVersion) -> [UInt8] {
        var result: [UInt8] = []
        for i in 0..<(blocks.map(\.data.count).max() ?? 0) {
            for block in blocks where i < block.data.count { result.append(block.data[i]) }
        }
        for i in 0..<version.errorCorrectionCodewordsPerBlock {
            for block in blocks { result.append(block.correction[i]) }
        }
        return result
    }
}
