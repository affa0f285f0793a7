/// A store that tells when the data the public pages show change, so that whatever is kept
/// from them (rendered results, directories, profiles) can be dropped at once.
///
/// The programme's tables and the library count as such data; accounts, sessions, tokens,
/// sign-in failures and the audit log do not. On a database several servers share, a change
/// committed by any of them is reported to all.
public protocol ChangeObservable: Sendable {
    /// Reports `.listening` once every later change will be reported, `.changed` after each
    /// committed change of the public data, and `.lost` when changes can no longer be heard
    /// (the link that carries them broke; `.listening` follows once it is restored). Returns once
    /// the calling task is cancelled.
    func observeChanges(_ report: @escaping @Sendable (StoreChange) -> Void) async
}

/// What `ChangeObservable.observeChanges` reports.
public enum StoreChange: Sendable, Equatable {
    /// Every change from now on will be reported; what changed before may not have been.
    case listening
    /// The public data changed.
    case changed
    /// Changes can no longer be heard, until the next `.listening`.
    case lost
}
