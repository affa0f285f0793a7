/// Looks at the data after every step of a build for what would make its scores silently wrong.
///
/// A step may divide by a zero spread, overflow, or drop every value of an indicator without
/// failing: the arithmetic carries on and the ranking comes out looking as sound as any other.
/// After each step the inspector therefore turns infinite values into missing ones (±∞ is not a
/// score: ranked, it would put every unit holding it first or last) and warns of them, of a column
/// the step emptied and of a stage with no value at all; it also warns when an aggregation comes
/// before any normalisation. Each warning carries the step's index and kind.
///
/// Only the columns a step can change are looked at (`BuildStep.changedColumns`): a build of a
/// few dozen units spends more time looking than computing otherwise.
struct StepInspector {
    /// For each column, whether it held no value before the step, so that only a step that empties a column is blamed.
    private var emptyColumns: [Bool]
    /// Whether the data before the step held no value at all.
    private var allMissing: Bool

    /// An inspector of the steps that follow `state`.
    init(_ state: BuildState) {
        let empty = Self.scan(state.values).empty
        emptyColumns = empty
        allMissing = !empty.contains(false)
    }

    /// Inspects `state` as step `i` of `steps` left it: stamps the step on the warnings it
    /// raised (those from `firstWarning` on), makes infinite values missing and warns of what it finds.
    mutating func inspect(
        _ state: inout BuildState, after i: Int, of steps: [BuildStep], context: BuildContext, log: inout BuildLog, firstWarning: Int
    ) {
        let step = steps[i]
        if case .aggregate = step, !steps[..<i].contains(where: \.normalises) {
            log.warn(
                .aggregateBeforeNormalise,
                "aggregation comes before any normalisation, so indicators on different scales and in different directions are averaged as they are")
        }
        let framework = context.framework
        let rows = state.values.rows
        let columns = state.values.columns
        // A column the step added held nothing before it but is blamed if it holds nothing now.
        if emptyColumns.count < columns { emptyColumns += repeatElement(false, count: columns - emptyColumns.count) }
        let changed = step.changedColumns(indicators: framework.indicatorCount, columns: columns)
        var empty = emptyColumns
        let withInfinity = Self.scan(state.values, empty: &empty, emptiness: changed.emptiness, infinity: changed.values)
        for c in withInfinity {
            let infinite = (0..<rows).filter { state.values[$0, c].isInfinite }
            for r in infinite { state.values[r, c] = .nan }
            let unitCodes = infinite.prefix(5).map { context.dataset.units[state.units[$0]].code }
            let named = unitCodes.joined(separator: ", ") + (infinite.count > 5 ? ", …" : "")
            log.warn(
                .nonFinite, "produced \(infinite.count) infinite value(s) (\(named)); they are treated as missing", indicator: framework.nodes[c].code,
                unit: infinite.count == 1 ? unitCodes[0] : nil)
        }
        let nowAllMissing = !empty.contains(false)
        if nowAllMissing {
            if !allMissing { log.warn(.stageAllMissing, rows == 0 ? "no unit is left" : "no value is left: every unit's every value is missing") }
        } else {
            for c in changed.emptiness where empty[c] && !emptyColumns[c] {
                log.warn(.columnMissing, "left no value at all: every unit's value is missing", indicator: framework.nodes[c].code)
            }
        }
        emptyColumns = empty
        allMissing = nowAllMissing
        for w in firstWarning..<log.warnings.count where log.warnings[w].step == nil {
            log.warnings[w].step = i
            log.warnings[w].stepName = step.kind
        }
    }

    /// For each column of `matrix`, whether it holds no value at all, and the columns holding ±∞.
    static func scan(_ matrix: Matrix) -> (empty: [Bool], withInfinity: [Int]) {
        var empty = [Bool](repeating: true, count: matrix.columns)
        let withInfinity = scan(matrix, empty: &empty, emptiness: 0..<matrix.columns, infinity: 0..<matrix.columns)
        return (empty, withInfinity)
    }

    /// Sets `empty[c]` for each column `c` of `emptiness` to whether it holds no value at all, and
    /// returns the columns of `infinity` that hold ±∞.
    ///
    /// Read-only, so that a build with nothing infinite (nearly every build) neither copies nor
    /// writes its matrix. A column holds a value as soon as one is found, usually its first. For
    /// infinities the columns (contiguous in memory) are looked at in one pass without branches;
    /// only when one is found are they looked at one by one.
    static func scan(_ matrix: Matrix, empty: inout [Bool], emptiness: Range<Int>, infinity: Range<Int>) -> [Int] {
        let rows = matrix.rows
        var withInfinity: [Int] = []
        matrix.storage.withUnsafeBufferPointer { values in
            func column(_ c: Int) -> UnsafeBufferPointer<Double> {
                UnsafeBufferPointer(rebasing: values[(c &* rows)..<((c &+ 1) &* rows)])
            }
            for c in emptiness { empty[c] = !column(c).contains { $0.isFinite } }
            guard !infinity.isEmpty, let base = values.baseAddress else { return }
            // ±∞ is the only value whose magnitude's bits are those of +∞; or-ing the comparisons
            // instead of stopping at the first lets the loop run on vector registers.
            let bits = UnsafeRawPointer(base).assumingMemoryBound(to: UInt64.self)
            let infinityBits = Double.infinity.bitPattern
            var found: UInt64 = 0
            var i = infinity.lowerBound &* rows
            let end = infinity.upperBound &* rows
            while i < end {
                found |= (bits[i] & 0x7FFF_FFFF_FFFF_FFFF) == infinityBits ? 1 : 0
                i &+= 1
            }
            guard found != 0 else { return }
            for c in infinity where column(c).contains(where: \.isInfinite) { withInfinity.append(c) }
        }
        return withInfinity
    }
}

extension BuildStep {
    /// Whether the step brings indicators onto a common scale.
    var normalises: Bool {
        if case .normalise = self { true } else { false }
    }

    /// The columns of a matrix of `columns` columns, the first `indicators` of them indicators, whose
    /// values the step may change (`values`) and those that it may leave empty (`emptiness`).
    ///
    /// Denominating, imputing, treating and normalising write indicators only, and aggregating
    /// writes aggregates only. Screening writes nothing but removes units, which may take the last
    /// value of any column with them.
    func changedColumns(indicators: Int, columns: Int) -> (values: Range<Int>, emptiness: Range<Int>) {
        let indicators = min(indicators, columns)
        switch self {
        case .screen: return (0..<0, 0..<columns)
        case .aggregate: return (indicators..<columns, indicators..<columns)
        case .denominate, .impute, .treat, .normalise: return (0..<indicators, 0..<indicators)
        }
    }
}
