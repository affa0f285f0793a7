import Foundation
import Testing
@testable import IndexEngine

/// The inspector's look at a matrix: which columns hold no value, which hold ±∞, wherever
/// in the column they sit and whatever NaNs lie beside them.
@Suite("Step inspector scan")
struct StepInspectorScanTests {
    /// A NaN whose upper 32 bits are those of +∞: only its lowest mantissa bit differs.
    static let nanLikeInfinity = Double(bitPattern: 0x7FF0_0000_0000_0001)

    @Test("every position of every column, in the eight-value blocks and in the tail", arguments: [1, 7, 8, 9, 17, 51])
    func everyPosition(rows: Int) {
        let columns = 3
        for column in 0..<columns {
            for row in 0..<rows {
                for special in [Double.infinity, -.infinity] {
                    var m = Matrix(rows: rows, columns: columns, repeating: 1)
                    m[row, column] = special
                    let (empty, withInfinity) = StepInspector.scan(m)
                    #expect(withInfinity == [column], "\(special) at \(row), \(column) of \(rows) rows")
                    #expect(empty == [Bool](repeating: false, count: columns) || rows == 1)
                }
            }
        }
    }

    @Test("missing values and a NaN that looks like ∞ in its upper bits are not infinite; a column of NaN and ∞ is empty")
    func missingAndEmpty() {
        var m = Matrix(rows: 9, columns: 4, repeating: .nan)
        for r in 0..<9 { m[r, 1] = Self.nanLikeInfinity }
        m[8, 2] = 0
        m[3, 3] = -.infinity
        #expect(!Self.nanLikeInfinity.isInfinite && Self.nanLikeInfinity.isNaN)
        let (empty, withInfinity) = StepInspector.scan(m)
        #expect(empty == [true, true, false, true])
        #expect(withInfinity == [3])
        // Huge finite values, -0 and subnormals are values like any other.
        let finite = Matrix(rows: 3, columns: 3, storage: [1e300, -1e300, .greatestFiniteMagnitude, -0.0, 0, .leastNonzeroMagnitude, .nan, .nan, -.greatestFiniteMagnitude])
        let (finiteEmpty, finiteInfinity) = StepInspector.scan(finite)
        #expect(finiteEmpty == [false, false, false] && finiteInfinity.isEmpty)
        // No rows, or no columns.
        #expect(StepInspector.scan(Matrix(rows: 0, columns: 2)).empty == [true, true])
        #expect(StepInspector.scan(Matrix(rows: 4, columns: 0)).empty.isEmpty)
    }
}

/// The inspector looks only at the columns a step declares it can change
/// (`BuildStep.changedColumns`); a step writing elsewhere would slip past it unseen.
@Suite("Step inspector: what each step changes")
struct StepChangedColumnsTests {
    @Test("in the ASEM build, every step leaves every column outside its declared range as it was, bit for bit")
    func declaredRanges() throws {
        let result = try Fixtures.asemBuild()
        let spec = try BuildSpec.read(path: Fixtures.asemSpec)
        #expect(result.stages.count == spec.steps.count + 1)
        let indicators = result.framework.indicatorCount
        for (i, step) in spec.steps.enumerated() {
            let before = result.stages[i], after = result.stages[i + 1]
            let changed = step.changedColumns(indicators: indicators, columns: after.values.columns).values
            // Screening keeps some units; the others keep their rows in order.
            let kept = try after.units.map { u in try #require(before.units.firstIndex(of: u), "\(step.kind) adds no unit") }
            if case .screen = step {} else { #expect(after.units == before.units, "\(step.kind) keeps every unit") }
            for c in 0..<before.values.columns where !changed.contains(c) {
                let old = before.values.column(c), new = after.values.column(c)
                #expect(kept.map { old[$0].bitPattern } == new.map(\.bitPattern), "\(step.kind) changed column \(c), outside \(changed)")
            }
        }
    }
}
