import Foundation
import IndexEngine

extension IndexCatalogue {
    /// Loads the static indices named by `paths`, in order. Each path is one of:
    ///
    /// - a directory holding an `index.json` sidecar, or the sidecar itself: the index it describes;
    /// - a directory without a sidecar: every subdirectory that holds one, in name order;
    /// - a build spec: the single-spec form, one edition of the spec's time (its latest year
    ///   without one), named after the file (`asem.json` is `asem`), with `analysis` behind its
    ///   rank intervals.
    ///
    /// - Throws: the first index that cannot be loaded stops the loading, so that a platform
    ///   never starts without an index it was asked to host; `IndexLoadingError` names the file
    ///   and field at fault (the engine's errors name the data file, row and column).
    public static func load(paths: [String], analysis: String?) throws -> [HostedIndex] {
        var indices: [HostedIndex] = []
        var origins: [String: String] = [:]
        for path in paths {
            for (index, origin) in try loadPath(path, analysis: analysis) {
                if let earlier = origins[index.slug] {
                    throw IndexLoadingError(file: origin, field: "slug", "'\(index.slug)' is already the slug of \(earlier)")
                }
                origins[index.slug] = origin
                indices.append(index)
            }
        }
        guard !indices.isEmpty else { throw IndexLoadingError(file: paths.joined(separator: ", "), "holds no index") }
        return indices
    }

    private static func loadPath(_ path: String, analysis: String?) throws -> [(HostedIndex, String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw IndexLoadingError(file: path, "does not exist") }
        if isDirectory.boolValue {
            let sidecar = (path as NSString).appendingPathComponent(IndexSidecar.fileName)
            if FileManager.default.fileExists(atPath: sidecar) { return [(try HostedIndex.load(sidecar: sidecar), sidecar)] }
            let children = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
                .map { (path as NSString).appendingPathComponent($0) }
                .map { ($0 as NSString).appendingPathComponent(IndexSidecar.fileName) }
                .filter { FileManager.default.fileExists(atPath: $0) }
            guard !children.isEmpty else {
                throw IndexLoadingError(file: path, "holds no \(IndexSidecar.fileName), nor any subdirectory with one")
            }
            return try children.map { (try HostedIndex.load(sidecar: $0), $0) }
        }
        if (path as NSString).lastPathComponent == IndexSidecar.fileName { return [(try HostedIndex.load(sidecar: path), path)] }
        return [(try HostedIndex.load(spec: path, analysis: analysis), path)]
    }
}

extension HostedIndex {
    /// Loads the index the sidecar at `path` describes: one edition per year of its data (or
    /// per year it lists), the latest with the sidecar's analysis.
    static func load(sidecar path: String) throws -> HostedIndex {
        let sidecar = try IndexSidecar.read(path: path)
        let directory = Self.directory(of: path)
        let specPath = Self.resolve(sidecar.spec, in: directory)
        var spec = try BuildSpec.read(path: specPath)
        if let data = sidecar.data {
            // The data's path is made absolute: the engine reads the spec's paths from the spec's directory.
            let full = Self.resolve(data, in: directory)
            let absolute = full.hasPrefix("/") ? full : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(full)
            guard FileManager.default.fileExists(atPath: absolute) else { throw IndexLoadingError(file: path, field: "data", "names '\(data)', which does not exist") }
            switch spec.inputs {
            case .coinr(_, let iMeta): spec.inputs = .coinr(iData: absolute, iMeta: iMeta)
            case .native(let units, let indicators, _, let hierarchy, let columns):
                spec.inputs = .native(units: units, indicators: indicators, values: absolute, hierarchy: hierarchy, columns: columns)
            }
        }
        let analysis = try sidecar.analysis.map { name in
            let analysis = Self.resolve(name, in: directory)
            guard FileManager.default.fileExists(atPath: analysis) else { throw IndexLoadingError(file: path, field: "analysis", "names '\(name)', which does not exist") }
            return try AnalysisSpec.read(path: analysis)
        }
        let editions = try Self.editions(spec, directory: Self.directory(of: specPath), years: sidecar.years, analysis: analysis, file: path)
        var labels = Self.groupNames(spec, directory: Self.directory(of: specPath))
        labels.values = sidecar.groupValues
        return HostedIndex(
            slug: sidecar.slug, name: sidecar.name ?? editions[editions.count - 1].view.name, description: sidecar.description,
            provenance: sidecar.provenance, editions: editions, labels: labels)
    }

