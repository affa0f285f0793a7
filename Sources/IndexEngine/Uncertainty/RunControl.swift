import Foundation

/// Shared between an analysis and whoever started it: progress to report and a way to stop.
///
/// Workers add to `completed` as samples finish and check `isCancelled` before each sample, so a
/// Ctrl-C handler can stop a long analysis cleanly and still learn how far it got.
public final class RunControl: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private var done = 0
    private let onProgress: (@Sendable (Int) -> Void)?

    /// A control that calls `onProgress` with the number of finished samples as they finish.
    public init(onProgress: (@Sendable (Int) -> Void)? = nil) {
        self.onProgress = onProgress
    }

    /// Asks the analysis to stop after the samples under way.
    public func cancel() {
        lock.withLock { cancelled = true }
    }

    /// Whether `cancel()` has been called.
    public var isCancelled: Bool { lock.withLock { cancelled } }

    /// The number of samples finished so far.
    public var completed: Int { lock.withLock { done } }

    func finished(_ count: Int) {
        let total = lock.withLock { done += count; return done }
        onProgress?(total)
    }
}

/// A fixed-size buffer that parallel workers write disjoint parts of.
final class SharedBuffer: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Double>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: .nan)
    }

    deinit { storage.deallocate() }

    /// Writes `row` at `offset`; callers guarantee that no two writers overlap.
    func write(_ row: [Double], at offset: Int) {
        for (i, v) in row.enumerated() { storage[offset + i] = v }
    }

    /// A copy of the buffer's values.
    var values: [Double] { Array(storage) }
}

/// The first error raised by any worker.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: IndexEngineError?

    func record(_ error: IndexEngineError) {
        lock.withLock { if self.error == nil { self.error = error } }
    }
}

/// Which runs have finished, written by parallel workers each for its own runs.
final class RunFlags: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Bool>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: false)
    }

    deinit { storage.deallocate() }

    func mark(_ run: Int) { storage[run] = true }
    func isMarked(_ run: Int) -> Bool { storage[run] }
    var values: [Bool] { Array(storage) }
}
