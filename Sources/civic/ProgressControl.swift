import Foundation
import IndexEngine

/// A progress bar on standard error for runs longer than a second, and Ctrl-C as a clean stop.
final class ProgressControl: @unchecked Sendable {
    let run: RunControl
    private let started = DispatchTime.now().uptimeNanoseconds
    private let signal: DispatchSourceSignal
    private let lock = NSLock()
    private var shown = false
    private var lastDraw: UInt64 = 0
    private var advanced = 0
    private let total: Int
    private let quiet: Bool

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
        let box = Box()
        run = RunControl { done in box.progress?(done) }
        signal = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        box.progress = { [weak self] done in self?.draw(done, total: total, quiet: quiet) }
        Foundation.signal(SIGINT, SIG_IGN)
        signal.setEventHandler { [run] in
            FileHandle.standardError.write(Data("\nStopping: finishing the samples under way…\n".utf8))
            run.cancel()
        }
        signal.resume()
    }

    /// Counts `count` more units of work done, for work that reports itself rather than through `run`.
    func advance(by count: Int) {
        let done = lock.withLock {
            advanced += count
            return advanced
        }
        draw(done, total: total, quiet: quiet)
    }

    /// Ends the bar and restores the default Ctrl-C.
    func finish() {
        signal.cancel()
        Foundation.signal(SIGINT, SIG_DFL)
        if lock.withLock({ shown }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    private func draw(_ done: Int, total: Int, quiet: Bool) {
        guard !quiet else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        let text: String? = lock.withLock {
            guard now - started > 1_000_000_000, now - lastDraw > 100_000_000 || done == total else { return nil }
            lastDraw = now
            shown = true
            let width = 30, filled = total == 0 ? width : min(width, done * width / total)
            return "\r[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] \(done)/\(total)"
        }
        if let text { FileHandle.standardError.write(Data(text.utf8)) }
    }

    private final class Box: @unchecked Sendable {
        var progress: (@Sendable (Int) -> Void)?
    }
}
