/// A dense matrix of values stored column by column; `NaN` marks a missing value.
///
/// Column-major storage keeps each indicator's values contiguous, which is what every step of a
/// build walks through.
public struct Matrix: Sendable, Equatable {
    /// The number of rows (units).
    public private(set) var rows: Int
    /// The number of columns (indicators or aggregates).
    public private(set) var columns: Int
    /// The values, column after column.
    public var storage: [Double]

    /// A matrix of the given size filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Double = .nan) {
        self.rows = rows
        self.columns = columns
        self.storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    public init(rows: Int, columns: Int, storage: [Double]) {
        precondition(storage.count == rows * columns, "storage does not match the matrix size")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// The value at `row`, `column`.
    @inlinable public subscript(row: Int, column: Int) -> Double {
        get { storage[column * rows + row] }
        set { storage[column * rows + row] = newValue }
    }

    /// A copy of one column.
    public func column(_ column: Int) -> [Double] {
        Array(storage[column * rows ..< (column + 1) * rows])
    }

    /// Replaces one column with `values`.
    public mutating func setColumn(_ column: Int, _ values: [Double]) {
        precondition(values.count == rows)
        storage.replaceSubrange(column * rows ..< (column + 1) * rows, with: values)
    }

    /// The matrix restricted to the given rows, in that order.
    public func selectingRows(_ selected: [Int]) -> Matrix {
        var result = Matrix(rows: selected.count, columns: columns)
        for c in 0..<columns {
            let base = c * rows, target = c * selected.count
            for (i, r) in selected.enumerated() { result.storage[target + i] = storage[base + r] }
        }
        return result
    }

    /// Makes room for `total` columns without reallocating when columns are appended.
    public mutating func reserveColumns(_ total: Int) {
        storage.reserveCapacity(total * rows)
    }

    /// Appends `count` columns of missing values.
    public mutating func appendColumns(_ count: Int) {
        storage.append(contentsOf: repeatElement(.nan, count: count * rows))
        columns += count
    }
}
