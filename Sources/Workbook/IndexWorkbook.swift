import IndexEngine

/// The workbook of an index build, laid out like COINr's Excel export: one sheet per table,
/// each the same table as the build's CSV file of that name, so that the two agree number
/// for number.
///
/// Sheets, in order: `Results` (ranks and scores, as `results.csv`), `Uncertainty` (rank and
/// score intervals, with an uncertainty analysis), one sheet per stage of the build (`Raw`,
/// `Denominated`, `Imputed`, `Screened`, `Treated`, `Normalised`, `Aggregated`: those the
/// spec has, as `stages/<Stage>.csv`), `Treatment` (as `treatment.csv`), `Weights` (every
/// indicator and aggregate with its parent, the weight the aggregation used and its effective
/// weight in the index), `Spec` (the spec's settings, one per row) and, with an audit,
/// `Statistics`, `Correlations`, `Reliability` (Cronbach's alpha and the first component's
/// share), `PCA` and `Remove one`, as `civic audit` writes them.
///
/// Missing values (NaN) are empty cells.
public enum IndexWorkbook {
    /// The workbook of one year's build.
    public static func make(
        _ result: BuildResult, spec: BuildSpec, audit: AuditReport? = nil, uncertainty: UncertaintyAnalysis? = nil
    ) throws(IndexEngineError) -> Workbook {
        var sheets = [Worksheet("Results", ResultsWriter.resultsTable(result))]
        if let uncertainty { sheets.append(Worksheet("Uncertainty", AnalysisWriter.uncertaintyTable(uncertainty))) }
        sheets += result.stages.map { Worksheet($0.name, ResultsWriter.stageTable($0, result: result)) }
        sheets.append(Worksheet("Treatment", ResultsWriter.treatmentTable(result.log.treatment)))
        sheets.append(Worksheet("Weights", try weights(result, spec: spec)))
        sheets.append(Worksheet("Spec", SpecRows.table(spec)))
        if let audit { sheets += auditSheets(audit) }
        return Workbook(sheets: sheets)
    }

    /// The workbook of every year of a panel: the results, stage and treatment sheets carry a
    /// `Time` column, as the panel's CSV files do. It has no audit sheets: an audit is of one
    /// year (`civic build --year`).
    public static func make(_ panel: PanelBuild, spec: BuildSpec) throws(IndexEngineError) -> Workbook {
        guard let first = panel.results.first else { return Workbook(sheets: [Worksheet("Spec", SpecRows.table(spec))]) }
        var sheets = [Worksheet("Results", ResultsWriter.resultsTable(panel))]
        sheets += first.stages.indices.map { Worksheet(first.stages[$0].name, ResultsWriter.stageTable(panel, stage: $0)) }
        sheets.append(Worksheet("Treatment", ResultsWriter.treatmentTable(panel)))
        sheets.append(Worksheet("Weights", try weights(first, spec: spec)))
        sheets.append(Worksheet("Spec", SpecRows.table(spec)))
        return Workbook(sheets: sheets)
    }

    /// The audit's tables, as `civic audit` writes them (its effective weights are on `Weights`).
    static func auditSheets(_ audit: AuditReport) -> [Worksheet] {
        [
            Worksheet("Statistics", AuditWriter.statisticsTable(audit.statistics)),
            Worksheet("Correlations", AuditWriter.correlationsTable(audit.correlations)),
            Worksheet("Reliability", AuditWriter.reliabilityTable(audit.groups)),
            Worksheet("PCA", AuditWriter.pcaTable(audit.groups)),
            Worksheet("Remove one", AuditWriter.removeOneTable(audit.removeOne)),
        ]
    }

    /// Every indicator and aggregate: code, name, level, parent, the weight the spec's
    /// aggregation gives it and its effective weight in the index.
    static func weights(_ result: BuildResult, spec: BuildSpec) throws(IndexEngineError) -> OutputTable {
        let framework = result.dataset.framework
        let weights = try result.appliedWeights(spec: spec)
        let effective = EffectiveWeights.of(framework, weights: weights)
        return OutputTable(header: ["code", "name", "level", "parent", "weight", "effectiveWeight"], rows: framework.nodes.indices.map { i in
            let node = framework.nodes[i]
            return [.text(node.code), .text(node.name), .count(node.level), .text(node.parent ?? ""), .number(weights[i]), .number(effective[i])]
        })
    }
}
