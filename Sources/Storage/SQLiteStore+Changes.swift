import Awards
import GRDB

extension SQLiteStore: ChangeObservable {
    /// The tables behind the public pages.
    static let publicTables = [
        "cycle", "nomination", "analyst", "assignment", "review", "shortlist", "ballot", "publication", "recognition", "community", "case_study",
    ]

    /// Reports every commit that touches a public table, through GRDB's region observation: the
    /// file belongs to this one server, so its own writes are all there are.
    public func observeChanges(_ report: @escaping @Sendable (StoreChange) -> Void) async {
        let observation = DatabaseRegionObservation(tracking: Self.publicTables.map { Table($0) })
        let cancellable = observation.start(in: database, onError: { _ in report(.lost) }, onChange: { _ in report(.changed) })
        defer { cancellable.cancel() }
        report(.listening)
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}
