/// One finalist's place in the final result, with the parts of its combined score.
public struct FinalStanding: Sendable, Equatable, Codable {
    /// The finalist's id.
    public let candidate: String
    /// The finalist's final place (1 = first).
    public let place: Int
    /// The finalist's position in the jury's ranking (1 = first).
    public let juryPosition: Int
    /// The jury position as a score in [0, 1]: (n − position) / (n − 1).
    public let juryScore: Double
    /// The finalist's score as given.
    public let score: Double
    /// The score normalised to [0, 1] over the finalists.
    public let normalisedScore: Double
    /// The combined score: w · juryScore + (1 − w) · normalisedScore.
    public let combined: Double
}
