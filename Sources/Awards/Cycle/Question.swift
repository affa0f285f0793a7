import Foundation

/// One question of a cycle's questionnaire.
public struct Question: Sendable, Hashable, Codable {
    /// How a question is answered and scored.
    public enum Kind: Sendable, Hashable, Codable {
        /// A data point that feeds an index indicator: its code, unit and direction (+1 or −1).
        case quantitative(indicator: String, unit: String, direction: Double)
        /// A narrative answer that analysts score on the cycle's rubric.
        case narrative(rubric: String)
    }

    /// A stable identifier (`C1`, `W3`, …).
    public var id: String
    /// The factor the question belongs to.
    public var factor: String
    /// The question as asked, in English.
    public var text: String
    /// What the question means and how to answer it, in English; nil for none. Cycles stored
    /// before questions had help read back without it.
    public var help: String?
    /// The question in other languages, by language code (`fr`, `vi`); a language without one
    /// shows the English. Cycles stored before translations read back without any.
    public var translations: [String: Wording]?
    /// How it is answered and scored.
    public var kind: Kind
    /// The round: 1 for the nomination, 2 for the Top7 questionnaire.
    public var round: Int
    /// Whether a submitted nomination must answer it.
    public var required: Bool
    /// The smallest answer a quantitative question accepts (a share in per cent: 0).
    ///
    /// Every new cycle declares both ends for each of its quantitative questions (`Cycle.validate`).
    /// Cycles stored before questions had ranges read back without them; their answers are then
    /// held to `±largestMagnitude` only, which keeps every answer finite and exact as a whole
    /// number. A narrative question has no range.
    public var min: Double?
    /// The largest answer a quantitative question accepts (a share in per cent: 100).
    public var max: Double?

    /// The largest magnitude any number answer may have, whatever its question declares: 10^15,
    /// below 2^53, so that every whole answer is exact, converts to an integer and prints as one.
    public static let largestMagnitude: Double = 1e15

    /// A question's words in one language: its text and, if any, its help and the unit of a
    /// number answer.
    public struct Wording: Sendable, Hashable, Codable {
        public var text: String
        public var help: String?
        public var unit: String?

        public init(text: String, help: String? = nil, unit: String? = nil) {
            self.text = text
            self.help = help
            self.unit = unit
        }
    }

    /// Creates a question.
    public init(
        id: String, factor: String, text: String, help: String? = nil, translations: [String: Wording]? = nil, kind: Kind, round: Int = 1,
        required: Bool = true, min: Double? = nil, max: Double? = nil
    ) {
        self.id = id
        self.factor = factor
        self.text = text
        self.help = help
        self.translations = translations
        self.kind = kind
        self.round = round
        self.required = required
        self.min = min
        self.max = max
    }

    /// The question's words in `language` (a code such as `fr`): its translation where it has
    /// one, the English otherwise; a translation without help or unit takes the English ones.
    public func wording(in language: String) -> Wording {
        let translated = translations?[language]
        let unit: String? = if case let .quantitative(_, unit, _) = kind, !unit.isEmpty { unit } else { nil }
        return Wording(text: translated?.text ?? text, help: translated?.help ?? help, unit: translated?.unit ?? unit)
    }

    /// Whether the answer is a number.
    public var isQuantitative: Bool {
        if case .quantitative = kind { true } else { false }
    }

    /// The answers accepted: the declared range, or `±largestMagnitude` where an old cycle
    /// declares none (or declares one wider than that).
    public var accepted: ClosedRange<Double> {
        let low = Swift.max(min ?? -Self.largestMagnitude, -Self.largestMagnitude)
        let high = Swift.min(max ?? Self.largestMagnitude, Self.largestMagnitude)
        return low <= high ? low...high : low...low
    }

    /// The range in words, with the unit: `between 0 and 100 per cent`.
    public var rangeText: String {
        let unit: String = if case let .quantitative(_, u, _) = kind, !u.isEmpty { " " + u } else { "" }
        return "between \(Self.text(accepted.lowerBound)) and \(Self.text(accepted.upperBound))\(unit)"
    }

    /// What is wrong with `value` as an answer to this question, or nil: it must be a finite
    /// number within `accepted`. The error names the question.
    public func problem(with value: Double) -> AwardsError? {
        guard value.isFinite else { return AwardsError(.invalidValue, "the answer must be a finite number", field: id) }
        guard accepted.contains(value) else {
            return AwardsError(.invalidValue, "the answer must lie \(rangeText), not \(Self.text(value))", field: id)
        }
        return nil
    }

    /// Checks the question's words: a text, and translations each under a language code of two
    /// or three lower-case letters with a text. `field` locates the question (`questions[3]`).
    func validateWording(field: String) throws(AwardsError) {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw AwardsError(.invalidValue, "the question '\(id)' needs a text", field: "\(field).text")
        }
        for (code, wording) in (translations ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard (2...3).contains(code.count), code.allSatisfy({ ("a"..."z").contains($0) }) else {
                throw AwardsError(.invalidValue, "'\(code)' is not a language code (two or three lower-case letters, e.g. fr)", field: "\(field).translations")
            }
            guard !wording.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw AwardsError(.invalidValue, "the '\(code)' translation of '\(id)' needs a text", field: "\(field).translations.\(code).text")
            }
        }
    }

    /// Checks a range this question declares, as new settings must: both ends for a quantitative
    /// question, finite, the low end below the high end, within `±largestMagnitude`; none for a
    /// narrative question. `field` locates the question (`questions[3]`).
    func validateRange(field: String) throws(AwardsError) {
        guard isQuantitative else {
            guard min == nil, max == nil else {
                throw AwardsError(.invalidValue, "the narrative question '\(id)' cannot have a range", field: "\(field).min")
            }
            return
        }
        guard let min, let max else {
            throw AwardsError(
                .invalidValue, "the quantitative question '\(id)' needs a declared range (min and max), e.g. 0 and 100 for a share in per cent",
                field: "\(field).\(self.min == nil ? "min" : "max")")
        }
        let limit = Self.largestMagnitude
        for (name, value) in [("min", min), ("max", max)] where !(value.isFinite && abs(value) <= limit) {
            throw AwardsError(.invalidValue, "the \(name) of '\(id)' must be a finite number between \(Self.text(-limit)) and \(Self.text(limit)), not \(Self.text(value))", field: "\(field).\(name)")
        }
        guard min < max else {
            throw AwardsError(.invalidValue, "the range of '\(id)' needs a min below its max, not \(Self.text(min)) to \(Self.text(max))", field: "\(field).min")
        }
    }

    /// A number for messages: whole numbers without decimals (`100`, `0` for −0), others as Swift
    /// writes them (`12.5`, `1e+300`, `nan`). Never traps.
    static func text(_ value: Double) -> String {
        if value == value.rounded(), abs(value) <= largestMagnitude { return String(Int64(value)) }
        return "\(value)"
    }
}
