/// A score with its analyst and its item (one factor of one nomination) as indices, for the calibration's arithmetic.
struct ScoreEntry: Sendable {
    let analyst: Int
    let item: Int
    let value: Double
}
