import Testing
@testable import Awards

@Suite("Awards errors")
struct AwardsErrorTests {
    @Test("an error names its file, row and field before the message")
    func locatedDescription() {
        let error = AwardsError(.invalidValue, "the score must lie between 1 and 5", file: "reviews.csv", row: 4, field: "Connect")
        #expect(error.description == "reviews.csv, row 4, field 'Connect': the score must lie between 1 and 5")
        #expect(AwardsError(.outOfPhase, "nominations are closed").description == "nominations are closed")
    }
}
