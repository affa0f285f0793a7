/// A passage of a case study around the words a search found, with those words marked.
///
/// The passage is kept as plain parts, matched or not, so that each page can escape the text
/// for its own format before it highlights the matches.
public struct Snippet: Sendable, Codable, Equatable {
    /// A run of the passage: matched words or the text between them.
    public struct Part: Sendable, Codable, Equatable {
        /// The text, unescaped.
        public var text: String
        /// Whether the text is a match.
        public var match: Bool

        /// Creates a part.
        public init(_ text: String, match: Bool) {
            self.text = text
            self.match = match
        }
    }

    /// The passage, part by part.
    public var parts: [Part]

    /// The character that opens a match in marked text; case studies may not contain it.
    public static let openMark: Character = "\u{2}"
    /// The character that closes a match in marked text; case studies may not contain it.
    public static let closeMark: Character = "\u{3}"

    /// Creates a snippet from its parts.
    public init(parts: [Part]) {
        self.parts = parts
    }

    /// Reads text in which `openMark` and `closeMark` surround the matches; a mark out of turn
    /// is dropped, and a match left open ends with the text.
    public init(marked: String) {
        var parts: [Part] = []
        var current = ""
        var inMatch = false
        for character in marked {
            switch character {
            case Self.openMark where !inMatch, Self.closeMark where inMatch:
                if !current.isEmpty { parts.append(Part(current, match: inMatch)) }
                current = ""
                inMatch.toggle()
            case Self.openMark, Self.closeMark:
                continue
            default:
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(Part(current, match: inMatch)) }
        self.parts = parts
    }

    /// The passage to show for a hit from the passages of its fields, most wanted first: the
    /// first that marks a match, or the first of all when none does (the words were found in a
    /// field without a passage, such as the community's name).
    public static func preferred(_ passages: [Snippet]) -> Snippet {
        passages.first { !$0.matches.isEmpty } ?? passages.first ?? Snippet(parts: [])
    }

    /// The passage as plain text.
    public var text: String { parts.map(\.text).joined() }

    /// The matched words, in order.
    public var matches: [String] { parts.filter(\.match).map(\.text) }
}
