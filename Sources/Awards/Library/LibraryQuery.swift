/// What a reader typed into the library's search box, read as words to find.
///
/// The text is split into words (runs of letters, digits and combining marks); everything else —
/// quotes, brackets, operators, column names — only separates words, so no input can change the
/// meaning of the search. A `*` right after a word makes it a prefix (`broad*` finds
/// "broadband"). Every word must occur in a case study for it to match.
public struct LibraryQuery: Sendable, Equatable {
    /// One word to find.
    public struct Term: Sendable, Equatable {
        /// The word as typed.
        public var word: String
        /// Whether the word may be the start of a longer word.
        public var prefix: Bool

        /// Creates a term.
        public init(_ word: String, prefix: Bool = false) {
            self.word = word
            self.prefix = prefix
        }
    }

    /// The words to find, in the order typed, without repeats.
    public let terms: [Term]

    /// The longest query accepted, in characters.
    public static let lengthLimit = 256
    /// The most words a query may hold.
    public static let termLimit = 12

    /// Reads `text`; a query without words, or too long, is refused naming the field `q`.
    public init(_ text: String) throws(AwardsError) {
        guard text.count <= Self.lengthLimit else {
            throw AwardsError(.invalidValue, "the search is longer than \(Self.lengthLimit) characters", field: "q")
        }
        var terms: [Term] = []
        var word = ""
        func finish(prefix: Bool) {
            guard !word.isEmpty else { return }
            let term = Term(word, prefix: prefix)
            if let i = terms.firstIndex(where: { $0.word == word }) {
                terms[i].prefix = terms[i].prefix || prefix
            } else {
                terms.append(term)
            }
            word = ""
        }
        for character in text {
            if Self.isWordCharacter(character) {
                word.append(character)
            } else {
                finish(prefix: character == "*")
            }
        }
        finish(prefix: false)
        guard !terms.isEmpty else {
            throw AwardsError(.invalidValue, "type at least one word to search for", field: "q")
        }
        guard terms.count <= Self.termLimit else {
            throw AwardsError(.invalidValue, "search for at most \(Self.termLimit) words at a time", field: "q")
        }
        self.terms = terms
    }

    /// The query in SQLite FTS5's syntax: every word a quoted string, prefixes marked with `*`,
    /// joined by spaces (all must match).
    ///
    /// Quoting makes keywords such as `AND`, `NEAR` or `NOT` plain words.
    public var fts5Expression: String {
        terms.map { term in
            "\"" + term.word.doublingQuotes + "\"" + (term.prefix ? "*" : "")
        }.joined(separator: " ")
    }

    /// The query as a reader would retype it.
    public var text: String {
        terms.map { $0.word + ($0.prefix ? "*" : "") }.joined(separator: " ")
    }

    /// Letters, digits, combining marks and private-use characters make words, as they do for
    /// FTS5's `unicode61` tokenizer; everything else separates them.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber,
                 .nonspacingMark, .spacingMark, .enclosingMark, .privateUse:
                true
            default:
                false
            }
        }
    }
}

extension String {
    /// The string with every double quote doubled, as FTS5 strings escape them. Words never hold
    /// quotes; this keeps the expression well formed should the word rule ever change.
    fileprivate var doublingQuotes: String {
        var out = ""
        for c in self { if c == "\"" { out += "\"\"" } else { out.append(c) } }
        return out
    }
}
