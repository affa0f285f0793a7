import Awards
import Foundation
import PostgresNIO

/// Accounts, sessions, API tokens and failed sign-ins on PostgreSQL, with the rules of
/// `AccountStore`: what a change of account means for its sessions and tokens is decided in the
/// change's transaction, and the failure counts and TOTP steps are read and written under a row
/// lock, so that servers racing on one account take turns.
extension PostgresPlatformStore: AccountStore {
    public func createAccount(_ account: Account, by actor: String) async throws(AwardsError) {
        if let first = account.problems().first { throw first }
        try await write("create", "account:\(account.id)", by: actor) { db in
            // The insert itself decides, so that two organisers taking one name at once cannot both succeed.
            let inserted = try await rows(db, """
                INSERT INTO account (id, role, body) VALUES (\(account.id), \(account.role.rawValue), \(try StoredJSON.encode(account)))
                ON CONFLICT (id) DO NOTHING RETURNING 1
                """)
            guard !inserted.isEmpty else { throw AwardsError(.duplicate, "the account '\(account.id)' exists", field: "username") }
            return (nil, try account.auditJSON())
        }
    }

    public func saveAccount(_ account: Account, action: String, keepingSession: String?, by actor: String) async throws(AwardsError) {
        if let first = account.problems().first { throw first }
        try await write(action, "account:\(account.id)", by: actor) { db in
            let before = try await string(db, "SELECT body FROM account WHERE id = \(account.id) FOR UPDATE").map { try StoredJSON.decode(Account.self, $0) }
            try await execute(db, """
                INSERT INTO account (id, role, body) VALUES (\(account.id), \(account.role.rawValue), \(try StoredJSON.encode(account)))
                ON CONFLICT (id) DO UPDATE SET role = excluded.role, body = excluded.body
                """)
            if let before {
                let revoke = account.disabled || account.passwordHash != before.passwordHash || account.role != before.role || account.subject != before.subject
                let factorRemoved = before.hasSecondFactor && (!account.hasSecondFactor || account.totpSecret != before.totpSecret)
                if revoke || factorRemoved {
                    try await execute(db, "DELETE FROM session WHERE account = \(account.id) AND id IS DISTINCT FROM \(keepingSession)")
                }
                if revoke { try await execute(db, "DELETE FROM api_token WHERE account = \(account.id)") }
            }
            return (try before.map { try $0.auditJSON() }, try account.auditJSON())
        }
    }

    public func account(_ id: String) async throws(AwardsError) -> Account? {
        try await read { db in try await string(db, "SELECT body FROM account WHERE id = \(id)").map { try decodedAccounts.decode($0, key: id) } }
    }

    public func accounts() async throws(AwardsError) -> [Account] {
        try await read { db in try await strings(db, "SELECT body FROM account ORDER BY id COLLATE \"C\"").map { try StoredJSON.decode(Account.self, $0) } }
    }

    public func recordAttempt(client: String, at date: Date, limit: Int, window: TimeInterval) async throws(AwardsError) -> Bool {
        try await transaction(by: "system") { db, _ in
            // Attempts from one address, on any server, take turns, so none slips past the count.
            try await lock(db, ["sign-in-attempts:\(client)"])
            try await execute(db, "DELETE FROM sign_in_attempt WHERE at <= \(date.timeIntervalSince1970 - window)")
            let recent = try await rows(db, "SELECT count(*) FROM sign_in_attempt WHERE client = \(client)").first?.decode(Int.self) ?? 0
            guard recent < limit else { return false }
            try await execute(db, "INSERT INTO sign_in_attempt (client, at) VALUES (\(client), \(date.timeIntervalSince1970))")
            return true
        }
    }

