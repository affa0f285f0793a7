/// Looks at the data after every step of a build for what would make its scores silently wrong.
///
/// A step may divide by a zero spread, overflow, or drop every value of an indicator without
/// failing: the arithmetic carries on and the ranking comes out looking as sound as any other.
/// After each step the inspector therefore turns infinite values into missing ones (±∞ is not a
/// score: ranked, it would put every unit holding it first or last) and warns of them, of a column
/// the step emptied and of a stage with no value at all; it also warns when an aggregation comes
/// before any normalisation. Each warning carries the step's index and kind.
struct StepInspector {
    /// The columns that held no value before the step, so that only a step that empties a column is blamed.
    private var emptyColumns: [Bool]
    /// Whether the data before the step held no value at all.
    private var allMissing: Bool

    /// An inspector of the steps that follow `state`.
    init(_ state: BuildState) {
        let empty = Self.emptyColumns(state.values)
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
        let units = state.units
        let rows = state.values.rows
        let columns = state.values.columns
        // A read-only pass first, without branches on the values, so that it vectorises and a
        // build with nothing infinite (nearly every build) never copies or writes its matrix.
        var empty = [Bool](repeating: false, count: columns)
        var withInfinity: [Int] = []
        state.values.storage.withUnsafeBufferPointer { values in
            for c in 0..<columns {
                var finite: UInt8 = 0
                var infinite: UInt8 = 0
                // On the bits: below the exponent of all ones is finite, exactly it (with no
                // mantissa) is ±∞, above it NaN — integer compares that vectorise.
                for value in UnsafeBufferPointer(rebasing: values[(c &* rows)..<((c &+ 1) &* rows)]) {
                    let magnitude = value.bitPattern & 0x7FFF_FFFF_FFFF_FFFF
                    finite |= magnitude < 0x7FF0_0000_0000_0000 ? 1 : 0
                    infinite |= magnitude == 0x7FF0_0000_0000_0000 ? 1 : 0
                }
                empty[c] = finite == 0
                if infinite != 0 { withInfinity.append(c) }
            }
        }
        for c in withInfinity {
            let infinite = (0..<rows).filter { state.values[$0, c].isInfinite }
            for r in infinite { state.values[r, c] = .nan }
            let code = framework.nodes[c].code
            let unitCodes = infinite.prefix(5).map { context.dataset.units[units[$0]].code }
            let named = unitCodes.joined(separator: ", ") + (infinite.count > 5 ? ", …" : "")
            log.warn(
                .nonFinite, "produced \(infinite.count) infinite value(s) (\(named)); they are treated as missing", indicator: code,
                unit: infinite.count == 1 ? unitCodes[0] : nil)
        }
        let nowAllMissing = !empty.contains(false)
        if nowAllMissing {
            if !allMissing { log.warn(.stageAllMissing, rows == 0 ? "no unit is left" : "no value is left: every unit's every value is missing") }
        } else {
            for c in 0..<columns where empty[c] && !emptyColumns[c] {
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

    /// For each column of `values`, whether it holds no value at all.
    private static func emptyColumns(_ values: Matrix) -> [Bool] {
        (0..<values.columns).map { c in !(0..<values.rows).contains { !values[$0, c].isNaN } }
    }
}

extension BuildStep {
    /// Whether the step brings indicators onto a common scale.
    var normalises: Bool {
        if case .normalise = self { true } else { false }
    }
}
