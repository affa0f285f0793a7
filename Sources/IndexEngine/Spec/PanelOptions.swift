/// How a build of panel data (several time points) treats time.
///
/// Written in a spec as `"panel": { "normalisation": "perYear" }` or `"pooled"`. Only
/// normalisation has a choice: denomination, imputation, screening and outlier treatment always
/// work year by year (panel imputation borrowing the unit's other years, as in a single build),
/// and aggregation works unit by unit.
public struct PanelOptions: Sendable, Codable, Equatable {
    /// Where a normalisation's parameters (min and max, mean and sd, ranks, …) come from.
    public enum Normalisation: String, Sendable, Codable, SpecChoice {
        /// Each year on its own: every year's scores equal a build of that year alone.
        case perYear
        /// All years' values of an indicator together, so that scores are comparable across years:
        /// a unit that improves moves up the scale even when every unit improves.
        case pooled
    }

    /// How normalisation treats time; `perYear` when absent.
    public var normalisation: Normalisation

    /// Creates the options.
    public init(normalisation: Normalisation = .perYear) {
        self.normalisation = normalisation
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["normalisation"])
        let c = try decoder.container(keyedBy: CodingKeys.self)
        normalisation = try c.value(.normalisation, default: .perYear)
    }
}
