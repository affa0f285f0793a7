import Foundation
import Testing
@testable import IndexEngine

/// The audit report of the ASEM example, checked against NumPy/SciPy computations on COINr's own
/// output (Tests/IndexEngineTests/Reference/COINr/asem_*.csv, which the engine reproduces to 1e-9),
/// and the files `AuditWriter` makes of it.
@Suite("Audit: report and writer on ASEM")
struct AuditReportASEMTests {
    @Test("an unknown stage is refused by name, listing the stages")
    func unknownStage() throws {
        let (spec, _, result) = try AuditKit.asem()
        let error = #expect(throws: IndexEngineError.self) { try AuditReport.make(result, spec: spec, stage: "Cooked") }
        #expect(error?.kind == .unknownCode && error?.column == "stage")
        #expect(error?.message.contains("'Cooked'") == true && error?.message.contains("Raw, Denominated, Imputed, Screened, Treated, Normalised, Aggregated") == true,
                "\(String(describing: error))")
        // A named stage is used.
        let raw = try AuditReport.make(result, spec: spec, stage: "Raw")
        #expect(raw.stage == "Raw" && raw.statistics.count == 49)
        // ConSpeed misses 8 of the 51 raw values (COINr's asem_Raw.csv), none once imputed.
        let conSpeed = try #require(raw.statistics.first { $0.code == "ConSpeed" })
        #expect(conSpeed.n == 43 && close(conSpeed.availability, 43.0 / 51))
        #expect(try AuditReport.make(result, spec: spec, stage: "Imputed").statistics.first { $0.code == "ConSpeed" }?.n == 51)
    }

    @Test("groups for every aggregate and level, with alpha and PCA as NumPy computes them")
    func groups() throws {
        let (spec, _, result) = try AuditKit.asem()
        let report = try AuditReport.make(result, spec: spec)
        let framework = result.framework
        #expect(report.stage == "Normalised", "the stage before aggregation by default")
        let groups = Dictionary(uniqueKeysWithValues: report.groups.map { ($0.name, $0) })
        let aggregates = (framework.indicatorCount..<framework.nodes.count).map { framework.nodes[$0].code }
        #expect(aggregates.count == 11)
        for (i, code) in zip(framework.indicatorCount..<framework.nodes.count, aggregates) {
            let group = try #require(groups[code], "no group for \(code)")
            #expect(group.members == framework.children[i].map { framework.nodes[$0].code })
            #expect(!group.alpha.isNaN && group.pca != nil, "\(code)")
        }
        #expect(groups["level 1"]?.members.count == 49 && groups["level 2"]?.members.count == 8 && groups["level 3"]?.members == ["Conn", "Sust"])
        #expect(report.groups.count == 11 + 3)

        // numpy on COINr's aggregated data: k/(k-1)*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1)).
        let alphas: [String: Double] = [
            "Physical": 0.6633660084153254, "Social": 0.8856673721605208, "Sust": -0.28981095087620723, "Index": 0.7024252314117372,
        ]
        for (code, alpha) in alphas { #expect(close(groups[code]?.alpha ?? .nan, alpha, relative: 1e-7), "alpha \(code): \(groups[code]?.alpha ?? .nan) vs \(alpha)") }
        // numpy.linalg.eigh(numpy.corrcoef(children)) eigenvalues, descending.
        let sust = try #require(groups["Sust"]?.pca)
        AuditKit.expectClose(sust.eigenvalues, [1.1163764949241406, 1.0592694104840368, 0.8243540945918224], relative: 1e-7, "Sust eigenvalues")
        AuditKit.expectClose(sust.explained, [0.37212549830804686, 0.35308980349467894, 0.27478469819727414], relative: 1e-7, "Sust explained")
        let physical = try #require(groups["Physical"]?.pca)
        AuditKit.expectClose(physical.eigenvalues, [2.9012596856112665, 1.5035002762624863, 1.170862530499341, 0.8316232960611474,
                                                    0.6416982049027312, 0.40089278766173925, 0.3448751863934223, 0.205288032607866], relative: 1e-7, "Physical eigenvalues")
        #expect(physical.n == 51)
    }

    @Test("statistics, correlations, effective weights and remove-one against references")
    func contents() throws {
        let (spec, _, result) = try AuditKit.asem()
        let report = try AuditReport.make(result, spec: spec)
        let framework = result.framework
        #expect(report.statistics.map(\.code) == framework.indicators.map(\.code))
        // numpy/scipy on COINr's Normalised stage: mean, median, std(ddof=1), skew(bias=False), kurtosis(bias=False).
        let flights = try #require(report.statistics.first { $0.code == "Flights" })
        #expect(flights.n == 51 && flights.zeros == 1 && flights.unique == 50 && flights.min == 0 && flights.max == 100)
        #expect(close(flights.mean, 21.792074166247488, relative: 1e-8) && close(flights.median, 14.1080294628903, relative: 1e-8))
        #expect(close(flights.sd, 23.646328446208397, relative: 1e-8))
        #expect(close(flights.skew, 1.7538116254508294, relative: 1e-8) && close(flights.kurtosis, 3.2469219917528678, relative: 1e-8))
        let forest = try #require(report.statistics.first { $0.code == "Forest" })
        #expect(close(forest.skew, -1.423969566368947, relative: 1e-8) && close(forest.kurtosis, 1.7988027413926702, relative: 1e-8) && forest.zeros == 3)

        // Correlations on the aggregated data: scipy.stats.pearsonr and spearmanr for r and Pearson's
        // p; Spearman's p (51 units, no ties) by R's AS 89 Edgeworth series, computed in Python from
        // the published algorithm (which gives pspearman(36, 10)'s published 0.005825634). Far in
        // the tail the series falls below zero and is clamped, so LPI–Physical's p is 0, as in R.
        func entry(_ x: String, _ y: String, _ method: Correlation.Method) -> Correlation? {
            report.correlations.first { $0.x == x && $0.y == y && $0.method == method }?.correlation
        }
        let references: [(String, String, Correlation.Method, Double, Double)] = [
            ("LPI", "Physical", .pearson, 0.7670016533434039, 5.266287202612609e-11),
            ("LPI", "Physical", .spearman, 0.7535746606334841, 0),
            ("Environ", "Social", .pearson, -0.11481114759385691, 0.42241016458379577),
            ("Environ", "Social", .spearman, -0.11411764705882352, 0.4240891486202919),
        ]
        for (x, y, method, r, p) in references {
            let c = try #require(entry(x, y, method), "\(x)–\(y) \(method)")
            #expect(c.n == 51 && close(c.r, r, relative: 1e-7) && close(c.p, p, relative: 1e-6), "\(x)–\(y) \(method): \(c)")
        }
        #expect(report.correlations.first { $0.x == "LPI" && $0.y == "Physical" }?.relation == .ancestor)
        #expect(report.correlations.first { $0.x == "Environ" && $0.y == "Social" }?.relation == .siblings)
        // Two methods × (sibling pairs + node–ancestor pairs).
        let pairs = framework.children.reduce(0) { $0 + $1.count * ($1.count - 1) / 2 }
        let ancestors = framework.nodes.indices.reduce(0) { total, node in
            var depth = 0, a = framework.parentIndex[node]
            while let p = a { depth += 1; a = framework.parentIndex[p] }
            return total + depth
        }
        #expect(report.correlations.count == 2 * (pairs + ancestors))
        #expect(pairs == 154 && ancestors == 49 * 3 + 8 * 2 + 2)  // C(8,2) + C(5,2) + C(3,2) + C(6,2) + C(8,2) + C(5,2) + C(9,2) + C(5,2) + C(5,2) + C(3,2) + C(2,2)

        // Effective weights with the metadata's equal weights: LPI = 1/2 · 1/5 · 1/8 = 0.0125, Sust's pillars 1/6.
        let weights = Dictionary(uniqueKeysWithValues: report.effectiveWeights.map { ($0.code, $0.weight) })
        #expect(close(weights["LPI"] ?? .nan, 0.0125, relative: 1e-14) && close(weights["Social"] ?? .nan, 1.0 / 6, relative: 1e-14) && weights["Index"] == 1)
        #expect(close(framework.indicators.reduce(0) { $0 + weights[$1.code]! }, 1, relative: 1e-12))
        #expect(report.removeOne.removals.count == framework.nodes.count - 1)
        #expect(report.removeOne == (try RemoveOne.analyse(result, spec: spec)))
    }

    @Test("an aggregate step with a weight set is audited with those weights")
    func weightSet() throws {
        let (spec, _, result) = try AuditKit.asem { spec in
            spec.weightSets["heavy"] = ["Conn": 3]
            if case var .aggregate(step) = spec.steps[5] { step.weights = "heavy"; spec.steps[5] = .aggregate(step) }
        }
        let report = try AuditReport.make(result, spec: spec)
        let weights = Dictionary(uniqueKeysWithValues: report.effectiveWeights.map { ($0.code, $0.weight) })
        // Conn 3/4, Sust 1/4; LPI = 3/4 · 1/5 · 1/8.
        #expect(close(weights["Conn"] ?? .nan, 0.75, relative: 1e-14) && close(weights["LPI"] ?? .nan, 0.75 / 40, relative: 1e-14))
    }

    /// Reads a CSV file the writer made.
    static func read(_ directory: String, _ name: String) throws -> CSVTable {
        try CSVTable.read(path: directory + "/" + name)
    }

    @Test("the writer writes every file; each reads back with its header and row count")
    func writer() throws {
        let (spec, _, result) = try AuditKit.asem()
        let report = try AuditReport.make(result, spec: spec)
        try Fixtures.withTemporaryDirectory { dir in
            let out = dir + "/audit/nested"
            try AuditWriter(directory: out).write(report)
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            #expect(files == ["audit.json", "correlations.csv", "effective-weights.csv", "pca.csv", "reliability.csv", "remove-one.csv", "statistics.csv"])

            let statistics = try Self.read(out, "statistics.csv")
            #expect(statistics.header == ["code", "n", "availability", "min", "max", "mean", "median", "sd", "skew", "kurtosis", "zeros", "unique", "flags"])
            #expect(statistics.rows.count == 49)
            let flights = try #require(statistics.rows.first { $0[0] == "Flights" })
            let stat = try #require(report.statistics.first { $0.code == "Flights" })
            #expect(Double(flights[8]) == stat.skew && Double(flights[5]) == stat.mean && flights[10] == "1", "numbers read back exactly")
            let flagged = report.statistics.filter { !$0.flags.isEmpty }
            #expect(statistics.rows.filter { !$0[12].isEmpty }.count == flagged.count)

            let correlations = try Self.read(out, "correlations.csv")
            #expect(correlations.header == ["x", "y", "relation", "method", "r", "n", "p"])
            #expect(correlations.rows.count == report.correlations.count && correlations.rows.count == 2 * (154 + 165))

            let reliability = try Self.read(out, "reliability.csv")
            #expect(reliability.header == ["group", "members", "k", "alpha", "pc1Explained", "eigenvalues", "negativeLoadings"])
            #expect(reliability.rows.count == report.groups.count)
            let sust = try #require(reliability.rows.first { $0[0] == "Sust" })
            #expect(sust[1] == "Environ Social SusEcFin" && sust[2] == "3" && Double(sust[3]) == report.groups.first { $0.name == "Sust" }?.alpha)

            let pca = try Self.read(out, "pca.csv")
            #expect(pca.header == ["group", "code", "pc1Weight", "loadingPC1", "loadingPC2", "loadingPC3"])
            #expect(pca.rows.count == report.groups.reduce(0) { $0 + ($1.pca?.codes.count ?? 0) })
            // Two-member groups have two components: the third loading is NA.
            #expect(pca.rows.first { $0[0] == "Index" }?[5] == "NA")

            let weights = try Self.read(out, "effective-weights.csv")
            #expect(weights.header == ["code", "weight"] && weights.rows.count == result.framework.nodes.count)
            #expect(weights.rows.first { $0[0] == "LPI" }?[1] == "0.0125")

            let removeOne = try Self.read(out, "remove-one.csv")
            #expect(removeOne.header == ["uCode", "nominalRank"] + report.removeOne.removals.map(\.code))
            #expect(removeOne.rows.count == 51 + 1 && removeOne.rows.last?[0] == "meanAbsoluteChange")
            #expect(removeOne.rows.allSatisfy { $0.count == 2 + report.removeOne.removals.count })
            let che = try #require(removeOne.rows.first { $0[0] == "CHE" })
            #expect(che[1] == "1", "Switzerland ranks first")

            let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/audit.json"))) as? [String: Any])
            #expect(json["stage"] as? String == "Normalised")
            #expect((json["groups"] as? [Any])?.count == report.groups.count)
            #expect((json["removeOne"] as? [Any])?.count == report.removeOne.removals.count)
            #expect((json["flagged"] as? [Any])?.count == flagged.count)
        }
    }
}
