import Foundation

extension AnalystAssignment {
    /// Why an analyst may not review a nomination.
    public enum ExclusionReason: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
        /// The analyst declared a conflict with the nomination or its community.
        case declaredConflict
        /// The analyst and the community share a country.
        case sameCountry
        /// The analyst and the community share a region.
        case sameRegion
        /// The analyst works for the organisation behind the nomination.
        case sameAffiliation
        /// The organisers forbade the pair.
        case forbiddenByOverride

        /// The reason in words.
        public var description: String {
            switch self {
            case .declaredConflict: "declared conflict"
            case .sameCountry: "same country"
            case .sameRegion: "same region"
            case .sameAffiliation: "same affiliation"
            case .forbiddenByOverride: "forbidden by override"
            }
        }
    }

    /// A nomination and an analyst kept apart, with every reason that applies.
    public struct Exclusion: Sendable, Equatable, Hashable {
        /// The nomination's identifier.
        public var nomination: String
        /// The analyst's identifier.
        public var analyst: String
        /// The reasons, in the order of `ExclusionReason.allCases`.
        public var reasons: [ExclusionReason]

        /// An exclusion.
        public init(nomination: String, analyst: String, reasons: [ExclusionReason]) {
            self.nomination = nomination
            self.analyst = analyst
            self.reasons = reasons
        }
    }

    /// Per nomination, the analysts (by index) the rules and the forbidden overrides exclude, with the reasons.
    func exclusionTable() -> [[(analyst: Int, reasons: [ExclusionReason])]] {
        let forbidden = Set(overrides.forbidden)
        let analystKeys = analysts.map(ConflictKeys.init)
        return nominations.map { nomination in
            let keys = ConflictKeys(nomination)
            return analysts.indices.compactMap { j in
                let reasons = exclusionReasons(nomination, keys, analysts[j], analystKeys[j], forbidden: forbidden)
                return reasons.isEmpty ? nil : (j, reasons)
            }
        }
    }

    /// An exclusion table as records, in nomination then analyst order.
    func exclusionRecords(_ table: [[(analyst: Int, reasons: [ExclusionReason])]]) -> [Exclusion] {
        zip(nominations, table).flatMap { nomination, excluded in
            excluded.map { Exclusion(nomination: nomination.id, analyst: analysts[$0.analyst].id, reasons: $0.reasons) }
        }
    }

    /// The reasons `analyst` may not review `nomination` under these rules, empty if none.
    func exclusionReasons(_ nomination: Nomination, _ analyst: Analyst, forbidden: Set<Pairing>) -> [ExclusionReason] {
        exclusionReasons(nomination, ConflictKeys(nomination), analyst, ConflictKeys(analyst), forbidden: forbidden)
    }

    private func exclusionReasons(
        _ nomination: Nomination, _ n: ConflictKeys, _ analyst: Analyst, _ a: ConflictKeys, forbidden: Set<Pairing>
    ) -> [ExclusionReason] {
        var reasons: [ExclusionReason] = []
        if analyst.declaredConflicts.contains(nomination.id) || analyst.declaredConflicts.contains(nomination.community) {
            reasons.append(.declaredConflict)
        }
        if conflictRules.sameCountry && ConflictKeys.match(n.country, a.country) { reasons.append(.sameCountry) }
        if conflictRules.sameRegion && ConflictKeys.match(n.region, a.region) { reasons.append(.sameRegion) }
        if conflictRules.sameAffiliation && ConflictKeys.match(n.affiliation, a.affiliation) { reasons.append(.sameAffiliation) }
        if !forbidden.isEmpty && forbidden.contains(Pairing(nomination: nomination.id, analyst: analyst.id)) {
            reasons.append(.forbiddenByOverride)
        }
        return reasons
    }
}

/// The attributes the conflict rules compare, normalised once: trimmed, lower-cased, nil when blank.
private struct ConflictKeys {
    let country: String?
    let region: String?
    let affiliation: String?

    init(_ nomination: AnalystAssignment.Nomination) {
        country = Self.normalised(nomination.country)
        region = Self.normalised(nomination.region)
        affiliation = Self.normalised(nomination.affiliation)
    }

    init(_ analyst: AnalystAssignment.Analyst) {
        country = Self.normalised(analyst.country)
        region = Self.normalised(analyst.region)
        affiliation = Self.normalised(analyst.affiliation)
    }

    /// Whether two attributes name the same thing; unknown attributes never match.
    static func match(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a == b
    }

    private static func normalised(_ s: String?) -> String? {
        guard let trimmed = s?.trimmingCharacters(in: .whitespaces).lowercased(), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
