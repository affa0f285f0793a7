import Foundation

/// Loads the inputs a spec names and fingerprints them.
public enum BuildInputs {
    /// Reads the input files of `spec`, resolving relative paths against `directory`.
    ///
    /// - Returns: the dataset at the spec's `time` (the latest when absent) and the SHA-256 of the
    ///   input files (each file's role, byte length and bytes, in the spec's fixed order).
    public static func load(_ spec: BuildSpec, relativeTo directory: String) throws(IndexEngineError) -> (dataset: Dataset, inputHash: String) {
        let (assembler, hash) = try read(spec, relativeTo: directory)
        return (try assembler.dataset(time: spec.time), hash)
    }

    /// Reads the input files of `spec` as `load` does, and makes a dataset of every time point,
    /// for `IndexBuild.runPanel`.
    ///
    /// The spec's `time` is not a filter here, but it must be a time point of the data, as for `load`.
    ///
    /// - Returns: every time point's dataset and the SHA-256 of the input files, as `load` gives it.
    public static func loadPanel(_ spec: BuildSpec, relativeTo directory: String) throws(IndexEngineError) -> (panel: PanelDataset, inputHash: String) {
        let (assembler, hash) = try read(spec, relativeTo: directory)
        if spec.time != nil { _ = try assembler.dataset(time: spec.time) }
        return (assembler.panel(), hash)
    }

    /// Reads and fingerprints the input files and collects their unit records.
    private static func read(_ spec: BuildSpec, relativeTo directory: String) throws(IndexEngineError) -> (DatasetAssembler, String) {
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
        let assembler: DatasetAssembler
        switch spec.inputs {
        case .coinr:
            guard let data = tables["iData"], let meta = tables["iMeta"] else { throw IndexEngineError(.invalidSpec, "inputs are incomplete", column: "inputs") }
            assembler = try COINrInput.assembler(data: data, meta: meta)
        case let .native(_, _, _, _, columns):
            guard let units = tables["units"], let indicators = tables["indicators"], let values = tables["values"] else {
                throw IndexEngineError(.invalidSpec, "inputs are incomplete", column: "inputs")
            }
            assembler = try NativeInput.assembler(units: units, indicators: indicators, values: values, hierarchy: tables["hierarchy"], columns: columns)
        }
        return (assembler, hash.hexDigest())
    }
}
