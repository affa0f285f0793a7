import Foundation

/// The example data shipped with civic — the ASEM index, the awards record — found wherever
/// civic is run from.
///
/// The commands' defaults name them as `Examples/…`, relative paths that only the repository's
/// root used to satisfy. Such a path is read from the current directory when it is there (the
/// repository, or a directory with examples of one's own); otherwise from the `Examples`
/// directory beside the executable: in an ancestor of its resolved location (a build's
/// `.build/<triple>/debug/civic` lies below the package root) or in `share/civic` there (an install
/// prefix's `bin/civic` beside its `share/civic/Examples`). Any other path is taken as given.
enum ShippedExamples {
    /// How the defaults name the example data.
    static let prefix = "Examples/"

    /// `path` itself when it is not an example path or exists here; else the shipped copy, when found.
    static func resolve(_ path: String) -> String {
        guard path.hasPrefix(prefix), !FileManager.default.fileExists(atPath: path), let root else { return path }
        return (root as NSString).appendingPathComponent(path)
    }

    /// The directory that holds the shipped `Examples/`, searched for from the executable's location.
    static let root: String? = {
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().path else { return nil }
        var directory = (executable as NSString).deletingLastPathComponent
        while !directory.isEmpty {
            for candidate in [directory, (directory as NSString).appendingPathComponent("share/civic")]
            where FileManager.default.fileExists(atPath: (candidate as NSString).appendingPathComponent("Examples/asem/asem.json")) {
                return candidate
            }
            let parent = (directory as NSString).deletingLastPathComponent
            if parent == directory { return nil }
            directory = parent
        }
        return nil
    }()

    /// The error of a missing example file: where it was looked for.
    static func missing(_ what: String, _ path: String) -> String {
        "The \(what) '\(path)' is neither in the current directory nor among the examples shipped beside civic; pass its path."
    }
}
