import Foundation
import Hummingbird
import IndexEngine

/// `/indices/{slug}/methodology`: how an edition is built, for readers who do not read JSON — the
/// framework as a tree, the indicators as a table, the steps in words, the audit's reliability
/// with its warnings beside the aggregates they concern, and the sensitivity analysis as a chart.
extension IndexPages {
    func methodology(_ index: HostedIndex, _ edition: HostedIndex.Edition, yearGiven: Bool) throws -> Response {
        let view = edition.view
        let framework = view.build.framework
        // Weights as the build applied them; the metadata's if the spec cannot say (it built, so it can).
        let weights = (try? view.spec.aggregationWeights(for: view.build.dataset)) ?? framework.weights
        let steps = view.spec.steps.map { step -> [String: Any] in
            let words = StepDescription(step, groupName: index.labels.name)
            return ["title": words.title, "text": words.text]
        }
        let rawSpec = String(decoding: (try? Self.specEncoder.encode(view.spec)) ?? Data(), as: UTF8.self)
        let name = { (code: String) in framework.index(of: code).map { framework.nodes[$0].name } ?? code }
        let groups = (edition.audit?.groups ?? []).filter { !$0.name.hasPrefix("level") }.map { g -> [String: Any] in
            var row: [String: Any] = [
                "name": name(g.name), "k": g.members.count, "alpha": Show.score(g.alpha),
                "pc1": g.pca.map { String(format: "%.0f%%", $0.explained[0] * 100) } ?? "—",
            ]
            row["flag"] = g.alphaFlag.map(Self.words)
            return row
        }
        let tree = FrameworkTree(title: "The framework of \(index.name)", root: Self.outline(framework, weights: weights))
        return try pages.render("methodology", [
            "title": "Methodology — \(index.name)", "indexName": index.name, "slug": index.slug, "year": edition.year,
            "yearQuery": yearGiven ? "?year=\(edition.year)" : "", "provenance": index.provenance, "description": index.description,
            "years": RankingQuery.years(index), "hasYears": index.editions.count > 1,
            "tree": tree.svg(), "indicators": Self.indicators(framework, weights: weights),
            "hasSources": framework.indicators.contains { $0.source != nil },
            "steps": steps, "spec": rawSpec, "groups": groups, "hasAudit": edition.audit != nil,
            "hasFlags": groups.contains { $0["flag"] != nil },
            "sensitivity": sensitivity(index, edition), "hasSensitivity": edition.sensitivity != nil,
        ])
    }

    /// The spec as the page shows it in full: indented, keys in order.
    static let specEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// What a flagged alpha means, next to the aggregate it concerns.
    static func words(_ flag: AuditReport.Group.AlphaFlag) -> String {
        switch flag {
        case .negative: "Negative: some members move against the others, so this aggregate averages opposing signals."
        case .low: "Below 0.7: the members agree only weakly, so this aggregate mixes rather different things."
        }
    }

    /// The framework from its top node down, each element with its share of its parent's weight.
    static func outline(_ framework: Framework, weights: [Double]) -> FrameworkTree.Node {
        func node(_ i: Int, share: Double?) -> FrameworkTree.Node {
            let children = framework.children[i]
            let total = children.reduce(0) { $0 + weights[$1] }
            return FrameworkTree.Node(framework.nodes[i].name, share: share, children: children.map { c in node(c, share: total > 0 ? weights[c] / total : nil) })
        }
        let tops = framework.nodes.indices.filter { framework.parentIndex[$0] == nil && framework.nodes[$0].level == framework.topLevel }
        guard tops.count == 1, let top = tops.first else {
            // Several top nodes (no single index above them): a root that only gathers them.
            return FrameworkTree.Node("Framework", children: tops.map { node($0, share: nil) })
        }
        return node(top, share: nil)
    }

    /// The indicator table: name, code, unit, source, direction in words, weight and share of the parent's, parent.
    static func indicators(_ framework: Framework, weights: [Double]) -> [[String: Any]] {
        framework.indicators.indices.map { i in
            let node = framework.nodes[i]
            let parent = framework.parentIndex[i]
            let siblings = parent.map { framework.children[$0] } ?? []
            let total = siblings.reduce(0) { $0 + weights[$1] }
            return [
                "name": node.name, "code": node.code, "unit": node.unit.flatMap { $0.isEmpty || $0 == "NA" ? nil : $0 } ?? "—", "source": node.source ?? "—",
                "direction": node.direction < 0 ? "lower is better" : "higher is better",
                "weight": Show.count(weights[i]), "share": total > 0 ? Show.fixed(weights[i] / total * 100, decimals: 1) + " %" : "—",
                "parent": parent.map { framework.nodes[$0].name } ?? "—",
            ]
        }
    }

    /// The sensitivity section: the Sobol chart and its table, or nothing without an analysis.
    private func sensitivity(_ index: HostedIndex, _ edition: HostedIndex.Edition) -> [String: Any] {
        guard let sa = edition.sensitivity else { return [:] }
        let chart = SobolChart(title: "\(index.name) \(edition.year): sensitivity of the ranking to each input", analysis: sa)
        let estimate = { (value: Double, low: Double, high: Double) in
            Show.fixed(value, decimals: 3) + (low.isFinite && high.isFinite ? " [\(Show.fixed(low, decimals: 3)), \(Show.fixed(high, decimals: 3))]" : "")
        }
        let statistic = switch sa.statistic {
        case .meanAbsoluteRankChange: "the mean absolute rank change over all units"
        case let .score(unit): "the headline score of \(edition.view.row(unit)?.name ?? unit)"
        }
        return [
            "chart": chart.svg(), "statistic": statistic, "level": ChartFormat.fixed(sa.indices.confidence * 100, decimals: 1), "runs": sa.runs,
            "rows": chart.inputs.map { input -> [String: Any] in
                let i = input.index
                return ["input": input.label, "first": estimate(i.first, i.firstLow, i.firstHigh), "total": estimate(i.total, i.totalLow, i.totalHigh)]
            },
        ]
    }
}
