import Testing
@testable import Awards

/// The jury's vote counting.
@Suite("Jury")
enum JuryTests {}

/// Ballots for the jury tests, written as preference strings.
enum JuryKit {
    /// A ballot from a preference string: "A>B=C" ranks A first and B, C tied second; unnamed candidates are unranked.
    static func ballot(_ juror: String, _ preferences: String, group: String? = nil) -> Ballot {
        let levels = preferences.split(separator: ">").map { $0.split(separator: "=").map(String.init) }
        return Ballot(juror: juror, group: group, levels: levels)
    }

    /// `count` ballots per preference string, for jurors `<prefix>1`, `<prefix>2`, … numbered across the blocks.
    static func ballots(_ blocks: [(count: Int, preferences: String)], prefix: String = "j", group: String? = nil) -> [Ballot] {
        var ballots: [Ballot] = []
        for block in blocks {
            for _ in 0..<block.count {
                ballots.append(ballot("\(prefix)\(ballots.count + 1)", block.preferences, group: group))
            }
        }
        return ballots
    }

    /// Wikipedia's "Schulze method" example: 45 jurors over A–E.
    static let schulzeExample = ballots([
        (5, "A>C>B>E>D"), (5, "A>D>E>C>B"), (8, "B>E>D>A>C"), (3, "C>A>B>E>D"),
        (7, "C>A>E>B>D"), (2, "C>B>A>D>E"), (7, "D>C>E>B>A"), (8, "E>B>A>D>C"),
    ])

    /// The five candidates of the Schulze example.
    static let abcde = ["A", "B", "C", "D", "E"]

    /// Wikipedia's Tennessee capital example: 100 jurors, the share of the population near each city.
    static let tennessee = ballots([
        (42, "Memphis>Nashville>Chattanooga>Knoxville"),
        (26, "Nashville>Chattanooga>Knoxville>Memphis"),
        (15, "Chattanooga>Knoxville>Nashville>Memphis"),
        (17, "Knoxville>Chattanooga>Nashville>Memphis"),
    ])

    /// The four cities of the Tennessee example.
    static let cities = ["Memphis", "Nashville", "Chattanooga", "Knoxville"]

    /// A Condorcet cycle of 100 jurors: A beats B 65–35, B beats C 75–25, C beats A 60–40.
    static let cycle = ballots([(40, "A>B>C"), (35, "B>C>A"), (25, "C>A>B")])

    /// Counts `ballots` by `method`.
    static func count(
        _ method: VoteCount.Method, _ ballots: [Ballot], _ candidates: [String], tieBreak: [String]? = nil,
        groupWeighting: GroupWeighting = .perJuror
    ) throws -> JuryResult {
        try VoteCount(method: method).count(ballots: ballots, candidates: candidates, tieBreak: tieBreak, groupWeighting: groupWeighting)
    }

    /// Expects every entry of `table` to equal `expected`, the diagonal being 0.
    static func expectTable(
        _ table: [[Double]], _ expected: [[Double]], _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(table.count == expected.count, "\(what): rows", sourceLocation: sourceLocation)
        for (a, (row, expectedRow)) in zip(table, expected).enumerated() {
            #expect(row == expectedRow, "\(what): row \(a)", sourceLocation: sourceLocation)
        }
    }
}
