import Awards

/// What an account acts as, chosen by organisers from the programme's own lists rather than
/// typed: analysts from the analyst register, communities from the network's records and the
/// cycles' nominations. A juror's id is typed: the juror account comes first, and the
/// organisers then name it to a cycle's jury.
enum AccountSubjects {
    /// One choice: the id stored as the account's subject, and what the list shows.
    struct Choice: Sendable, Equatable {
        var id: String
        var title: String
    }

    /// The subjects an account of `role` may act as; `nil` where the id is typed (jurors), empty
    /// where the role acts as nobody (organisers).
    static func choices(for role: Role, in store: any AwardsStore) async throws(AwardsError) -> [Choice]? {
        switch role {
        case .admin: []
        case .analyst: try await store.analysts().map { Choice(id: $0.id, title: "\($0.name) (\($0.id))") }
        case .community: try await communities(in: store)
        case .juror: nil
        }
    }

    /// Every community a community account can act for: those of the network, and those
    /// nominated in a cycle (newest name first), by name.
    private static func communities(in store: any AwardsStore) async throws(AwardsError) -> [Choice] {
        var titles: [String: String] = [:]
        for community in try await store.communities() { titles[community.id] = "\(community.name), \(community.country)" }
        for cycle in try await store.cycles().reversed() {
            for nomination in try await store.nominations(cycle: cycle.year) where titles[nomination.communityID] == nil {
                titles[nomination.communityID] = "\(nomination.community), \(nomination.country)"
            }
        }
        return titles.map { Choice(id: $0.key, title: $0.value) }.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    /// The subject given for `role` — `choice` from the lists, or `typed` for jurors — checked
    /// against the choices, naming the field that is wrong.
    static func chosen(_ choice: String?, typed: String?, role: Role, in store: any AwardsStore) async throws(AwardsError) -> String? {
        guard let list = try await choices(for: role, in: store) else {
            let id = (typed ?? "").trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, id.count <= 64 else { throw AwardsError(.invalidValue, "a juror account needs the juror id it acts as", field: "juror") }
            return id
        }
        if role == .admin { return nil }
        guard let choice, list.contains(where: { $0.id == choice }) else {
            throw AwardsError(.invalidValue, "choose the \(role == .analyst ? "analyst" : "community") the account acts as from the list", field: "subject")
        }
        return choice
    }
}
