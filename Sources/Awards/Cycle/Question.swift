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
    /// The question as asked.
    public var text: String
    /// How it is answered and scored.
    public var kind: Kind
    /// The round: 1 for the nomination, 2 for the Top7 questionnaire.
    public var round: Int
    /// Whether a submitted nomination must answer it.
    public var required: Bool

    /// Creates a question.
    public init(id: String, factor: String, text: String, kind: Kind, round: Int = 1, required: Bool = true) {
        self.id = id
        self.factor = factor
        self.text = text
        self.kind = kind
        self.round = round
        self.required = required
    }

    /// Whether the answer is a number.
    public var isQuantitative: Bool {
        if case .quantitative = kind { true } else { false }
    }
}
