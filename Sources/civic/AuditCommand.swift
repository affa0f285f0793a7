import ArgumentParser
import Foundation
import IndexEngine

/// `civic audit SPEC --out DIR`: the statistical audit of a built index.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Audit an index: statistics and flags, correlations, Cronbach's alpha, PCA, effective weights, removing each element.")

    @Argument(help: "The build spec (JSON).")
    var spec: String

    @Option(name: .shortAndLong, help: "The directory to write the audit to.")
    var out: String

    @Option(help: "The stage whose statistics to report (default: the last stage before aggregation).")
    var stage: String?

    @Option(
        name: .customLong("correlation"), parsing: .upToNextOption,
        help: "The correlations to report: pearson, spearman, kendall (default: pearson spearman).")
    var correlations: [Correlation.Method] = Correlation.Method.auditDefault

    func validate() throws {
        guard FileManager.default.fileExists(atPath: spec) else { throw ValidationError("The spec file '\(spec)' does not exist.") }
        guard !correlations.isEmpty, Set(correlations).count == correlations.count else {
            throw ValidationError("--correlation needs one or more different methods: pearson, spearman, kendall.")
        }
    }

    func run() throws {
        do throws(IndexEngineError) {
            let (spec, result, _) = try loadAndBuild(specPath: self.spec)
            let report = try AuditReport.make(result, spec: spec, stage: stage, correlationMethods: correlations)
            try AuditWriter(directory: out).write(report)
            let flagged = report.statistics.filter { !$0.flags.isEmpty }
            print("Audit of \(result.final.units.count) units, \(result.framework.indicatorCount) indicators (statistics at stage \(report.stage)).")
            print("Flagged: \(flagged.count)")
            for s in flagged { print("  \(s.code): \(s.flags.map(\.description).joined(separator: "; "))") }
            print("Cronbach's alpha and first principal component:")
            for g in report.groups {
                let explained = g.pca.map { String(format: "%.1f%%", $0.explained[0] * 100) } ?? "n/a"
                print("  \(g.name.padding(toLength: 12, withPad: " ", startingAt: 0)) k=\(g.members.count)  alpha \(String(format: "%.3f", g.alpha))  PC1 \(explained)")
            }
            let largest = report.removeOne.removals.filter { !$0.meanAbsoluteChange.isNaN }.sorted { $0.meanAbsoluteChange > $1.meanAbsoluteChange }.prefix(5)
            print("Largest mean rank changes when removed: " + largest.map { "\($0.code) \(String(format: "%.2f", $0.meanAbsoluteChange))" }.joined(separator: ", "))
            print("Wrote \(out)/statistics.csv, correlations.csv, reliability.csv, pca.csv, effective-weights.csv, remove-one.csv, audit.json.")
        } catch {
            throw reportFailure(error)
        }
    }
}

/// Reads the spec at `specPath`, loads its inputs and builds it with every stage kept.
///
/// - Returns: the spec, the build and the SHA-256 of the inputs.
func loadAndBuild(specPath: String) throws(IndexEngineError) -> (BuildSpec, BuildResult, String) {
    let spec = try BuildSpec.read(path: specPath)
    let directory = (specPath as NSString).deletingLastPathComponent
    let (dataset, inputHash) = try BuildInputs.load(spec, relativeTo: directory.isEmpty ? "." : directory)
    do {
        return (spec, try IndexBuild.run(dataset, spec: spec), inputHash)
    } catch {
        throw error.located(in: specPath)
    }
}

extension Correlation.Method: ExpressibleByArgument {}
