import Awards
import Foundation
import GRDB

extension SQLiteStore: AccountStore {
    public func createAccount(_ account: Account, by actor: String) async throws(AwardsError) {
        if let first = account.problems().first { throw first }
        try await write("create", "account:\(account.id)", by: actor) { db in
            // The insert itself decides, so that two organisers taking one name at once cannot both succeed.
            do {
                try db.execute(sql: "INSERT INTO account (id, role, body) VALUES (?, ?, ?)", arguments: [account.id, account.role.rawValue, try JSON.encode(account)])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw AwardsError(.duplicate, "the account '\(account.id)' exists", field: "username")
            }
            return (nil, try account.auditJSON())
        }
    }

    public func saveAccount(_ account: Account, action: String, keepingSession: String?, by actor: String) async throws(AwardsError) {
        if let first = account.problems().first { throw first }
        try await write(action, "account:\(account.id)", by: actor) { db in
            let before = try String.fetchOne(db, sql: "SELECT body FROM account WHERE id = ?", arguments: [account.id]).map { try JSON.decode(Account.self, $0) }
            try db.execute(
                sql: "INSERT INTO account (id, role, body) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET role = excluded.role, body = excluded.body",
                arguments: [account.id, account.role.rawValue, try JSON.encode(account)])
            if let before {
                let revoke = account.disabled || account.passwordHash != before.passwordHash || account.role != before.role || account.subject != before.subject
                let factorRemoved = before.hasSecondFactor && (!account.hasSecondFactor || account.totpSecret != before.totpSecret)
                if revoke || factorRemoved {
                    try db.execute(sql: "DELETE FROM session WHERE account = ? AND id IS NOT ?", arguments: [account.id, keepingSession])
                }
                if revoke { try db.execute(sql: "DELETE FROM api_token WHERE account = ?", arguments: [account.id]) }
            }
            return (try before.map { try $0.auditJSON() }, try account.auditJSON())
        }
    }

    public func account(_ id: String) async throws(AwardsError) -> Account? {
        guard let body = try await read({ db in try String.fetchOne(db, sql: "SELECT body FROM account WHERE id = ?", arguments: [id]) }) else { return nil }
        return try decodedAccounts.decode(body, key: id)
    }

    public func accounts() async throws(AwardsError) -> [Account] {
        try await read { db in try String.fetchAll(db, sql: "SELECT body FROM account ORDER BY id").map { try JSON.decode(Account.self, $0) } }
    }

    public func recordAttempt(client: String, at date: Date, limit: Int, window: TimeInterval) async throws(AwardsError) -> Bool {
        try await transaction(by: "system") { db, _ in
            // Attempts older than the window no longer count, for any address.
            try db.execute(sql: "DELETE FROM sign_in_attempt WHERE at <= ?", arguments: [date.timeIntervalSince1970 - window])
            let recent = try Int.fetchOne(db, sql: "SELECT count(*) FROM sign_in_attempt WHERE client = ?", arguments: [client]) ?? 0
            guard recent < limit else { return false }
            try db.execute(sql: "INSERT INTO sign_in_attempt (client, at) VALUES (?, ?)", arguments: [client, date.timeIntervalSince1970])
            return true
        }
    }

    public func recordFailedSignIn(_ id: String, client: String, at date: Date, limit: Int, lockFor: TimeInterval) async throws(AwardsError) -> Bool {
        try await transaction(by: id) { db, log in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE id = ?", arguments: [id]) != nil else { return false }
            // A lock that has run out starts a new count.
            try db.execute(
                sql: """
                    INSERT INTO sign_in_failure (account, client, failures, locked_until) VALUES (?, ?, 1, NULL)
                    ON CONFLICT (account, client) DO UPDATE SET
                        failures = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failures + 1 END,
                        locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN NULL ELSE locked_until END
                    """,
                arguments: [id, client, date.timeIntervalSince1970, date.timeIntervalSince1970])
            let failures = try Int.fetchOne(db, sql: "SELECT failures FROM sign_in_failure WHERE account = ? AND client = ?", arguments: [id, client]) ?? 0
            var action = "sign-in-failed"
            let locked = failures >= limit
            if locked {
                try db.execute(
                    sql: "UPDATE sign_in_failure SET failures = 0, locked_until = ? WHERE account = ? AND client = ?",
                    arguments: [date.addingTimeInterval(lockFor).timeIntervalSince1970, id, client])
                action = "locked"
            }
            try log(action, "account:\(id)", nil, "{\"client\":\(try JSON.encode(client)),\"failures\":\(failures)}", nil)
            return locked
        }
    }

