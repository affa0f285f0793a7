/// Dense linear systems, solved by Gaussian elimination with partial pivoting.
enum LinearSystem {
    /// The x with a x = b, or nil when a is singular to working precision.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var a = a, b = b
        let scale = a.reduce(0) { max($0, $1.reduce(0) { max($0, abs($1)) }) }
        let tiny = max(scale, 1) * 1e-12 * Double(max(n, 1))
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                  abs(a[pivot][column]) > tiny else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in column + 1..<n {
                let factor = a[row][column] / a[column][column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = Array(repeating: 0.0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in row + 1..<n { s -= a[row][k] * x[k] }
            x[row] = s / a[row][row]
        }
        return x
    }
}
