import Awards

/// The rule a programme action broke, for tests that call the programme directly.
enum AwardsFailure {
    /// The error `body` throws, or nil when it returns normally.
    static func of(_ body: () throws(AwardsError) -> Void) -> AwardsError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }
}