    /// Loads a bare build spec as an index of one edition, named after its file.
    static func load(spec path: String, analysis: String?) throws -> HostedIndex {
        let spec = try BuildSpec.read(path: path)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
        let slug = stem.map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined().split(separator: "-").joined(separator: "-")
        guard isValidSlug(slug) else { throw IndexLoadingError(file: path, "cannot name an index: its file name gives no slug (use a directory with an \(IndexSidecar.fileName))") }
        let directory = Self.directory(of: path)
        let editions = try Self.editions(spec, directory: directory, years: nil, analysis: try analysis.map { try AnalysisSpec.read(path: $0) }, file: path, allYears: false)
        let name = editions[0].view.name
        return HostedIndex(
            slug: slug, name: name, description: "\(name), built from \((path as NSString).lastPathComponent).",
            provenance: "The build spec \((path as NSString).lastPathComponent) and its inputs.", editions: editions,
            labels: Self.groupNames(spec, directory: directory))
    }

    /// Builds `spec` once per year: `years`, or every year of a panel when `allYears`, or else the
    /// spec's own time; the latest edition gets `analysis`.
    private static func editions(
        _ spec: BuildSpec, directory: String, years: [Int]?, analysis: AnalysisSpec?, file: String, allYears: Bool = true
    ) throws -> [Edition] {
        let (probe, _) = try BuildInputs.load(spec, relativeTo: directory)
        let available = probe.panel?.times ?? probe.time.map { [$0] } ?? []
        // Each edition's year, and the time the engine builds (none for data without a time column).
        let chosen: [(year: Int, time: Int?)]
        if let years {
            if available.isEmpty {
                guard years.count == 1 else {
                    throw IndexLoadingError(file: file, field: "years", "lists \(years.count) years, but the data have no time column: name the one year they cover")
                }
                chosen = [(years[0], nil)]
            } else {
                if let missing = years.first(where: { !available.contains($0) }) {
                    throw IndexLoadingError(file: file, field: "years", "names \(missing), which is not in the data (its years: \(available.map(String.init).joined(separator: ", ")))")
                }
                chosen = years.map { ($0, $0) }
            }
        } else if allYears, spec.time == nil, !available.isEmpty {
            chosen = available.map { ($0, $0) }
        } else {
            guard let year = spec.time ?? probe.time else {
                throw IndexLoadingError(file: file, "has data without a time column: serve it from a directory whose \(IndexSidecar.fileName) names its year (\"years\": [2024])")
            }
            chosen = [(year, year)]
        }
        return try chosen.enumerated().map { i, edition in
            var spec = spec
            if let time = edition.time { spec.time = time }
            let (dataset, _) = try BuildInputs.load(spec, relativeTo: directory)
            let build = try IndexBuild.run(dataset, spec: spec)
            // The analysis is a few hundred builds: it is run for the latest edition only.
            let sensitivity = try i == chosen.count - 1 ? analysis.map { try SensitivityAnalysis.run(build, spec: spec, analysis: $0) } : nil
            return Edition(
                year: edition.year, view: IndexView(build: build, spec: spec, uncertainty: sensitivity?.uncertainty),
                audit: try AuditReport.make(build, spec: spec), sensitivity: sensitivity)
        }
    }

    /// The names of the group columns, from the metadata: COINr's `iMeta` gives each group an
    /// `iName`. Labels are only a nicety, so metadata that cannot be read give none.
    private static func groupNames(_ spec: BuildSpec, directory: String) -> GroupLabels {
        guard case .coinr(_, let iMeta) = spec.inputs, let meta = try? CSVTable.read(path: resolve(iMeta, in: directory)),
            let code = meta.columnIndex("iCode"), let name = meta.columnIndex("iName"), let type = meta.columnIndex("Type")
        else { return GroupLabels() }
        var names: [String: String] = [:]
        for row in meta.rows where row.count > max(code, name, type) && row[type] == "Group" && !row[name].isEmpty && row[name] != "NA" {
            names[row[code]] = row[name]
        }
        return GroupLabels(names: names)
    }

    private static func directory(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    private static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }
}
