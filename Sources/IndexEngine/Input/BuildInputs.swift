import Foundation

/// Loads the inputs a spec names and fingerprints them.
public enum BuildInputs {
    /// Reads the input files of `spec`, resolving relative paths against `directory`.
    ///
    /// - Returns: the dataset and the SHA-256 of the input files (each file's role, byte length
    ///   and bytes, in the spec's fixed order).
    public static func load(_ spec: BuildSpec, relativeTo directory: String) throws(IndexEngineError) -> (dataset: Dataset, inputHash: String) {
        var hash = SHA256()
        var tables: [String: CSVTable] = [:]
        for (role, path) in spec.inputs.paths {
            let full = path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: full))
            } catch {
                throw IndexEngineError(.unreadableFile, "cannot read the \(role) file (\(error.localizedDescription))", file: full)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw IndexEngineError(.unreadableFile, "the file is not valid UTF-8 text", file: full)
            }
            hash.update("\(role)\n\(data.count)\n")
            hash.update(data)
            tables[role] = try CSVTable.parse(text, name: full)
        }
        let dataset: Dataset
        switch spec.inputs {
        case .coinr:
            guard let data = tables["iData"], let meta = tables["iMeta"] else { throw IndexEngineError(.invalidSpec, "inputs are incomplete", column: "inputs") }
            dataset = try COINrInput.dataset(data: data, meta: meta, time: spec.time)
        case .native:
            guard let units = tables["units"], let indicators = tables["indicators"], let values = tables["values"] else {
                throw IndexEngineError(.invalidSpec, "inputs are incomplete", column: "inputs")
            }
            dataset = try NativeInput.dataset(units: units, indicators: indicators, values: values, time: spec.time)
        }
        return (dataset, hash.hexDigest())
    }
}
