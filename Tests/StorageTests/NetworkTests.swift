import Awards
import Foundation
import Testing
@testable import Storage

@Suite("Network")
struct NetworkTests {
    static var recordPath: String {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path + "/Examples/awards-history/recognitions.csv"
    }

    @Test("the public record gives one member community per name and country, kept beside richer records")
    func importRecord() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "system")
            let richer = Community(name: "Binh Duong", country: "Vietnam", kind: .province, population: 2_763_124, latitude: 11.17, longitude: 106.67, website: "https://binhduong.gov.vn", member: true)
            try await programme.saveCommunities([richer])
            try await programme.importRecord(try RecognitionRecord.read(path: Self.recordPath))
            let communities = try await store.communities()
            let histories = CommunityHistory.all(try await store.recognitions())
            #expect(communities.count == histories.count)
            #expect(communities.allSatisfy { $0.member })
            #expect(communities.first { $0.name == "Binh Duong" } == richer, "an import keeps the richer stored record")
            #expect(communities.first { $0.name == "Binh Duong" }?.region == "Asia")
            let recognitions = try await store.recognitions()
            #expect(recognitions.count == 139)
            #expect(!communities.contains { $0.region == "Other" }, "every country of the record has a region")
        }
    }

    @Test("bad community records are refused naming the community and the field")
    func badRecords() async throws {
        try await withStore { store, _ in
            let programme = Programme(store: store, actor: "admin")
            let cases: [(Community, String)] = [
                (Community(name: " ", country: "Canada"), "name"),
                (Community(name: "A", country: "Canada", population: -1), "population"),
                (Community(name: "A", country: "Canada", latitude: 95, longitude: 0), "latitude"),
                (Community(name: "A", country: "Canada", latitude: 45), "longitude"),
                (Community(name: "A", country: "Canada", website: "ftp://a"), "website"),
            ]
            for (community, field) in cases {
                let error = await #expect(throws: AwardsError.self) { try await programme.saveCommunities([community]) }
                #expect(error?.field == field)
            }
            let stored = try await store.communities()
            #expect(stored.isEmpty)
        }
    }
}
