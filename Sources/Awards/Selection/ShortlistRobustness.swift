import Foundation
import IndexEngine

/// How sure a shortlist is: for every nominee, the probability of being on it under the
/// uncertainty that really exists, and its rank interval.
///
/// Each sample draws a calibration method (raw mean, analyst z-score or least squares, each as
/// likely), for every nomination another panel of its own analysts (a bootstrap over analysts,
/// see `ReviewResampling`) and, when the cycle names an analysis of its quantitative index, a
/// variant of that index's own choices (`QuantitativeVariants`, sample `i` takes variant `i`);
/// it recomputes the scores and applies the cycle's shortlist
/// rule (size, per-country cap, regional minimums) to them. For the Top7 both rounds are drawn
/// again and combined by the cycle's first-round weight, among the named Smart21.
///
/// Sample `i` draws from its own generator, seeded by `seed` and `i`, so the figures are the
/// same for a seed however the samples are spread over the cores.
public struct ShortlistRobustness: Sendable, Codable, Equatable {
    /// One nominee's figures.
    public struct Nominee: Sendable, Codable, Equatable {
        public var nomination: String
        public var community: String
        public var country: String
        /// The rank by the scores as they stand (1 = best).
        public var rank: Int
        /// The share of samples in which the nominee is on the shortlist.
        public var probability: Double
        /// The median, 5th and 95th percentile ranks over the samples.
        public var medianRank: Double
        public var rank5: Double
        public var rank95: Double
        /// Whether the probability lies between 10 % and 90 %: the shortlist could go either way.
        public var borderline: Bool
    }

    /// `smart21` or `top7`.
    public var list: String
    /// The uncertain inputs drawn: analysts, calibration method, and the quantitative index's
    /// own choices by name when an analysis of it was given.
    public var inputs: [String] = Self.alwaysDrawn

    /// The inputs every run draws; the index's own choices are added by name when analysed.
    public static let alwaysDrawn = ["analysts", "calibration method"]
    public var size: Int
    public var samples: Int
    public var seed: UInt64
    /// The nominees in rank order.
    public var nominees: [Nominee]

    /// The samples recorded with a shortlist when an organiser names it.
    public static let namingSamples = 1000

    /// The shares below and above which a nominee is not borderline.
    public static let borderline = 0.1...0.9

