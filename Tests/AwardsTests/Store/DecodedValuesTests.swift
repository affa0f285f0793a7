import Awards
import Testing

@Suite("Decoded values")
struct DecodedValuesTests {
    @Test("the same text gives the value kept; another text, even equal as Unicode, is decoded afresh")
    func sameTextSameValue() throws {
        let values = DecodedValues<Int, Cycle>()
        let open = try StoredJSON.encode(Cycle(year: 2027, phase: .nominationsOpen))
        #expect(values.last(2027) == nil)
        #expect(try values.decode(open, key: 2027).phase == .nominationsOpen)
        #expect(values.last(2027)?.text == open)
        let closed = try StoredJSON.encode(Cycle(year: 2027, phase: .smart21Scoring))
        #expect(try values.decode(closed, key: 2027).phase == .smart21Scoring)
        #expect(try values.decode(open, key: 2027).phase == .nominationsOpen)

        let accounts = DecodedValues<String, Analyst>()
        let composed = try StoredJSON.encode(Analyst(id: "A1", name: "Ad\u{E9}", country: "Finland"))
        let decomposed = try StoredJSON.encode(Analyst(id: "A1", name: "Ade\u{301}", country: "Finland"))
        #expect(composed == decomposed, "Swift compares them as equal")
        #expect(try accounts.decode(composed, key: "A1").name.unicodeScalars.count == 3)
        #expect(try accounts.decode(decomposed, key: "A1").name.unicodeScalars.count == 4, "but they are other bytes, decoded afresh")
    }

    @Test("a row version is kept with its text: a read without one keeps it, the same text with a new one replaces it, another text forgets it")
    func versions() throws {
        let values = DecodedValues<Int, Cycle>()
        let open = try StoredJSON.encode(Cycle(year: 2027, phase: .nominationsOpen))
        _ = try values.decode(open, key: 2027, version: "731")
        #expect(values.last(2027)?.version == "731")
        _ = try values.decode(open, key: 2027)
        #expect(values.last(2027)?.version == "731", "a read that knows no version leaves it")
        _ = try values.decode(open, key: 2027, version: "802")
        #expect(values.last(2027)?.version == "802", "the same text written again is a new version")
        _ = try values.decode(try StoredJSON.encode(Cycle(year: 2027, phase: .smart21Scoring)), key: 2027)
        #expect(values.last(2027)?.version == nil, "another text does not inherit the version")
    }

    @Test("a text that is not the type is a storage error, and nothing is kept; at capacity, everything is forgotten")
    func errorsAndCapacity() throws {
        let values = DecodedValues<Int, Cycle>(capacity: 2)
        let error = #expect(throws: AwardsError.self) { try values.decode("{}", key: 1) }
        #expect(error?.kind == .storage)
        #expect(values.last(1) == nil)
        for year in [2025, 2026] { _ = try values.decode(try StoredJSON.encode(Cycle(year: year)), key: year) }
        #expect(values.last(2025) != nil && values.last(2026) != nil)
        _ = try values.decode(try StoredJSON.encode(Cycle(year: 2027)), key: 2027)
        #expect(values.last(2025) == nil && values.last(2026) == nil && values.last(2027) != nil)
    }
}