    public func recordFailedSignIn(_ id: String, client: String, at date: Date, limit: Int, lockFor: TimeInterval) async throws(AwardsError) -> Bool {
        let now = date.timeIntervalSince1970
        return try await transaction(by: id) { db, log in
            guard try await !rows(db, "SELECT 1 FROM account WHERE id = \(id)").isEmpty else { return false }
            // One statement counts the failure under the row's lock; a lock that has run out
            // starts a new count.
            let failures = try await rows(db, """
                INSERT INTO sign_in_failure AS f (account, client, failures, locked_until) VALUES (\(id), \(client), 1, NULL)
                ON CONFLICT (account, client) DO UPDATE SET
                    failures = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= \(now) THEN 1 ELSE f.failures + 1 END,
                    locked_until = CASE WHEN f.locked_until IS NOT NULL AND f.locked_until <= \(now) THEN NULL ELSE f.locked_until END
                RETURNING failures
                """).first?.decode(Int.self) ?? 0
            let locked = failures >= limit
            if locked {
                try await execute(db, """
                    UPDATE sign_in_failure SET failures = 0, locked_until = \(date.addingTimeInterval(lockFor).timeIntervalSince1970)
                    WHERE account = \(id) AND client = \(client)
                    """)
            }
            try await log(locked ? "locked" : "sign-in-failed", "account:\(id)", nil, "{\"client\":\(try StoredJSON.encode(client)),\"failures\":\(failures)}", nil)
            return locked
        }
    }

    public func isLocked(_ id: String, client: String, at date: Date) async throws(AwardsError) -> Bool {
        try await read { db in
            try await !rows(db, """
                SELECT 1 FROM sign_in_failure WHERE account = \(id) AND client = \(client) AND locked_until > \(date.timeIntervalSince1970)
                """).isEmpty
        }
    }

    public func lockedAddresses(at date: Date) async throws(AwardsError) -> [String: Int] {
        try await read { db in
            let rows = try await rows(db, """
                SELECT account, count(*) FROM sign_in_failure WHERE locked_until > \(date.timeIntervalSince1970) GROUP BY account
                """)
            return Dictionary(uniqueKeysWithValues: try rows.map { row in
                let (account, addresses) = try row.decode((String, Int).self)
                return (account, addresses)
            })
        }
    }

    public func unlock(_ id: String, by actor: String) async throws(AwardsError) {
        try await write("unlock", "account:\(id)", by: actor) { db in
            guard try await !rows(db, "SELECT 1 FROM account WHERE id = \(id)").isEmpty else {
                throw AwardsError(.unknownReference, "there is no account '\(id)'", field: "account")
            }
            let lifted = try await rows(db, "DELETE FROM sign_in_failure WHERE account = \(id) RETURNING 1").count
            return (nil, "{\"addresses\":\(lifted)}")
        }
    }

    public func recordSignIn(_ session: Session, client: String, totpStep: Int64?) async throws(AwardsError) {
        try await transaction(by: session.account) { db, log in
            // The account's row stays locked until the sign-in commits, so that two requests
            // racing with the same code, on any server, cannot both succeed.
            guard let body = try await string(db, "SELECT body FROM account WHERE id = \(session.account) FOR UPDATE") else {
                throw AwardsError(.unknownReference, "the account '\(session.account)' does not exist", field: "account")
            }
            let (changed, action) = try StoredJSON.decode(Account.self, body).signingIn(totpStep: totpStep)
            if let changed {
                try await execute(db, "UPDATE account SET body = \(try StoredJSON.encode(changed)) WHERE id = \(changed.id)")
            }
            try await execute(db, "DELETE FROM sign_in_failure WHERE account = \(session.account) AND client = \(client)")
            try await insert(session, db)
            try await log(action, "account:\(session.account)", nil, session.verified ? nil : "{\"waitingFor\":\"\(session.waitingFor?.rawValue ?? "")\"}", nil)
        }
    }

    public func session(_ id: String, at date: Date) async throws(AwardsError) -> Session? {
        try await read { db in
            try await string(db, "SELECT body FROM session WHERE id = \(id) AND expires > \(date.timeIntervalSince1970)")
                .map { try StoredJSON.decode(Session.self, $0) }
        }
    }

