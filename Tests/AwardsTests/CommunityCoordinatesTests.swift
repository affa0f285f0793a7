import Foundation
import Testing
@testable import Awards

/// `Examples/awards-history/communities.json`: one record per community of the public record,
/// with coordinates that fall inside the community's country.
@Suite("Community coordinates")
struct CommunityCoordinatesTests {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Examples/awards-history"
    }()

    static var communitiesPath: String { directory + "/communities.json" }
    static var recordPath: String { directory + "/recognitions.csv" }

    /// How many communities of the record may lack coordinates.
    static let allowedWithoutCoordinates = 4

    /// A generous latitude/longitude box around each country of the record, drawn independently
    /// of the file's coordinates: a coordinate outside its country's box is wrong, swapped or of
    /// the wrong sign. The United States box is the contiguous states.
    static let countryBoxes: [String: (latitude: ClosedRange<Double>, longitude: ClosedRange<Double>)] = [
        "Australia": (-44...(-10), 112...154),
        "Brazil": (-34...6, -74...(-34)),
        "Canada": (41.5...84, -141...(-52)),
        "Estonia": (57.5...60, 21.5...28.5),
        "Finland": (59.5...70.5, 20...32),
        "France": (41...51.5, -5.5...10),
        "India": (6...36, 68...98),
        "Kenya": (-5...5, 33.5...42),
        "New Zealand": (-47.5...(-34), 166...179),
        "Russia": (41...82, 19...180),
        "Taiwan": (21.5...26.5, 118...122.5),
        "United Kingdom": (49.5...61, -8.7...2),
        "United States": (24...50, -125...(-66)),
        "Vietnam": (8...23.5, 102...110),
    ]

    static func communities() throws -> [Community] {
        try JSONDecoder().decode([Community].self, from: Data(contentsOf: URL(fileURLWithPath: communitiesPath)))
    }

    @Test("the file decodes into valid community records, every one a network member")
    func decodes() throws {
        let communities = try Self.communities()
        #expect(!communities.isEmpty)
        for c in communities {
            #expect(c.problems().isEmpty, "\(c.name) (\(c.country)): \(c.problems().map(\.message))")
            #expect(c.member, "\(c.name) is not marked a member")
            #expect(c.region == WorldRegion.of(c.country), "\(c.name): region \(c.region) for \(c.country)")
            #expect(c.website == nil, "\(c.name) gives a website")
        }
    }

    @Test("each record has exactly the keys the encoder writes for it")
    func encoderShape() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.communitiesPath))
        let raw = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let communities = try Self.communities()
        try #require(raw.count == communities.count)
        for (object, community) in zip(raw, communities) {
            let encoded = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(community)) as? [String: Any])
            #expect(Set(object.keys) == Set(encoded.keys), "\(community.name): keys \(object.keys.sorted()), encoded \(encoded.keys.sorted())")
        }
    }

    @Test("every community and country of the record has exactly one record, under its id")
    func oneRecordPerCommunity() throws {
        let communities = try Self.communities()
        let expected = Community.all(from: try RecognitionRecord.read(path: Self.recordPath))
        for c in communities {
            #expect(c.id == Community.id(name: c.name, country: c.country), "\(c.name) (\(c.country)) has the id \(c.id)")
        }
        let ids = communities.map(\.id)
        #expect(Set(ids).count == ids.count, "duplicate ids: \(Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted())")
        let missing = Set(expected.map(\.id)).subtracting(ids)
        let extra = Set(ids).subtracting(expected.map(\.id))
        #expect(missing.isEmpty, "no record for \(missing.sorted())")
        #expect(extra.isEmpty, "records for communities the record does not name: \(extra.sorted())")
        let spelled = Dictionary(uniqueKeysWithValues: expected.map { ($0.id, "\($0.name)|\($0.country)") })
        for c in communities where spelled[c.id] != nil {
            #expect(spelled[c.id] == "\(c.name)|\(c.country)", "\(c.id) is spelled \(c.name), \(c.country) against the record's \(spelled[c.id] ?? "")")
        }
    }

    @Test("every coordinate lies in its country, to two decimals")
    func coordinatesInCountry() throws {
        for c in try Self.communities() {
            guard let latitude = c.latitude, let longitude = c.longitude else { continue }
            let box = try #require(Self.countryBoxes[c.country], "no bounding box for \(c.country)")
            #expect(box.latitude.contains(latitude) && box.longitude.contains(longitude),
                    "\(c.name) (\(latitude), \(longitude)) lies outside \(c.country)")
            #expect((latitude * 100).rounded() / 100 == latitude && (longitude * 100).rounded() / 100 == longitude,
                    "\(c.name)'s coordinates have more than two decimals")
        }
    }

    @Test("all but a few communities have coordinates")
    func coverage() throws {
        let communities = try Self.communities()
        let unlocated = communities.filter { $0.latitude == nil || $0.longitude == nil }.map(\.name)
        #expect(unlocated.count <= Self.allowedWithoutCoordinates, "without coordinates: \(unlocated)")
    }

    @Test("the boxes tell countries apart: a swapped or sign-flipped coordinate falls outside")
    func boxesCatchMistakes() throws {
        let binhDuong = try #require(try Self.communities().first { $0.id == "binh-duong--vietnam" })
        let box = try #require(Self.countryBoxes["Vietnam"])
        let (latitude, longitude) = (try #require(binhDuong.latitude), try #require(binhDuong.longitude))
        #expect(!(box.latitude.contains(longitude) && box.longitude.contains(latitude)))
        #expect(!(box.latitude.contains(-latitude) && box.longitude.contains(longitude)))
        #expect(!(box.latitude.contains(latitude) && box.longitude.contains(-longitude)))
    }
}
