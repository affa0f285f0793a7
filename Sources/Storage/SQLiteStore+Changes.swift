import Awards
import GRDB

extension SQLiteStore: ChangeObservable {
    /// Reports every commit that touches a public table, through GRDB's region observation: the
    /// file belongs to this one server, so its own writes are all there are.
    public func observeChanges(_ report: @escaping @Sendable (StoreChange) -> Void) async {
        let observation = DatabaseRegionObservation(tracking: PlatformTables.publicData.map { Table($0) })
        let cancellable = observation.start(in: database, onError: { _ in report(.lost) }, onChange: { _ in report(.changed) })
        defer { cancellable.cancel() }
        report(.listening)
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}
