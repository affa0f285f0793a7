import Awards
import Foundation
import Hummingbird
import IndexEngine

/// The programme's operations for API clients with a token: the same rules as the workspaces,
/// JSON in and out.
enum ProgrammeAPIRoutes {
    /// The largest JSON body accepted.
    static let maximumBody = 1 << 20

    static func add<Context: SignedInRequestContext>(to routes: inout RouteTable<Context>, platform: Platform, now: @escaping @Sendable () -> Date) {
        let store = platform.store

        routes.get("/api/v1/me", access: .signedIn, scope: .read, summary: "The account the token belongs to") { _, context in
            let account = try context.requireIdentity().account
            return try Respond.json(["id": account.id, "name": account.name, "role": account.role.rawValue, "subject": account.subject ?? ""])
        }

        routes.get("/api/v1/me/assignments", access: .only(.analyst), scope: .read, summary: "The analyst's assignments in the round being scored, with their review states") { _, context in
            let identity = try context.requireIdentity()
            let analyst = try AnalystRoutes.analystID(identity)
            guard let (cycle, round) = try await AnalystRoutes.openRound(store) else { return try Respond.json([AssignmentDocument]()) }
            let reviews = try await store.reviews(cycle: cycle.year, round: round).filter { $0.analyst == analyst }
            let documents = try await store.assignments(cycle: cycle.year, round: round).filter { $0.analyst == analyst }.map { a in
                AssignmentDocument(
                    cycle: cycle.year, round: round, nomination: a.nomination,
                    state: reviews.first { $0.nomination == a.nomination }?.state.rawValue ?? "not started")
            }
            return try Respond.json(documents)
        }

        routes.get("/api/v1/me/nomination", access: .only(.community), scope: .read, summary: "The community's own nomination") { _, context in
            try await Respond.json(try CommunityWorkspaceRoutes.nomination(try context.requireIdentity(), store).1)
        }

        routes.api(.post, "/api/v1/cycles/{year}/nominations", access: .roles([.admin, .community]), scope: .submit, summary: "Saves a nomination (a community only its own, under its own name)", body: BodySchemas.nomination) { request, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            var nomination = try await decode(Nomination.self, request)
            let programme = Programme(store: store, actor: identity.actor, now: now())
            if identity.account.role == .community {
                let community = try CommunityWorkspaceRoutes.community(identity)
                try await programme.saveOwnNomination(nomination, community: community, cycle: year)
                nomination.communityID = community
            } else {
                try await programme.saveNominations([nomination], cycle: year)
            }
            return try Respond.json(nomination, status: .created)
        }

        routes.api(.post, "/api/v1/cycles/{year}/reviews", access: .only(.analyst), scope: .submit, summary: "Submits the analyst's own review of an assigned nomination", body: BodySchemas.review) { request, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            var review = try await decode(Review.self, request)
            guard review.analyst == identity.account.subject else {
                throw HTTPError(.forbidden, message: "field 'analyst': an analyst may only submit their own reviews")
            }
            review.state = .submitted
            try await Programme(store: store, actor: identity.actor, now: now()).submitReview(review, cycle: year)
            return try Respond.json(review, status: .created)
        }

        routes.api(.post, "/api/v1/cycles/{year}/ballots", access: .only(.juror), scope: .submit, summary: "Casts the juror's own ranked ballot, if they are on the cycle's jury; the group is the jury's", body: BodySchemas.ballot) { request, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let ballot = try await decode(Ballot.self, request)
            guard ballot.juror == identity.account.subject else {
                throw HTTPError(.forbidden, message: "field 'juror': a juror may only cast their own ballot")
            }
            try await Programme(store: store, actor: identity.actor, now: now()).castBallot(ballot, cycle: year)
            return try Respond.json(ballot, status: .created)
        }

        routes.api(.post, "/api/v1/cycles/{year}/phase", access: .only(.admin), scope: .manage, summary: "Moves a cycle to a later phase", body: BodySchemas.phase) { request, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let body = try await decode(PhaseChange.self, request)
            guard let phase = Phase(rawValue: body.phase) else {
                throw HTTPError(.unprocessableContent, message: "field 'phase': one of \(Phase.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            try await platform.announced(identity.actor, at: now()).setPhase(phase, cycle: year)
            return try Respond.json(["year": String(year), "phase": phase.rawValue])
        }

        routes.api(.post, "/api/v1/cycles/{year}/publish", access: .only(.admin), scope: .manage, summary: "Counts the ballots and publishes the results", body: nil) { _, context in
            let identity = try context.requireIdentity()
            let year: Int = try context.parameters.require("year", as: Int.self)
            let publication = try await platform.announced(identity.actor, at: now()).publish(cycle: year)
            return try Respond.json(publication, status: .created)
        }
    }

    /// The JSON bodies of the writes, as the OpenAPI document describes them.
    enum BodySchemas {
        typealias Schema = OpenAPIDocument.Schema
        static let text = Schema()
        static let nomination = Schema.object([
            "id": text, "communityID": text, "community": text, "country": text, "region": text, "year": Schema(type: "integer", minimum: 1000, maximum: 9999),
            "answers": Schema(type: "object", additionalProperties: Schema(type: nil, anyOf: [Schema(type: "number"), text])),
            "evidence": Schema(type: "array", items: text),
            "state": Schema(enum: ["draft", "submitted", "withdrawn"]), "optOut": Schema(type: "boolean"),
        ], required: ["id", "community", "country", "region", "year", "answers", "evidence", "state", "optOut"])
        static let review = Schema.object([
            "nomination": text, "analyst": text, "round": Schema(type: "integer", minimum: 1, maximum: 2),
            "scores": Schema(type: "object", additionalProperties: Schema.object(
                ["score": Schema(type: "number"), "comment": text, "confidence": Schema(type: "integer", minimum: 1, maximum: 5)],
                required: ["score", "comment", "confidence"])),
            "state": Schema(enum: ["draft", "submitted", "recused"]), "recusalReason": text,
        ], required: ["nomination", "analyst", "round", "scores", "state"])
        static let ballot = Schema.object([
            "juror": text, "group": text,
            "entries": Schema(type: "array", items: Schema.object(["candidate": text, "rank": Schema(type: "integer", minimum: 1)], required: ["candidate", "rank"])),
        ], required: ["juror", "entries"])
        static let phase = Schema.object(["phase": Schema(enum: Phase.allCases.map(\.rawValue))], required: ["phase"])
    }

    /// The body of a phase change.
    struct PhaseChange: Decodable {
        var phase: String
    }

    /// One assignment as an analyst's API client sees it.
    struct AssignmentDocument: Encodable {
        var cycle: Int
        var round: Int
        var nomination: String
        var state: String
    }

    /// Decodes a JSON body, naming the field a decoding error points at.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumBody)
        } catch {
            throw HTTPError(.contentTooLarge, message: "the body is larger than \(maximumBody / 1024) KiB")
        }
        do {
            return try JSONInput.decode(type, from: Data(buffer: buffer))
        } catch let problem as JSONInput.Problem {
            throw HTTPError(.badRequest, message: problem.field == nil ? "the body: \(problem.message)" : problem.description)
        }
    }
}
