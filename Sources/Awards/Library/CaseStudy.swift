/// A best practice written up by a community for the network's library: what it did, for which
/// factors, and what came of it.
public struct CaseStudy: Sendable, Codable, Equatable {
    /// Whether a case study can be read by the public.
    public enum State: String, Sendable, Codable, CaseIterable {
        /// Being written; seen only by its author and the editors.
        case draft
        /// In the public library.
        case published
    }

    /// A stable identifier in the address of the case study: lower-case letters, digits and dashes.
    public var id: String
    /// The community's stable id (`Community.id`): the community account bound to it owns the case study.
    public var community: String
    /// The community's name.
    public var communityName: String
    /// The community's country.
    public var country: String
    /// The headline.
    public var title: String
    /// A paragraph that says what was done and what came of it.
    public var summary: String
    /// The full text: plain text, paragraphs separated by blank lines.
    public var body: String
    /// The codes of the factors the practice serves (`Connect`, `Include`, …).
    public var factors: [String]
    /// The year the practice is reported for.
    public var year: Int
    /// Draft or published.
    public var state: State
    /// The day the case study was published (`YYYY-MM-DD`); required once published.
    public var published: String?
    /// The account id of the person who wrote it.
    public var author: String

    /// The longest title accepted.
    public static let titleLimit = 200
    /// The longest summary accepted.
    public static let summaryLimit = 1_000
    /// The longest body accepted.
    public static let bodyLimit = 100_000

    /// Creates a case study; the community's id is derived from its name and country unless given.
    public init(
        id: String, communityName: String, country: String, title: String, summary: String, body: String,
        factors: [String], year: Int, state: State = .draft, published: String? = nil, author: String, community: String? = nil
    ) {
        self.id = id
        self.community = community ?? Community.id(name: communityName, country: country)
        self.communityName = communityName
        self.country = country
        self.title = title
        self.summary = summary
        self.body = body
        self.factors = factors
        self.year = year
        self.state = state
        self.published = published
        self.author = author
    }

    /// The body's paragraphs: blocks of text between blank lines, each line break inside a
    /// paragraph read as a space.
    public var paragraphs: [String] {
        var paragraphs: [String] = []
        var lines: [String] = []
        for line in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !lines.isEmpty { paragraphs.append(lines.joined(separator: " ")) }
                lines = []
            } else {
                lines.append(trimmed)
            }
        }
        if !lines.isEmpty { paragraphs.append(lines.joined(separator: " ")) }
        return paragraphs
    }

    /// Every problem with the case study, one error per field.
    public func problems() -> [AwardsError] {
        var problems: [AwardsError] = []
        if !Self.isSlug(id) {
            problems.append(AwardsError(.invalidValue, "the id must be 1 to 120 lower-case letters, digits and single dashes", field: "id"))
        }
        if communityName.allSatisfy(\.isWhitespace) {
            problems.append(AwardsError(.invalidValue, "the community's name is required", field: "communityName"))
        }
        if country.allSatisfy(\.isWhitespace) {
            problems.append(AwardsError(.invalidValue, "the country is required", field: "country"))
        }
        // The id is the community's, not derived from the name shown: the organisers may correct
        // a name without moving the case study to another community.
        if community.isEmpty || community.count > 300 {
            problems.append(AwardsError(.invalidValue, "the case study needs its community's id (at most 300 characters)", field: "community"))
        }
        checkText(title, field: "title", limit: Self.titleLimit, into: &problems)
        checkText(summary, field: "summary", limit: Self.summaryLimit, into: &problems)
        checkText(body, field: "body", limit: Self.bodyLimit, into: &problems)
        checkText(communityName, field: "communityName", named: "community's name", limit: Self.titleLimit, required: false, into: &problems)
        let known = Set(Factor.standard.map(\.code))
        var seen = Set<String>()
        for code in factors {
            if !known.contains(code) {
                problems.append(AwardsError(.unknownReference, "there is no factor '\(code)'", field: "factors"))
            } else if !seen.insert(code).inserted {
                problems.append(AwardsError(.invalidValue, "the factor '\(code)' is named twice", field: "factors"))
            }
        }
        if !(1900...2999).contains(year) {
            problems.append(AwardsError(.invalidValue, "the year must lie between 1900 and 2999, not \(year)", field: "year"))
        }
        if let published, !CalendarDate.isValid(published) {
            problems.append(AwardsError(.invalidValue, "'\(published)' is not a date (YYYY-MM-DD)", field: "published"))
        } else if state == .published, published == nil {
            problems.append(AwardsError(.invalidValue, "a published case study needs its date of publication", field: "published"))
        }
        if author.allSatisfy(\.isWhitespace) || author.count > 64 {
            problems.append(AwardsError(.invalidValue, "the author's account id is required (at most 64 characters)", field: "author"))
        }
        return problems
    }

    /// Publishes the case study on `date` (`YYYY-MM-DD`) after checking it.
    public mutating func publish(on date: String) throws(AwardsError) {
        var published = self
        published.state = .published
        published.published = date
        if let first = published.problems().first { throw first }
        self = published
    }

    /// An id made from `text`: folded to lower-case ASCII letters and digits, words joined by dashes.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for scalar in CommunityName.fold(text).unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(120))
    }

    /// Whether `id` is a well-formed case study id.
    static func isSlug(_ id: String) -> Bool {
        guard (1...120).contains(id.count), !id.hasPrefix("-"), !id.hasSuffix("-"), !id.contains("--") else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Requires text up to `limit` characters, free of control characters other than line breaks
    /// and tabs (the search marks its matches with control characters, so text must not hold any).
    private func checkText(
        _ text: String, field: String, named name: String? = nil, limit: Int, required: Bool = true, into problems: inout [AwardsError]
    ) {
        let name = name ?? field
        if required, text.allSatisfy(\.isWhitespace) {
            problems.append(AwardsError(.invalidValue, "the \(name) is required", field: field))
        } else if text.count > limit {
            problems.append(AwardsError(.invalidValue, "the \(name) is longer than \(limit) characters", field: field))
        } else if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !["\n", "\r", "\t"].contains($0) }) {
            problems.append(AwardsError(.invalidValue, "the \(name) contains a control character", field: field))
        }
    }
}

extension Substring {
    /// The text without leading and trailing white space.
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
