import Awards
import GRDB

/// The tables of accounts, sessions, API tokens and failed sign-ins.
enum AccountSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: accounts") { db in
            try db.execute(sql: """
                CREATE TABLE account (id TEXT PRIMARY KEY, role TEXT NOT NULL, body TEXT NOT NULL);
                CREATE TABLE session (
                    id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                    expires REAL NOT NULL, body TEXT NOT NULL);
                CREATE INDEX session_account ON session(account);
                CREATE TABLE api_token (
                    id TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, body TEXT NOT NULL);
                CREATE INDEX api_token_account ON api_token(account);
                """)
        }

        // Second factors confirmed at enrolment (the secrets already given out count as
        // confirmed), passwords an organiser can force to change, failures counted per account
        // and client address instead of per account, and scoped tokens: tokens made before
        // scopes existed keep only `read`, and every session ends (sign in again).
        migrator.registerMigration("v5: account security") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_failure (
                    account TEXT NOT NULL REFERENCES account(id) ON DELETE CASCADE, client TEXT NOT NULL,
                    failures INTEGER NOT NULL, locked_until REAL, PRIMARY KEY (account, client));
                UPDATE account SET body = json_remove(
                    json_set(body,
                        '$.secondFactorConfirmed', json(CASE WHEN json_extract(body, '$.totpSecret') IS NULL THEN 'false' ELSE 'true' END),
                        '$.mustChangePassword', json('false')),
                    '$.failedSignIns', '$.lockedUntil');
                UPDATE api_token SET body = json_set(body, '$.scopes', json('["read"]'));
                DELETE FROM session;
                """)
        }
        migrator.registerMigration("v6: community accounts act for a community, not a nomination") { db in
            // A community account used to name its nomination; it now names the community, so
            // that nothing it can edit (a nomination's name) decides what it owns.
            let rows = try Row.fetchAll(db, sql: "SELECT id, body FROM account WHERE role = 'community'")
            for row in rows {
                var account = try JSON.decode(Account.self, row["body"] as String)
                guard let nomination = account.subject else { continue }
                let body = try String.fetchOne(db, sql: "SELECT body FROM nomination WHERE id = ? ORDER BY cycle DESC LIMIT 1", arguments: [nomination])
                guard let body else { continue }
                account.subject = try JSON.decode(Nomination.self, body).communityID
                try db.execute(sql: "UPDATE account SET body = ? WHERE id = ?", arguments: [try JSON.encode(account), row["id"] as String])
            }
        }
        // Sign-in attempts per client address, counted in the database so that every server on it
        // counts them together.
        migrator.registerMigration("v7: sign-in attempts per address") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_attempt (client TEXT NOT NULL, at REAL NOT NULL);
                CREATE INDEX sign_in_attempt_client ON sign_in_attempt(client, at);
                CREATE INDEX sign_in_attempt_at ON sign_in_attempt(at);
                """)
        }
    }
}
