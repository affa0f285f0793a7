import Foundation
import IndexEngine

/// An index the platform hosts: what it is, where it comes from, and one edition per year it
/// covers.
///
/// Static indices are built from files at start-up (`HostedIndex.load`); others come from an
/// `IndexCatalogue`'s source (an index computed from the store, say) and may change while the
/// platform runs. Both are shown by the same pages and API, which depend on nothing else.
public struct HostedIndex: Sendable {
    /// One year of the index: its build as the pages show it, with the analyses made of it.
    public struct Edition: Sendable {
        /// The year the edition covers.
        public var year: Int
        /// The units' scores and ranks.
        public var view: IndexView
        /// Its reliability and structure, when audited.
        public var audit: AuditReport?
        /// Its sensitivity analysis, when one was run; `view`'s rank intervals come from it.
        public var sensitivity: SensitivityAnalysis?

        /// Creates an edition.
        public init(year: Int, view: IndexView, audit: AuditReport? = nil, sensitivity: SensitivityAnalysis? = nil) {
            self.year = year
            self.view = view
            self.audit = audit
            self.sensitivity = sensitivity
        }
    }

    /// The index's address under `/indices/`: lower-case letters, digits and single hyphens.
    public var slug: String
    /// Its name, as headings show it.
    public var name: String
    /// What it measures, in a sentence or two.
    public var description: String
    /// Where its data and method come from.
    public var provenance: String
    /// Its editions, oldest first, one per year.
    public let editions: [Edition]
    /// Plain names of its group columns and their values, for filters and downloads.
    public var labels: GroupLabels
    /// Where a unit's link leads instead of the index's own unit profile (a community's
    /// profile, say), or `nil` to keep the index's profile.
    public var unitPage: @Sendable (String) -> String?

    /// Creates an index; `editions` are put in order of year, and only the last of several
    /// editions of one year is kept.
    public init(
        slug: String, name: String, description: String, provenance: String, editions: [Edition], labels: GroupLabels = GroupLabels(),
        unitPage: @escaping @Sendable (String) -> String? = { _ in nil }
    ) {
        self.slug = slug
        self.name = name
        self.description = description
        self.provenance = provenance
        var byYear: [Int: Edition] = [:]
        for edition in editions { byYear[edition.year] = edition }
        self.editions = byYear.keys.sorted().compactMap { byYear[$0] }
        self.labels = labels
        self.unitPage = unitPage
    }

    /// The years covered, ascending.
    public var years: [Int] { editions.map(\.year) }

    /// The latest edition, if there is one.
    public var latest: Edition? { editions.last }

    /// The edition of `year`, if the index covers it.
    public func edition(_ year: Int) -> Edition? { editions.first { $0.year == year } }

    /// The edition before `year`'s, against which rank changes are counted.
    public func edition(before year: Int) -> Edition? { editions.last { $0.year < year } }

    /// The address of a unit's page: `unitPage`'s, or the index's own profile of the unit.
    func unitLink(_ code: String, year: Int? = nil) -> String {
        if let elsewhere = unitPage(code) { return elsewhere }
        let path = "/indices/\(slug)/units/" + (code.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? code)
        return path + (year.map { "?year=\($0)" } ?? "")
    }

    /// Whether `slug` can name an index: 1–64 lower-case letters, digits and single hyphens,
    /// neither first nor last, so that it is one safe path segment.
    public static func isValidSlug(_ slug: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        return (1...64).contains(slug.count) && slug.allSatisfy(allowed.contains) && !slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--")
    }
}

/// Plain names for an index's group columns and their values, so that pages read
/// "GDP per capita group: XL" rather than `GDPpc_group: XL`.
public struct GroupLabels: Sendable, Equatable {
    /// The name of each group column, by its code.
    public var names: [String: String]
    /// The names of a column's values, by column code and value; a value without one is shown as it is.
    public var values: [String: [String: String]]

    /// Creates labels.
    public init(names: [String: String] = [:], values: [String: [String: String]] = [:]) {
        self.names = names
        self.values = values
    }

    /// The group column's name, or its code when it has none.
    public func name(_ group: String) -> String { names[group] ?? group }

    /// The value's name, or the value itself.
    public func value(_ value: String, of group: String) -> String { values[group]?[value] ?? value }

    /// "GDP per capita group: XL".
    public func label(_ group: String, _ value: String) -> String { "\(name(group)): \(self.value(value, of: group))" }
}

extension CharacterSet {
    /// The characters that may stand unescaped in one path segment.
    static let urlPathSegmentAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))
}
