import Awards
import Foundation
import IndexEngine

/// The Intelligent Community Index as an index of the catalogue: one edition per published
/// cycle, built by the engine from the cycle's factor scores, so that its rankings, methodology
/// and downloads are those of every other index, and its units lead to the communities' profiles.
enum CommunityIndexHosting {
    static let slug = "intelligent-community-index"

    /// The hosted index of `index`, or nil while no cycle's scores are public.
    static func hosted(_ index: CommunityIndex) throws -> HostedIndex? {
        guard !index.editions.isEmpty else { return nil }
        let editions = try index.editions.map { try edition($0) }
        return HostedIndex(
            slug: slug, name: "Intelligent Community Index",
            description: "Each awards cycle's nominees scored on the six factors — Connect, Work, Innovate, Engage, Include, Sustain — from their data points through the index engine and their analysts' calibrated narrative scores, published with the cycle's results. Rank intervals show how far a rank rests on which analysts reviewed the nominations.",
            provenance: "The awards cycles run on this platform; scores public from each cycle's announcement of results. Synthetic communities are marked as such.",
            editions: editions,
            unitPage: { "/communities/\($0)" })
    }

    /// One year: the factor scores as indicators, each the only child of its factor, the factors
    /// aggregated by the cycle's weights into the overall score, as the score sheet does.
    static func edition(_ edition: CommunityIndexEdition) throws -> HostedIndex.Edition {
        var nodes = edition.factors.map { f in
            FrameworkNode(code: "\(f.code)_score", name: "\(f.name) score", level: 1, parent: f.code, kind: .indicator, unit: "0–100")
        }
        nodes += edition.factors.map { f in FrameworkNode(code: f.code, name: f.name, level: 2, parent: "ICI", kind: .aggregate, weight: f.weight) }
        nodes.append(FrameworkNode(code: "ICI", name: "Intelligent Community Index \(edition.year)", level: 3, parent: nil, kind: .aggregate))
        var values = Matrix(rows: edition.scores.count, columns: edition.factors.count)
        for (r, score) in edition.scores.enumerated() {
            for (c, f) in edition.factors.enumerated() { values[r, c] = score.factors[f.code] ?? .nan }
        }
        let dataset = Dataset(
            units: edition.scores.map { Unit(code: $0.community, name: $0.name) },
            framework: try Framework(nodes: nodes),
            groups: [
                NamedColumn(name: "Region", values: edition.scores.map { Optional($0.region) }),
                NamedColumn(name: "Stage", values: edition.scores.map { Optional($0.stage?.title ?? "Nominated") }),
            ],
            values: values, time: edition.year)
        let spec = BuildSpec(
            name: "Intelligent Community Index", inputs: .native(units: "", indicators: "", values: ""),
            steps: [.aggregate(Aggregate())])
        let build = try IndexBuild.run(dataset, spec: spec)
        var view = IndexView(build: build, spec: spec, uncertainty: nil)
        let intervals = Dictionary(uniqueKeysWithValues: edition.scores.map { ($0.community, $0.rankInterval) })
        for i in view.rows.indices { view.rows[i].rankInterval = intervals[view.rows[i].code] }
        return HostedIndex.Edition(year: edition.year, view: view, audit: try? AuditReport.make(build, spec: spec))
    }
}
