import Awards
import Foundation
import PostgresStorage
import Storage

/// `civic db copy`: a whole platform, from the SQLite file of one server into an empty PostgreSQL
/// database that any number of servers can share.
///
/// The file is read first, read-only and in one read transaction (`SQLiteStore.exportPlatform`),
/// so a missing file, a file that is not SQLite or not a platform is refused before anything
/// connects to PostgreSQL. The target schema is then migrated (`PostgresPlatformStore.migrate`,
/// its own transaction, as every server start does), and every row is written in one more
/// transaction, all or nothing, into tables that must be empty (`importPlatform`).
public enum PlatformCopy {
    /// What a copy did.
    public struct Report: Sendable {
        /// The SQLite file copied.
        public var source: String
        /// Where it went, without the password.
        public var target: String
        /// The rows copied, per table, in the order they were written.
        public var rows: [(table: String, rows: Int)]
        /// The audit entry that records the copy.
        public var entry: AuditEntry
        /// How long the copy took, reading and writing.
        public var duration: Duration
    }

    /// Copies the platform in the SQLite file at `path` into the empty schema at `location`,
    /// recording the copy in the audit log as done by `actor`.
    public static func run(from path: String, to location: PostgresLocation, actor: String) async throws(AwardsError) -> Report {
        guard !actor.isEmpty else { throw AwardsError(.invalidValue, "the copy needs an actor", field: "actor") }
        let clock = ContinuousClock()
        let started = clock.now
        let snapshot = try SQLiteStore.exportPlatform(path: path)
        let store = PostgresPlatformStore(location: location, connections: 1)
        let entry: AuditEntry
        do {
            entry = try await store.client.whileRunning {
                try await store.migrate()
                return try await store.importPlatform(snapshot, by: actor)
            }
        } catch let error as AwardsError {
            throw error
        } catch {
            throw AwardsError(.storage, "the copy to \(location.redacted) failed (\(error)); nothing was copied")
        }
        return Report(source: path, target: location.redacted, rows: snapshot.counts, entry: entry, duration: clock.now - started)
    }
}