    /// Estimates the Smart21's robustness from the round-1 sheet; each sample's calibration
    /// method is drawn from `methods` (all three by default), and its quantitative index's
    /// choices from `analysis` when given (the cycle's `quantitativeAnalysis` by default).
    public static func smart21(
        _ sheet: ScoreSheet, rules: CycleRules, samples: Int, seed: UInt64, methods: [CycleRules.CalibrationChoice] = CycleRules.CalibrationChoice.allCases,
        analysis: AnalysisSpec? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(AwardsError) -> ShortlistRobustness {
        guard !methods.isEmpty else { throw AwardsError(.invalidValue, "name at least one calibration method", field: "methods") }
        let rows = Dictionary(uniqueKeysWithValues: sheet.rows.map { ($0.nomination, $0) })
        let variants = try variants(of: sheet, analysis: analysis ?? rules.quantitativeAnalysis, samples: samples, seed: seed)
        let draws = Dictionary(uniqueKeysWithValues: methods.map { ($0, variants.map(sheet.resamplings[$0]!.align)) })
        var result = try await estimate(
            list: "smart21", ids: sheet.resampling.nominees.map(\.id), rows: rows, nominal: rows.mapValues(\.overall), size: rules.smart21Size,
            maxPerCountry: rules.maxPerCountry, minPerRegion: rules.minPerRegion, samples: samples, seed: seed, progress: progress
        ) { random, s in
            let method = methods[Int(random.next() % UInt64(methods.count))]
            return sheet.resamplings[method]!.sample(&random, quantitative: draws[method]!.map { ($0, s) })
        }
        if let variants { result.inputs += variants.inputs }
        return result
    }

    /// The quantitative index's variants for `samples` samples, if `analysis` names any choices
    /// and the sheet has a quantitative index.
    private static func variants(of sheet: ScoreSheet, analysis: AnalysisSpec?, samples: Int, seed: UInt64) throws(AwardsError) -> QuantitativeVariants? {
        guard let analysis, !analysis.inputs.isEmpty, let index = sheet.quantitativeIndex, samples >= 1 else { return nil }
        return try index.variants(analysis, count: samples, seed: seed)
    }

    /// Estimates the Top7's robustness among the named `smart21`, from both rounds' sheets.
    public static func top7(
        round1: ScoreSheet, round2: ScoreSheet, smart21: [String], rules: CycleRules, samples: Int, seed: UInt64, analysis: AnalysisSpec? = nil,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws(AwardsError) -> ShortlistRobustness {
        let named = Set(smart21)
        let ids = round2.resampling.nominees.map(\.id).filter { named.contains($0) }
        let first = Dictionary(uniqueKeysWithValues: round1.resampling.nominees.enumerated().map { ($1.id, $0) })
        let second = Dictionary(uniqueKeysWithValues: round2.resampling.nominees.enumerated().map { ($1.id, $0) })
        guard ids.allSatisfy({ first[$0] != nil }) else {
            throw AwardsError(.invalidState, "a Smart21 nomination has no round-1 score", field: "reviews")
        }
        let rows = Dictionary(uniqueKeysWithValues: round2.rows.map { ($0.nomination, $0) })
        let w = rules.firstRoundWeight
        // As the Top7 is named: the rounds' overall scores combined by the first round's weight.
        let firstOverall = Dictionary(uniqueKeysWithValues: round1.rows.map { ($0.nomination, $0.overall) })
        var nominal: [String: Double] = [:]
        for id in ids { nominal[id] = w * (firstOverall[id] ?? .nan) + (1 - w) * (rows[id]?.overall ?? .nan) }
        let variants = try variants(of: round1, analysis: analysis ?? rules.quantitativeAnalysis, samples: samples, seed: seed)
        let draws = Dictionary(uniqueKeysWithValues: CycleRules.CalibrationChoice.allCases.map { ($0, variants.map(round1.resamplings[$0]!.align)) })
        var result = try await estimate(
            list: "top7", ids: ids, rows: rows, nominal: nominal, size: rules.top7Size, maxPerCountry: nil, minPerRegion: [:], samples: samples, seed: seed, progress: progress
        ) { random, s in
            let method = CycleRules.CalibrationChoice.allCases[Int(random.next() % 3)]
            let a = round1.resamplings[method]!.sample(&random, quantitative: draws[method]!.map { ($0, s) }), b = round2.resamplings[method]!.sample(&random)
            return ids.map { w * a[first[$0]!] + (1 - w) * b[second[$0]!] }
        }
        if let variants { result.inputs += variants.inputs }
        return result
    }

    /// Runs `samples` samples of `draw` (scores in the order of `ids`) on every core.
    private static func estimate(
        list: String, ids: [String], rows: [String: ScoreSheet.Row], nominal scores: [String: Double], size: Int, maxPerCountry: Int?, minPerRegion: [String: Int],
        samples: Int, seed: UInt64, progress: (@Sendable (Int) -> Void)?, draw: @escaping @Sendable (inout SplitMix64, Int) -> [Double]
    ) async throws(AwardsError) -> ShortlistRobustness {
        guard samples >= 1 else { throw AwardsError(.invalidValue, "at least one sample is needed, not \(samples)", field: "samples") }
        guard !ids.isEmpty else { throw AwardsError(.invalidState, "no nomination has a score to draw from", field: "reviews") }
        // The nominal ranking: scores as they stand, ties broken as the shortlist breaks them.
        let nominal = ids.sorted { a, b in
            let (x, y) = (scores[a].flatMap { $0.isFinite ? $0 : nil } ?? -.infinity, scores[b].flatMap { $0.isFinite ? $0 : nil } ?? -.infinity)
            return x != y ? x > y : a < b
        }
        let rankOf = Dictionary(uniqueKeysWithValues: nominal.enumerated().map { ($1, $0 + 1) })
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, samples))
        typealias Tally = (chosen: [Int], ranks: [[Double]])
        let tallies: [Tally]
        do {
            tallies = try await withThrowingTaskGroup(of: Tally.self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        var chosen = [Int](repeating: 0, count: ids.count), ranks = [[Double]](repeating: [], count: ids.count)
                        var index: [String: Int] = [:]
                        for (i, id) in ids.enumerated() { index[id] = i }
                        for s in stride(from: worker, to: samples, by: workers) {
                            var random = SplitMix64(seed: seed &+ UInt64(s) &* 0x9E37_79B9_7F4A_7C15)
                            let scores = draw(&random, s)
                            let candidates = ids.indices.compactMap { i -> Shortlist.Candidate? in
                                guard let row = rows[ids[i]], scores[i].isFinite else { return nil }
                                return Shortlist.Candidate(
                                    nomination: ids[i], community: row.community, country: row.country, region: row.region,
                                    score: scores[i], tieBreakScore: 0)
                            }
                            for id in try Shortlist.select(candidates, size: size, maxPerCountry: maxPerCountry, minPerRegion: minPerRegion, name: list).selected {
                                chosen[index[id]!] += 1
                            }
                            let order = ids.indices.sorted { scores[$0] > scores[$1] }
                            for (position, i) in order.enumerated() { ranks[i].append(Double(position + 1)) }
                            progress?(1)
                        }
                        return (chosen, ranks)
                    }
                }
                var all: [Tally] = []
                for try await tally in group { all.append(tally) }
                return all
            }
        } catch let error as AwardsError {
            throw error
        } catch {
            throw AwardsError(.invalidState, "the robustness run stopped: \(error)")
        }
        let nominees = nominal.map { id -> Nominee in
            let i = ids.firstIndex(of: id)!
            let count = tallies.reduce(0) { $0 + $1.chosen[i] }
            let ranks = tallies.flatMap { $0.ranks[i] }.sorted()
            let p = Double(count) / Double(samples)
            return Nominee(
                nomination: id, community: rows[id]?.community ?? id, country: rows[id]?.country ?? "", rank: rankOf[id] ?? 0, probability: p,
                medianRank: Quantile.of(sorted: ranks, 0.5), rank5: Quantile.of(sorted: ranks, 0.05), rank95: Quantile.of(sorted: ranks, 0.95),
                borderline: borderline.contains(p))
        }
        return ShortlistRobustness(list: list, size: size, samples: samples, seed: seed, nominees: nominees)
    }
}

extension ShortlistRobustness {
    private enum CodingKeys: String, CodingKey { case list, inputs, size, samples, seed, nominees }

    /// Figures recorded before the inputs were listed drew the analysts and the method only.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            list: try c.decode(String.self, forKey: .list),
            inputs: try c.decodeIfPresent([String].self, forKey: .inputs) ?? Self.alwaysDrawn,
            size: try c.decode(Int.self, forKey: .size), samples: try c.decode(Int.self, forKey: .samples),
            seed: try c.decode(UInt64.self, forKey: .seed), nominees: try c.decode([Nominee].self, forKey: .nominees))
    }
}