    public func createSession(_ session: Session) async throws(AwardsError) {
        try await transaction(by: session.account) { db, _ in
            // Expired sessions are swept whenever a new one starts, so the table stays small.
            try await execute(db, "DELETE FROM session WHERE expires <= \(session.created.timeIntervalSince1970)")
            try await insert(session, db)
        }
    }

    public func deleteSession(_ id: String) async throws(AwardsError) {
        try await transaction(by: "system") { db, _ in try await execute(db, "DELETE FROM session WHERE id = \(id)") }
    }

    public func deleteSessions(account: String, except: String?) async throws(AwardsError) {
        try await transaction(by: account) { db, log in
            let ended = try await rows(db, "DELETE FROM session WHERE account = \(account) AND id IS DISTINCT FROM \(except) RETURNING 1").count
            try await log("end-sessions", "account:\(account)", nil, "{\"ended\":\(ended)}", nil)
        }
    }

    public func createToken(_ token: APIToken, by actor: String) async throws(AwardsError) {
        try await write("create", "api-token:\(token.account):\(token.id.prefix(8))", by: actor) { db in
            do {
                try await execute(db, "INSERT INTO api_token (id, account, body) VALUES (\(token.id), \(token.account), \(try StoredJSON.encode(token)))")
            } catch let error as PSQLError where error.sqlState?.hasPrefix("23") == true {
                throw AwardsError(.unknownReference, "the token names an unknown account or repeats a token", field: "token")
            }
            return (nil, "{\"label\":\(try StoredJSON.encode(token.label)),\"scopes\":\(try StoredJSON.encode(token.scopes))}")
        }
    }

    public func token(_ id: String) async throws(AwardsError) -> APIToken? {
        try await read { db in try await string(db, "SELECT body FROM api_token WHERE id = \(id)").map { try decodedTokens.decode($0, key: id) } }
    }

    public func tokenWithAccount(_ id: String) async throws(AwardsError) -> (token: APIToken, account: Account)? {
        let row: (String, String)?
        do {
            row = try await run(PostgresStatements.TokenWithAccount(id: id)).first
        } catch {
            throw Self.storageError(error, "reading failed")
        }
        guard let (token, account) = row else { return nil }
        let decoded = try decodedTokens.decode(token, key: id)
        return (decoded, try decodedAccounts.decode(account, key: decoded.account))
    }

    public func recordTokenUse(_ id: String, at date: Date) async throws(AwardsError) {
        try await transaction(by: "system") { db, _ in
            guard let body = try await string(db, "SELECT body FROM api_token WHERE id = \(id) FOR UPDATE") else { return }
            var token = try StoredJSON.decode(APIToken.self, body)
            token.lastUsed = date
            try await execute(db, "UPDATE api_token SET body = \(try StoredJSON.encode(token)) WHERE id = \(id)")
        }
    }

    public func tokens(account: String) async throws(AwardsError) -> [APIToken] {
        try await read { db in
            try await strings(db, "SELECT body FROM api_token WHERE account = \(account)")
                .map { try StoredJSON.decode(APIToken.self, $0) }.sorted { ($0.created, $0.id) > ($1.created, $1.id) }
        }
    }

    public func deleteToken(_ id: String, account: String, by actor: String) async throws(AwardsError) {
        try await write("revoke", "api-token:\(account):\(id.prefix(8))", by: actor) { db in
            let deleted = try await rows(db, "DELETE FROM api_token WHERE id = \(id) AND account = \(account) RETURNING 1").count
            guard deleted == 1 else { throw AwardsError(.unknownReference, "the account has no such token", field: "token") }
            return (nil, nil)
        }
    }

    private func insert(_ session: Session, _ db: PostgresConnection) async throws {
        do {
            try await execute(db, """
                INSERT INTO session (id, account, expires, body)
                VALUES (\(session.id), \(session.account), \(session.expires.timeIntervalSince1970), \(try StoredJSON.encode(session)))
                """)
        } catch let error as PSQLError where error.sqlState?.hasPrefix("23") == true {
            throw AwardsError(.unknownReference, "the session names an unknown account or repeats a token", field: "session")
        }
    }
}
