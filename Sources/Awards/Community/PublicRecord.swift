/// Every recognition the public may see: the imported record of past years (for a year whose
/// cycle runs on the platform, only the stages that cycle has announced), and the stages the
/// platform's own cycles have announced — their Smart21 once announced, their Top7, their winner
/// once the results are published.
public enum PublicRecord {
    public static func load(_ store: any AwardsStore) async throws(AwardsError) -> [Recognition] {
        var recognitions = Disclosure.announced(try await store.recognitions(), by: try await Disclosure.byYear(store))
        var seen = Set(recognitions.map(key))
        for cycle in try await store.cycles() {
            for recognition in try await CycleAnnouncement(cycle: cycle, store: store).recognitions where seen.insert(key(recognition)).inserted {
                recognitions.append(recognition)
            }
        }
        return recognitions
    }

    private static func key(_ r: Recognition) -> String {
        "\(r.awardYear)|\(r.stage.rawValue)|\(Community.id(name: r.community, country: r.country))"
    }
}

extension CycleAnnouncement {
    /// The stages this cycle has announced, one recognition per community and stage reached.
    public var recognitions: [Recognition] {
        var result = smart21.map { Recognition(awardYear: year, stage: .smart21, community: $0.community, country: $0.country, source: "Civic Index cycle \(year)") }
        result += top7.map { Recognition(awardYear: year, stage: .top7, community: $0.community, country: $0.country, source: "Civic Index cycle \(year)") }
        if let winner = publication?.winner, let entry = entry(winner) {
            result.append(Recognition(awardYear: year, stage: .communityOfTheYear, community: entry.community, country: entry.country, source: "Civic Index cycle \(year)"))
        }
        return result
    }
}
