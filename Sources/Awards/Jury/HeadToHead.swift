/// A finalist's record in the jury's head-to-head contests, one against each other finalist.
///
/// A contest is won when more (weighted) jurors rank the finalist above the other than below
/// it, lost when fewer, and tied when as many, the totals compared to a billionth of a vote as
/// every count compares them. The record explains a ranking to readers; it is not what places
/// the finalists, which the count and the final score do.
public struct HeadToHead: Sendable, Equatable, Codable {
    /// The contests won, lost and tied.
    public var won: Int
    public var lost: Int
    public var tied: Int

    /// The contests fought: one against each other finalist.
    public var contests: Int { won + lost + tied }

    /// Creates a record.
    public init(won: Int, lost: Int, tied: Int) {
        self.won = won
        self.lost = lost
        self.tied = tied
    }
}

extension Publication {
    /// `finalist`'s head-to-head record against the other finalists of the final ranking, read
    /// from the published pairwise matrix.
    public func headToHead(_ finalist: String) -> HeadToHead {
        var record = HeadToHead(won: 0, lost: 0, tied: 0)
        for other in ranking where other != finalist {
            let preferring = VoteTotal.key(pairwise[finalist]?[other] ?? 0), opposing = VoteTotal.key(pairwise[other]?[finalist] ?? 0)
            if preferring > opposing { record.won += 1 } else if preferring < opposing { record.lost += 1 } else { record.tied += 1 }
        }
        return record
    }
}
