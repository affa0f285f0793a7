/// The statistical audit of a built index: statistics, correlations, reliability, structure,
/// effective weights and the effect of removing each element.
public struct AuditReport: Sendable {
    /// Reliability and structure of one aggregate's children, or of one level.
    public struct Group: Sendable, Equatable {
        /// The aggregate's code, or `level N`.
        public var name: String
        /// The codes of the columns analysed.
        public var members: [String]
        /// Cronbach's alpha of the members.
        public var alpha: Double
        /// Their principal components, if they could be computed.
        public var pca: PrincipalComponents?
        /// Whether `alpha` is a warning sign: `nil` when it is fine or unknown.
        public var alphaFlag: AlphaFlag?

        /// Why a group's alpha is a warning sign.
        public enum AlphaFlag: String, Sendable, Equatable {
            /// Below zero: the members' covariances are on the whole negative, so some move against
            /// the others and the aggregate averages opposing signals.
            case negative
            /// Between zero and the threshold: the members agree only weakly.
            case low

            /// The flag of `alpha` under `threshold`; nil for NaN or an alpha at or above it.
            public static func of(_ alpha: Double, threshold: Double) -> AlphaFlag? {
                guard !alpha.isNaN else { return nil }
                if alpha < 0 { return .negative }
                return alpha < threshold ? .low : nil
            }
        }
    }

    /// The stage the statistics describe.
    public var stage: String
    /// Statistics and flags of every column of that stage.
    public var statistics: [IndicatorStatistics]
    /// Correlations of siblings and of nodes with their ancestors, on the final data, by each method asked for.
    public var correlations: [CorrelationEntry]
    /// Alpha and PCA per aggregate and per level.
    public var groups: [Group]
    /// The effective weight of every node.
    public var effectiveWeights: [(code: String, weight: Double)]
    /// Rank changes when each element is removed.
    public var removeOne: RemoveOne

    /// Audits `result`, built from `spec` with all stages kept.
    ///
    /// - Parameters:
    ///   - stage: the stage whose statistics to report; the last stage before aggregation when `nil`.
    ///   - correlationMethods: the correlations to report, Pearson's and Spearman's unless asked.
    public static func make(
        _ result: BuildResult, spec: BuildSpec, stage name: String? = nil, thresholds: AuditThresholds = AuditThresholds(),
        correlationMethods: [Correlation.Method] = Correlation.Method.auditDefault
    ) throws(IndexEngineError) -> AuditReport {
        let framework = result.framework
        let aggregate = BuildTail.lastAggregate(in: spec)
        let defaultStage = aggregate.map { result.stages[$0].name } ?? result.stages.last?.name ?? "Raw"
        let stageName = name ?? defaultStage
        guard let stage = result.stages.first(where: { $0.name == stageName }) else {
            throw IndexEngineError(.unknownCode, "there is no stage '\(stageName)'; stages: \(result.stages.map(\.name).joined(separator: ", "))", column: "stage")
        }
        guard let final = result.stages.last else {
            throw IndexEngineError(.noData, "the build kept no stages", column: "stage")
        }
        let columns = (0..<final.values.columns).map { final.values.column($0) }
        var groups: [Group] = []
        func group(_ name: String, _ members: [Int]) {
            let present = members.filter { $0 < columns.count }
            guard present.count >= 2 else { return }
            let data = present.map { columns[$0] }
            let codes = present.map { framework.nodes[$0].code }
            let alpha = CronbachAlpha.of(data)
            groups.append(Group(name: name, members: codes, alpha: alpha, pca: PrincipalComponents.of(data, codes: codes), alphaFlag: .of(alpha, threshold: thresholds.alpha)))
        }
        for node in framework.nodes.indices where !framework.children[node].isEmpty {
            group(framework.nodes[node].code, framework.children[node])
        }
        for level in 1..<max(2, framework.topLevel) {
            group("level \(level)", framework.nodes.indices.filter { framework.nodes[$0].level == level })
        }
        let effective = EffectiveWeights.of(framework, weights: try result.appliedWeights(spec: spec))
        return AuditReport(
            stage: stageName,
            statistics: IndicatorStatistics.of(stage, in: result, thresholds: thresholds),
            correlations: CorrelationEntry.table(final, framework: framework, methods: correlationMethods),
            groups: groups,
            effectiveWeights: zip(framework.nodes.map(\.code), effective).map { (code: $0, weight: $1) },
            removeOne: aggregate == nil ? RemoveOne(units: [], nominal: [], removals: []) : try RemoveOne.analyse(result, spec: spec))
    }
}
