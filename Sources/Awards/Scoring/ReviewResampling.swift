import IndexEngine

/// How far a nomination's rank rests on which analysts happened to review it.
///
/// Each sample draws, for every nomination, as many reviews as it has, with replacement, from its
/// own analysts (a bootstrap over analysts), and recomputes the factor scores from the drawn
/// analysts' calibrated scores. The analysts' leniency is estimated once from every score; the
/// quantitative part of a factor does not depend on the analysts and stays as it is. A nomination
/// reviewed by one analyst cannot vary this way, and its interval is its rank's spread caused by
/// the others only.
struct ReviewResampling: Sendable {
    /// One nomination's inputs: its analysts' calibrated scores (analyst × factor, NaN where an
    /// analyst did not score the factor) and its quantitative factor scores (NaN where none).
    struct Nominee: Sendable {
        var id: String
        var narrative: [[Double]]
        var quantitative: [Double]
    }

    var nominees: [Nominee]
    /// The factors' codes and weights, in the order of each nominee's scores.
    var factorCodes: [String]
    var weights: [Double]
    var scale: (low: Double, high: Double)
    var quantitativeWeight: Double

    init(rows: [ScoreSheet.Row], factors: [Factor], entries: [CalibratedEntry], choice: CycleRules.CalibrationChoice, scale: (Double, Double), quantitativeWeight: Double) {
        var byNomination: [String: [String: [String: Double]]] = [:]
        var analystOrder: [String: [String]] = [:]
        for e in entries {
            if byNomination[e.nomination]?[e.analyst] == nil { analystOrder[e.nomination, default: []].append(e.analyst) }
            byNomination[e.nomination, default: [:]][e.analyst, default: [:]][e.factor] = e.value(choice)
        }
        nominees = rows.filter { $0.overall.isFinite }.map { row in
            let analysts = analystOrder[row.nomination] ?? []
            return Nominee(
                id: row.nomination,
                narrative: analysts.map { a in factors.map { byNomination[row.nomination]?[a]?[$0.code] ?? .nan } },
                quantitative: factors.map { row.quantitative[$0.code] ?? .nan })
        }
        factorCodes = factors.map(\.code)
        weights = factors.map(\.weight)
        self.scale = scale
        self.quantitativeWeight = quantitativeWeight
    }

    /// Where each nominee and factor sits in `variants` of the quantitative index.
    func align(_ variants: QuantitativeVariants) -> QuantitativeDraw {
        let n = Dictionary(uniqueKeysWithValues: variants.nominations.enumerated().map { ($1, $0) })
        let f = Dictionary(uniqueKeysWithValues: variants.factors.enumerated().map { ($1, $0) })
        return QuantitativeDraw(variants: variants, nominees: nominees.map { n[$0.id] }, factors: factorCodes.map { f[$0] })
    }

    /// The overall score of every nominee in one sample drawn with `random`; with `quantitative`,
    /// the quantitative parts are those of that variant of the index instead of the nominal ones.
    func sample(_ random: inout SplitMix64, quantitative: (draw: QuantitativeDraw, variant: Int)? = nil) -> [Double] {
        let (low, high) = scale
        return nominees.enumerated().map { i, nominee in
            let k = nominee.narrative.count
            var sums = [Double](repeating: 0, count: weights.count), counts = [Int](repeating: 0, count: weights.count)
            for _ in 0..<k {
                let drawn = nominee.narrative[Int(random.next() % UInt64(k))]
                for f in drawn.indices where drawn[f].isFinite {
                    sums[f] += drawn[f]
                    counts[f] += 1
                }
            }
            let factors = weights.indices.map { f in
                ScoreSheet.blend(
                    quantitative: quantitative.map { $0.draw.score(variant: $0.variant, nominee: i, factor: f) } ?? nominee.quantitative[f],
                    narrative: counts[f] == 0 ? nil : (sums[f] / Double(counts[f]) - low) / (high - low) * 100,
                    weight: quantitativeWeight)
            }
            return ScoreSheet.overall(factors, weights: weights)
        }
    }
}

/// A resampling's nominees and factors located in variants of the quantitative index.
struct QuantitativeDraw: Sendable {
    var variants: QuantitativeVariants
    /// Each nominee's position in the variants, nil where it has no quantitative score.
    var nominees: [Int?]
    /// Each factor's position in the variants, nil where the factor has no data points.
    var factors: [Int?]

    /// The quantitative score of nominee `i` on factor `f` in `variant`; NaN where there is none,
    /// as in the nominal sheet.
    func score(variant: Int, nominee i: Int, factor f: Int) -> Double {
        guard let n = nominees[i], let k = factors[f] else { return .nan }
        return variants.score(variant: variant, factor: k, nomination: n)
    }
}

/// Where a nomination ranks among the round's nominations, and how far that rank moves when
/// other analysts might have reviewed it.
public struct NomineeRankInterval: Sendable, Codable, Equatable {
    public var nomination: String
    /// The rank in the sheet (1 = best overall score).
    public var rank: Int
    /// The median rank over the samples.
    public var median: Double
    /// The 5th percentile rank: the better end of the interval.
    public var rank5: Double
    /// The 95th percentile rank.
    public var rank95: Double
}

extension ScoreSheet {
    /// Each nomination's rank interval over `samples` bootstrap panels of analysts (see
    /// `ReviewResampling`), the same for the same `seed`. Nominations without an overall score
    /// have no rank and are left out. Ranks in a sample are competition ranks ("1224").
    public func rankIntervals(samples: Int = 500, seed: UInt64 = 1) -> [NomineeRankInterval] {
        let nominees = resampling.nominees
        guard !nominees.isEmpty, samples > 0 else { return [] }
        var random = SplitMix64(seed: seed)
        var ranks = [[Double]](repeating: [], count: nominees.count)
        for _ in 0..<samples {
            let scores = resampling.sample(&random)
            let order = scores.indices.sorted { scores[$0] > scores[$1] }
            var rank = 0
            for (position, i) in order.enumerated() {
                if position == 0 || scores[i] != scores[order[position - 1]] { rank = position + 1 }
                ranks[i].append(Double(rank))
            }
        }
        let nominal = Dictionary(uniqueKeysWithValues: rows.filter { $0.overall.isFinite }.enumerated().map { ($1.nomination, $0 + 1) })
        return nominees.indices.map { i in
            let sorted = ranks[i].sorted()
            return NomineeRankInterval(
                nomination: nominees[i].id, rank: nominal[nominees[i].id] ?? 0, median: Quantile.of(sorted: sorted, 0.5),
                rank5: Quantile.of(sorted: sorted, 0.05), rank95: Quantile.of(sorted: sorted, 0.95))
        }
    }
}
