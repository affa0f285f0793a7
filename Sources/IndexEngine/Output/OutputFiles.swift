import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a command's output files into its output directory.
enum OutputFiles {
    /// Writes each of `files` (a name within `directory`, and its text) into `directory`,
    /// creating it and any folder a name holds if needed.
    ///
    /// Each file is written under a temporary name beside it and then renamed over the old one,
    /// so that a reader finds the old file or the new one, never half of one. Nothing is forced
    /// to disk: the files are made again from their inputs by the same command, and waiting for
    /// the disk would take longer than the build itself (Foundation's `Data.write` does wait).
    static func write(_ files: [(String, String)], into directory: String) throws(IndexEngineError) {
        var created: Set<String> = []
        for (name, text) in files {
            let path = (directory as NSString).appendingPathComponent(name)
            let folder = (path as NSString).deletingLastPathComponent
            let temporary = (folder as NSString).appendingPathComponent(".\((name as NSString).lastPathComponent).\(getpid()).tmp")
            do {
                if created.insert(folder).inserted {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try writeFile(temporary, text)
            } catch {
                // A write that failed part way (a full disk) leaves no half file behind either.
                try? FileManager.default.removeItem(atPath: temporary)
                throw IndexEngineError(.unreadableFile, "cannot write the file (\(error.localizedDescription))", file: path)
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw IndexEngineError(.unreadableFile, "cannot write the file (\(reason))", file: path)
            }
        }
    }

    /// Creates or empties the file at `path` (permissions as the umask allows) and writes `text`.
    private static func writeFile(_ path: String, _ text: String) throws(FileWriteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileWriteError() }
        var text = text
        let failure = text.withUTF8 { bytes -> FileWriteError? in
            var offset = 0
            while offset < bytes.count {
                let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return FileWriteError() }
                offset += count
            }
            return nil
        }
        if let failure {
            close(descriptor)
            throw failure
        }
        guard close(descriptor) == 0 else { throw FileWriteError() }
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
