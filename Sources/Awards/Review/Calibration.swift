/// Narrative rubric scores calibrated for lenient and harsh analysts, three ways side by side, with
/// each factor's inter-rater agreement and each nomination's disagreement flags.
///
/// The three ways: the raw mean of a nomination's scores on a factor; the mean after each
/// analyst's scores are standardised and mapped back to the scale (`AnalystZScore`); and the
/// nomination's quality in the least-squares model score = quality + analyst bias + noise, biases
/// summing to zero (`AnalystBiasModel`). Nominations, factors and analysts are listed in the order
/// they first appear in the scores.
public struct Calibration: Sendable, Equatable {
    /// The scale the scores lie on.
    public var scale: Scale
    /// The settings used.
    public var settings: Settings
    /// Every scored factor of every nomination, nomination by nomination.
    public var scores: [CalibratedScore]
    /// Every nomination's calibrated scores averaged over its factors.
    public var nominations: [CalibratedNomination]
    /// Every analyst's leniency (per factor, factor by factor, when so grouped).
    public var analysts: [AnalystLeniency]
    /// Every factor's inter-rater agreement.
    public var agreement: [FactorAgreement]
    /// Every score calibrated three ways, in the order given: what resampling the analysts of a
    /// nomination draws from (a calibrated score is the mean of its entries, whichever the way).
    public var entries: [CalibratedEntry]

    /// Calibrates `scores` on `scale`; throws on a score off the scale, a repeated score or bad settings.
    public init(scores: [Score], scale: Scale, settings: Settings = Settings()) throws(AwardsError) {
        try Self.validate(scores, scale: scale, settings: settings)
        self.scale = scale
        self.settings = settings

        let analystIDs = Self.firstAppearances(scores.map(\.analyst))
        let nominationIDs = Self.firstAppearances(scores.map(\.nomination))
        let factorIDs = Self.firstAppearances(scores.map(\.factor))
        let analystIndex = Self.indexOf(analystIDs), nominationIndex = Self.indexOf(nominationIDs)
        let factorIndex = Self.indexOf(factorIDs)
        // Items (one factor of one nomination) ordered nomination by nomination, factors in order.
        let itemOf = { (s: Score) in nominationIndex[s.nomination, default: 0] * factorIDs.count + factorIndex[s.factor, default: 0] }
        let entries = scores.map { ScoreEntry(analyst: analystIndex[$0.analyst, default: 0], item: itemOf($0), value: $0.value) }
        let itemCount = nominationIDs.count * factorIDs.count

        // Estimate leniency within each group of scores: all of them, or one factor at a time.
        let groups: [(factor: String?, entries: [Int])] = switch settings.grouping {
        case .acrossFactors: [(nil, Array(entries.indices))]
        case .perFactor: factorIDs.map { f in (f, entries.indices.filter { scores[$0].factor == f }) }
        }
        var zCalibrated = Array(repeating: Double.nan, count: entries.count)
        var lessBias = Array(repeating: Double.nan, count: entries.count)
        var quality = Array(repeating: Double.nan, count: itemCount)
        var analysts: [AnalystLeniency] = []
        for group in groups {
            let groupEntries = group.entries.map { entries[$0] }
            let z = AnalystZScore(entries: groupEntries, analystCount: analystIDs.count, scale: scale)
            for (k, e) in group.entries.enumerated() { zCalibrated[e] = z.calibrated[k] }
            let model = AnalystBiasModel(entries: groupEntries, analystCount: analystIDs.count, itemCount: itemCount)
            for (item, q) in model.quality.enumerated() where !q.isNaN { quality[item] = q }
            // An item's quality is the mean of its scores less their analysts' biases.
            for e in group.entries { lessBias[e] = entries[e].value - model.bias[entries[e].analyst] }
            var counts = Array(repeating: 0, count: analystIDs.count)
            for e in groupEntries { counts[e.analyst] += 1 }
            for (a, id) in analystIDs.enumerated() where counts[a] > 0 {
                analysts.append(AnalystLeniency(
                    analyst: id, factor: group.factor, scores: counts[a], mean: z.mean[a],
                    standardDeviation: z.standardDeviation[a], bias: model.bias[a], linkedGroup: model.linkedGroup[a]))
            }
        }
        self.analysts = analysts

        var byItem = Array(repeating: [Int](), count: itemCount)
        for (k, e) in entries.enumerated() { byItem[e.item].append(k) }
        let limit = settings.disagreementThreshold * (scale.upper - scale.lower)
        var calibrated: [CalibratedScore] = []
        for item in 0..<itemCount where !byItem[item].isEmpty {
            let values = byItem[item].map { entries[$0].value }
            let range = (values.max() ?? 0) - (values.min() ?? 0)
            calibrated.append(CalibratedScore(
                nomination: nominationIDs[item / factorIDs.count], factor: factorIDs[item % factorIDs.count],
                analysts: values.count, rawMean: Self.mean(values), zScore: Self.mean(byItem[item].map { zCalibrated[$0] }),
                leastSquares: quality[item], range: range, disagreement: range > limit))
        }
        self.scores = calibrated
        self.entries = scores.indices.map { k in
            CalibratedEntry(
                analyst: scores[k].analyst, nomination: scores[k].nomination, factor: scores[k].factor,
                rawMean: scores[k].value, zScore: zCalibrated[k], leastSquares: lessBias[k])
        }
        nominations = Self.nominationTotals(calibrated, order: nominationIDs)
        agreement = factorIDs.map { factor in Self.agreement(on: factor, scores: scores, rows: calibrated) }
    }

    /// The calibrated score of one factor of one nomination, if it was scored.
    public func score(nomination: String, factor: String) -> CalibratedScore? {
        scores.first { $0.nomination == nomination && $0.factor == factor }
    }

    /// The leniency of one analyst (on one factor, when grouped per factor).
    public func leniency(of analyst: String, factor: String? = nil) -> AnalystLeniency? {
        analysts.first { $0.analyst == analyst && $0.factor == factor }
    }

    private static func nominationTotals(_ rows: [CalibratedScore], order: [String]) -> [CalibratedNomination] {
        let byNomination = Dictionary(grouping: rows, by: \.nomination)
        return order.compactMap { id in
            guard let rows = byNomination[id] else { return nil }
            return CalibratedNomination(
                nomination: id, factors: rows.count, rawMean: mean(rows.map(\.rawMean)),
                zScore: mean(rows.map(\.zScore)), leastSquares: mean(rows.map(\.leastSquares)),
                disagreements: rows.filter(\.disagreement).count)
        }
    }

    private static func agreement(on factor: String, scores: [Score], rows: [CalibratedScore]) -> FactorAgreement {
        let onFactor = scores.filter { $0.factor == factor }
        // Units in order of first appearance, so that sums run in a fixed order.
        let byNomination = Dictionary(grouping: onFactor, by: \.nomination)
        let units = firstAppearances(onFactor.map(\.nomination)).map { byNomination[$0, default: []].map(\.value) }
        let alpha = KrippendorffAlpha(units: units, metric: .interval).alpha
        let flagged = rows.filter { $0.factor == factor && $0.disagreement }.count
        return FactorAgreement(
            factor: factor, alpha: alpha, analysts: Set(onFactor.map(\.analyst)).count,
            nominations: units.count, disagreements: flagged)
    }

    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
    }

    private static func firstAppearances(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        return ids.filter { seen.insert($0).inserted }
    }

    private static func indexOf(_ ids: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }
}
