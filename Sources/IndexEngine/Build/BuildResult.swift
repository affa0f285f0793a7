/// The outcome of a build: every stage, the final scores, and what the build noticed.
public struct BuildResult: Sendable {
    /// The input data.
    public let dataset: Dataset
    /// The stages in order, starting with Raw (empty when the build kept only its final state).
    public let stages: [Stage]
    /// The final state: units and scores of every indicator and aggregate.
    public let final: BuildState
    /// Warnings and treatment details.
    public let log: BuildLog

    /// The framework of the build.
    public var framework: Framework { dataset.framework }

    /// The final score of `code` for every unit in the build, or `nil` for an unknown code.
    public func scores(of code: String) -> [Double]? {
        framework.index(of: code).map { final.values.column($0) }
    }

    /// The code of the column the ranking is made on: the first top-level aggregate, or the first indicator.
    public var headline: Int {
        framework.aggregates(atLevel: framework.topLevel).first ?? 0
    }

    /// Ranks by the headline score: 1 for the highest, ties sharing the best rank, missing scores unranked.
    public var ranks: [Double] {
        Ranking.ranks(final.values.column(headline), ties: .min, descending: true)
    }

    /// The rows of `final` ordered by rank, unranked last, ties in unit-code order.
    public var rankedRows: [Int] {
        let ranks = self.ranks
        let codes = final.units.map { dataset.units[$0].code }
        return final.units.indices.sorted { a, b in
            let (ra, rb) = (ranks[a].isNaN ? .infinity : ranks[a], ranks[b].isNaN ? .infinity : ranks[b])
            return ra != rb ? ra < rb : codes[a] < codes[b]
        }
    }
}
