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
    /// the disk would take longer than the build itself.
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
                try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
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
}