    public func isLocked(_ id: String, client: String, at date: Date) async throws(AwardsError) -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM sign_in_failure WHERE account = ? AND client = ? AND locked_until > ?",
                arguments: [id, client, date.timeIntervalSince1970]) != nil
        }
    }

    public func lockedAddresses(at date: Date) async throws(AwardsError) -> [String: Int] {
        try await read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT account, COUNT(*) AS addresses FROM sign_in_failure WHERE locked_until > ? GROUP BY account",
                arguments: [date.timeIntervalSince1970])
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["account"] as String, $0["addresses"] as Int) })
        }
    }

    public func unlock(_ id: String, by actor: String) async throws(AwardsError) {
        try await write("unlock", "account:\(id)", by: actor) { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE id = ?", arguments: [id]) != nil else {
                throw AwardsError(.unknownReference, "there is no account '\(id)'", field: "account")
            }
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE account = ?", arguments: [id])
            return (nil, "{\"addresses\":\(db.changesCount)}")
        }
    }

    public func recordSignIn(_ session: Session, client: String, totpStep: Int64?) async throws(AwardsError) {
        try await transaction(by: session.account) { db, log in
            guard let body = try String.fetchOne(db, sql: "SELECT body FROM account WHERE id = ?", arguments: [session.account]) else {
                throw AwardsError(.unknownReference, "the account '\(session.account)' does not exist", field: "account")
            }
            // SQLite runs one writer at a time: the account read here cannot change before commit.
            let (changed, action) = try JSON.decode(Account.self, body).signingIn(totpStep: totpStep)
            if let changed {
                try db.execute(sql: "UPDATE account SET body = ? WHERE id = ?", arguments: [try JSON.encode(changed), changed.id])
            }
            try db.execute(sql: "DELETE FROM sign_in_failure WHERE account = ? AND client = ?", arguments: [session.account, client])
            try Self.insert(session, db)
            try log(action, "account:\(session.account)", nil, session.verified ? nil : "{\"waitingFor\":\"\(session.waitingFor?.rawValue ?? "")\"}", nil)
        }
    }

    public func session(_ id: String, at date: Date) async throws(AwardsError) -> Session? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT body FROM session WHERE id = ? AND expires > ?", arguments: [id, date.timeIntervalSince1970])
                .map { try JSON.decode(Session.self, $0) }
        }
    }

    public func createSession(_ session: Session) async throws(AwardsError) {
        try await transaction(by: session.account) { db, _ in
            // Expired sessions are swept whenever a new one starts, so the table stays small.
            try db.execute(sql: "DELETE FROM session WHERE expires <= ?", arguments: [session.created.timeIntervalSince1970])
            try Self.insert(session, db)
        }
    }

    public func deleteSession(_ id: String) async throws(AwardsError) {
        try await transaction(by: "system") { db, _ in try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [id]) }
    }

    public func deleteSessions(account: String, except: String?) async throws(AwardsError) {
        try await transaction(by: account) { db, log in
            try db.execute(sql: "DELETE FROM session WHERE account = ? AND id IS NOT ?", arguments: [account, except])
            try log("end-sessions", "account:\(account)", nil, "{\"ended\":\(db.changesCount)}", nil)
        }
    }

    public func createToken(_ token: APIToken, by actor: String) async throws(AwardsError) {
        try await write("create", "api-token:\(token.account):\(token.id.prefix(8))", by: actor) { db in
            try db.execute(sql: "INSERT INTO api_token (id, account, body) VALUES (?, ?, ?)", arguments: [token.id, token.account, try JSON.encode(token)])
            return (nil, "{\"label\":\(try JSON.encode(token.label)),\"scopes\":\(try JSON.encode(token.scopes))}")
        }
    }

    public func token(_ id: String) async throws(AwardsError) -> APIToken? {
        guard let body = try await read({ db in try String.fetchOne(db, sql: "SELECT body FROM api_token WHERE id = ?", arguments: [id]) }) else { return nil }
        return try decodedTokens.decode(body, key: id)
    }

    public func tokenWithAccount(_ id: String) async throws(AwardsError) -> (token: APIToken, account: Account)? {
        let row = try await read { db in
            try Row.fetchOne(
                db.cachedStatement(sql: "SELECT api_token.body, account.body FROM api_token JOIN account ON account.id = api_token.account WHERE api_token.id = ?"),
                arguments: [id]
            ).map { (token: $0[0] as String, account: $0[1] as String) }
        }
        guard let row else { return nil }
        let token = try decodedTokens.decode(row.token, key: id)
        return (token, try decodedAccounts.decode(row.account, key: token.account))
    }

    public func recordTokenUse(_ id: String, at date: Date) async throws(AwardsError) {
        try await transaction(by: "system") { db, _ in
            guard let body = try String.fetchOne(db, sql: "SELECT body FROM api_token WHERE id = ?", arguments: [id]) else { return }
            var token = try JSON.decode(APIToken.self, body)
            token.lastUsed = date
            try db.execute(sql: "UPDATE api_token SET body = ? WHERE id = ?", arguments: [try JSON.encode(token), id])
        }
    }

    public func tokens(account: String) async throws(AwardsError) -> [APIToken] {
        try await read { db in
            try String.fetchAll(db, sql: "SELECT body FROM api_token WHERE account = ?", arguments: [account])
                .map { try JSON.decode(APIToken.self, $0) }.sorted { ($0.created, $0.id) > ($1.created, $1.id) }
        }
    }

    public func deleteToken(_ id: String, account: String, by actor: String) async throws(AwardsError) {
        try await write("revoke", "api-token:\(account):\(id.prefix(8))", by: actor) { db in
            try db.execute(sql: "DELETE FROM api_token WHERE id = ? AND account = ?", arguments: [id, account])
            guard db.changesCount == 1 else { throw AwardsError(.unknownReference, "the account has no such token", field: "token") }
            return (nil, nil)
        }
    }

    private static func insert(_ session: Session, _ db: Database) throws {
        do {
            try db.execute(
                sql: "INSERT INTO session (id, account, expires, body) VALUES (?, ?, ?, ?)",
                arguments: [session.id, session.account, session.expires.timeIntervalSince1970, try JSON.encode(session)])
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw AwardsError(.unknownReference, "the session names an unknown account or repeats a token", field: "session")
        }
    }
}
