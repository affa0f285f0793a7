import Foundation
import Hummingbird
import IndexEngine

/// `/indices/{slug}/methodology`: how an edition is built, for readers who do not read JSON — the
/// framework as a tree, the indicators as a table, the steps in words, the audit's reliability
/// with its warnings beside the aggregates they concern, and the sensitivity analysis as a chart.
extension IndexPages {
    func methodology(_ index: HostedIndex, _ edition: HostedIndex.Edition, yearGiven: Bool) throws -> Response {
        let view = edition.view, format = pages.format
        let framework = view.build.framework
        // Weights as the build applied them; the metadata's if the spec cannot say (it built, so it can).
        let weights = (try? view.build.appliedWeights(spec: view.spec)) ?? framework.weights
        let steps = view.spec.steps.map { step -> [String: Any] in
            let words = StepDescription(step, groupName: index.labels.name, pages: pages)
            return ["title": words.title, "text": words.text]
        }
        let rawSpec = String(decoding: (try? Self.specEncoder.encode(view.spec)) ?? Data(), as: UTF8.self)
        let name = { (code: String) in framework.index(of: code).map { framework.nodes[$0].name } ?? code }
        let groups = (edition.audit?.groups ?? []).filter { !$0.name.hasPrefix("level") }.map { g -> [String: Any] in
            var row: [String: Any] = [
                "name": name(g.name), "k": g.members.count, "alpha": format.score(g.alpha),
                "pc1": g.pca.map { format.number($0.explained[0] * 100, decimals: 0) + "%" } ?? "—",
            ]
            row["flag"] = g.alphaFlag.map { pages.phrase("methodology.flag." + $0.rawValue) }
            return row
        }
        let tree = FrameworkTree(
            title: pages.phrase("methodology.treeTitle", ["index": index.name]), root: Self.outline(framework, weights: weights, root: pages.phrase("methodology.framework")),
            words: pages.chartWords)
        return try pages.render("methodology", [
            "title": pages.phrase("methodology.titleFor", ["index": index.name]), "indexName": index.name,
            "heading": pages.phrase("methodology.heading", ["index": index.name]),
            "editions": pages.phrase("methodology.editions", ["years": RankingQuery.years(index), "year": String(edition.year)]),
            "buildIntro": pages.phrase("methodology.buildIntro", ["year": String(edition.year)]),
            "rankingCSV": pages.phrase("methodology.rankingCSV", ["year": String(edition.year)]),
            "workbook": pages.phrase("methodology.workbook", ["year": String(edition.year)]), "slug": index.slug, "year": edition.year,
            "yearQuery": yearGiven ? "?year=\(edition.year)" : "", "provenance": index.provenance, "description": index.description,
            "years": RankingQuery.years(index), "hasYears": index.editions.count > 1,
            "tree": tree.svg(), "indicators": Self.indicators(framework, weights: weights, pages: pages),
            "hasSources": framework.indicators.contains { $0.source != nil },
            "steps": steps, "spec": rawSpec, "groups": groups, "hasAudit": edition.audit != nil,
            "hasFlags": groups.contains { $0["flag"] != nil },
            "sensitivity": sensitivity(index, edition, format: format), "hasSensitivity": edition.sensitivity != nil,
        ])
    }

    /// The spec as the page shows it in full: indented, keys in order.
    static let specEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The framework from its top node down, each element with its share of its parent's weight.
    /// `root` names the node that gathers several top nodes, when no single index is above them.
    static func outline(_ framework: Framework, weights: [Double], root: String) -> FrameworkTree.Node {
        func node(_ i: Int, share: Double?) -> FrameworkTree.Node {
            let children = framework.children[i]
            let total = children.reduce(0) { $0 + weights[$1] }
            return FrameworkTree.Node(framework.nodes[i].name, share: share, children: children.map { c in node(c, share: total > 0 ? weights[c] / total : nil) })
        }
        let tops = framework.nodes.indices.filter { framework.parentIndex[$0] == nil && framework.nodes[$0].level == framework.topLevel }
        guard tops.count == 1, let top = tops.first else {
            // Several top nodes (no single index above them): a root that only gathers them.
            return FrameworkTree.Node(root, children: tops.map { node($0, share: nil) })
        }
        return node(top, share: nil)
    }

    /// The indicator table: name, code, unit, source, direction in words, weight and share of the parent's, parent.
    static func indicators(_ framework: Framework, weights: [Double], pages: Pages) -> [[String: Any]] {
        let format = pages.format
        return framework.indicators.indices.map { i in
            let node = framework.nodes[i]
            let parent = framework.parentIndex[i]
            let siblings = parent.map { framework.children[$0] } ?? []
            let total = siblings.reduce(0) { $0 + weights[$1] }
            return [
                "name": node.name, "code": node.code, "unit": node.unit.flatMap { $0.isEmpty || $0 == "NA" ? nil : $0 } ?? "—", "source": node.source ?? "—",
                "direction": pages.phrase(node.direction < 0 ? "methodology.lowerBetter" : "methodology.higherBetter"),
                "weight": format.count(weights[i]), "share": total > 0 ? format.number(weights[i] / total * 100, decimals: 1) + " %" : "—",
                "parent": parent.map { framework.nodes[$0].name } ?? "—",
            ]
        }
    }

    /// The sensitivity section: the Sobol chart and its table, or nothing without an analysis.
    private func sensitivity(_ index: HostedIndex, _ edition: HostedIndex.Edition, format: PageFormat) -> [String: Any] {
        guard let sa = edition.sensitivity else { return [:] }
        let chart = SobolChart(title: pages.phrase("methodology.sobolTitle", ["index": index.name, "year": String(edition.year)]), analysis: sa, words: pages.chartWords)
        // A semicolon between the bounds where the decimal separator is a comma.
        let between = pages.phrase("format.decimalSeparator") == "," ? "; " : ", "
        let estimate = { (value: Double, low: Double, high: Double) in
            format.number(value, decimals: 3) + (low.isFinite && high.isFinite ? " [\(format.number(low, decimals: 3))\(between)\(format.number(high, decimals: 3))]" : "")
        }
        let statistic = switch sa.statistic {
        case .meanAbsoluteRankChange: pages.phrase("methodology.meanRankChange")
        case let .score(unit): pages.phrase("methodology.headlineOf", ["unit": edition.view.row(unit)?.name ?? unit])
        }
        let level = format.number(sa.indices.confidence * 100, decimals: 1)
        return [
            "chart": chart.svg(), "level": level,
            "sobolText": pages.phrase("methodology.sobolText", ["runs": String(sa.runs), "statistic": statistic]),
            "sobolCaption": pages.phrase("methodology.sobolCaption", ["level": level]),
            "firstOrder": pages.phrase("methodology.firstOrder", ["level": level]), "totalOrder": pages.phrase("methodology.totalOrder", ["level": level]),
            "rows": chart.inputs.map { input -> [String: Any] in
                let i = input.index
                return ["input": input.label, "first": estimate(i.first, i.firstLow, i.firstHigh), "total": estimate(i.total, i.totalLow, i.totalHigh)]
            },
        ]
    }
}
