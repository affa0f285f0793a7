import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes output files — a build's results, audit and analyses, a workbook, charts, a cycle's
/// files — so that a reader finds the old file or the new one, never half of one.
///
/// Each file is written under a temporary name beside it and then renamed over the old one.
/// Nothing is forced to disk: the files are made again from their inputs by the same command,
/// and waiting for the disk would take longer than the build itself (Foundation's `Data.write`
/// does wait, even without `.atomic`).
public enum OutputFiles {
    /// Writes each of `files` (a name within `directory`, and its text) into `directory`,
    /// creating it and any folder a name holds if needed.
    public static func write(_ files: [(String, String)], into directory: String) throws(IndexEngineError) {
        var created: Set<String> = []
        for (name, text) in files {
            var text = text
            try place((directory as NSString).appendingPathComponent(name), created: &created) { descriptor in
                text.withUTF8 { write(UnsafeRawBufferPointer($0), to: descriptor) }
            }
        }
    }

    /// Writes `data` to the file at `path`, creating its folder if needed.
    public static func write(_ data: Data, to path: String) throws(IndexEngineError) {
        var created: Set<String> = []
        try place(path, created: &created) { descriptor in
            data.withUnsafeBytes { write($0, to: descriptor) }
        }
    }

    /// Puts the file at `path` in place: creates its folder unless `created` holds it, has
    /// `fill` write the file under a temporary name (returning why it could not), and renames it
    /// to `path`.
    private static func place(_ path: String, created: inout Set<String>, fill: (Int32) -> FileWriteError?) throws(IndexEngineError) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((path as NSString).lastPathComponent).\(getpid()).tmp")
        do {
            if !folder.isEmpty, created.insert(folder).inserted {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
            guard descriptor >= 0 else { throw FileWriteError() }
            if let failure = fill(descriptor) {
                close(descriptor)
                throw failure
            }
            guard close(descriptor) == 0 else { throw FileWriteError() }
            guard rename(temporary, path) == 0 else { throw FileWriteError() }
        } catch {
            // A write that failed part way (a full disk) leaves no half file behind either.
            try? FileManager.default.removeItem(atPath: temporary)
            throw IndexEngineError(.unreadableFile, "cannot write the file (\(error.localizedDescription))", file: path)
        }
    }

    /// Writes all of `bytes` to `descriptor`; why it could not, if it could not.
    private static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> FileWriteError? {
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return FileWriteError() }
            offset += count
        }
        return nil
    }

    #if canImport(Glibc)
        private static let systemWrite = Glibc.write
    #elseif canImport(Darwin)
        private static let systemWrite = Darwin.write
    #endif

    /// A failed system call, with the system's reason for it.
    private struct FileWriteError: LocalizedError {
        let errorDescription: String? = String(cString: strerror(errno))
    }
}
