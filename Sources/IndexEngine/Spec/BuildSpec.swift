import Foundation
import IndexEngine

/// A build spec: the inputs of an index and the ordered steps that turn them into scores.
///
/// Specs are JSON files. Paths in `inputs` are relative to the spec file. Steps run in the order
/// given; each names its kind in the field `step` and carries its parameters beside it:
///
/// ```json
/// { "name": "ASEM", "inputs": { "iData": "ASEM_iData.csv", "iMeta": "ASEM_iMeta.csv" },
///   "steps": [ { "step": "denominate" }, { "step": "normalise", "method": "minMax" },
///              { "step": "aggregate", "method": "arithmetic" } ] }
/// ```
public struct BuildSpec: Sendable, Codable, Equatable {
    /// A name for the index, for display.
    public var name: String?
    /// The input files.
    public var inputs: Inputs
    /// The time point to build, for inputs with a time column; the latest when absent.
    ///
    /// `IndexBuild.runPanel` builds every time point whatever this says; `civic build` with a
    /// time builds that one year, and a panel only without one.
    public var time: Int?
    /// How a panel build treats time; absent for the defaults (each year normalised on its own).
    public var panel: PanelOptions?
    /// Named weight sets: for each set, weights by node code; nodes not listed keep their metadata weight.
    public var weightSets: [String: [String: Double]]
    /// Named weight sets the build computes from the data (PCA, optimised); in the spec's
    /// `weightSets` beside the plain ones, told apart by their `method`.
    public var derivedWeightSets: [String: DerivedWeights]
    /// The steps, in order.
    public var steps: [BuildStep]

    /// The input files of a build, in one of the two supported layouts.
    public enum Inputs: Sendable, Codable, Equatable {
        /// COINr's `iData` and `iMeta` tables.
        case coinr(iData: String, iMeta: String)
        /// The native layout: units, indicators and values; the aggregates either among the
        /// indicators or in a `hierarchy` file; `columns` for headers that use other names.
        case native(units: String, indicators: String, values: String, hierarchy: String? = nil, columns: NativeColumns = NativeColumns())

        private enum Keys: String, CodingKey, CaseIterable { case iData, iMeta, units, indicators, values, hierarchy, columns }

        public init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(Keys.allCases.map(\.rawValue))
            let c = try decoder.container(keyedBy: Keys.self)
            if c.contains(.iData) || c.contains(.iMeta) {
                for key in [Keys.units, .indicators, .values, .hierarchy, .columns] where c.contains(key) {
                    throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "\(key.rawValue) belongs to the native layout, not to COINr's iData and iMeta")
                }
                self = .coinr(iData: try c.decode(String.self, forKey: .iData), iMeta: try c.decode(String.self, forKey: .iMeta))
            } else {
                let hierarchy = try c.decodeIfPresent(String.self, forKey: .hierarchy)
                let columns = try c.value(.columns, default: NativeColumns())
                if hierarchy == nil, columns.names["hierarchy"] != nil {
                    let inner = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .columns)
                    throw DecodingError.dataCorruptedError(forKey: AnyKey("hierarchy"), in: inner, debugDescription: "names columns of a hierarchy file, but inputs has no hierarchy")
                }
                self = .native(
                    units: try c.decode(String.self, forKey: .units),
                    indicators: try c.decode(String.self, forKey: .indicators),
                    values: try c.decode(String.self, forKey: .values),
                    hierarchy: hierarchy, columns: columns)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            switch self {
            case let .coinr(iData, iMeta):
                try c.encode(iData, forKey: .iData)
                try c.encode(iMeta, forKey: .iMeta)
            case let .native(units, indicators, values, hierarchy, columns):
                try c.encode(units, forKey: .units)
                try c.encode(indicators, forKey: .indicators)
                try c.encode(values, forKey: .values)
                try c.encodeIfPresent(hierarchy, forKey: .hierarchy)
                if columns != NativeColumns() { try c.encode(columns, forKey: .columns) }
            }
        }

        /// The input paths, in a fixed order (an optional hierarchy last, so that the
        /// fingerprint of inputs without one is as it always was).
        public var paths: [(role: String, path: String)] {
            switch self {
            case let .coinr(iData, iMeta): [("iData", iData), ("iMeta", iMeta)]
            case let .native(units, indicators, values, hierarchy, _):
                [("units", units), ("indicators", indicators), ("values", values)] + (hierarchy.map { [("hierarchy", $0)] } ?? [])
            }
        }
    }

    private enum Keys: String, CodingKey, CaseIterable { case name, inputs, time, panel, weightSets, steps }

    /// The fields of a spec's top level.
    static let topLevelFields = Keys.allCases.map(\.rawValue)

    /// Creates a spec.
    public init(
        name: String? = nil, inputs: Inputs, time: Int? = nil, panel: PanelOptions? = nil, weightSets: [String: [String: Double]] = [:],
        derivedWeightSets: [String: DerivedWeights] = [:], steps: [BuildStep]
    ) {
        self.name = name
        self.inputs = inputs
        self.time = time
        self.panel = panel
        self.weightSets = weightSets
        self.derivedWeightSets = derivedWeightSets
        self.steps = steps
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Self.topLevelFields)
        let c = try decoder.container(keyedBy: Keys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        inputs = try c.decode(Inputs.self, forKey: .inputs)
        // Read as a number and checked here: Foundation reports a fraction where an Int is
        // expected as invalid JSON without a path.
        if let value = try c.decodeIfPresent(Double.self, forKey: .time) {
            guard let whole = Int(exactly: value) else {
                throw DecodingError.dataCorruptedError(forKey: .time, in: c, debugDescription: "time must be a whole number, not \(value)")
            }
            time = whole
        } else {
            time = nil
        }
        panel = try c.decodeIfPresent(PanelOptions.self, forKey: .panel)
        weightSets = [:]
        derivedWeightSets = [:]
        if c.contains(.weightSets) {
            let sets = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .weightSets)
            let method = AnyKey("method")
            for key in sets.allKeys {
                // A set with a textual `method` is computed; a node may be called `method`, but its weight is a number.
                let entry = try? sets.nestedContainer(keyedBy: AnyKey.self, forKey: key)
                if let entry, (try? entry.decode(String.self, forKey: method)) != nil {
                    derivedWeightSets[key.stringValue] = try sets.decode(DerivedWeights.self, forKey: key)
                } else {
                    weightSets[key.stringValue] = try sets.decode([String: Double].self, forKey: key)
                }
            }
        }
        steps = try c.decode([BuildStep].self, forKey: .steps)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encode(inputs, forKey: .inputs)
        try c.encodeIfPresent(time, forKey: .time)
        try c.encodeIfPresent(panel, forKey: .panel)
        var sets = c.nestedContainer(keyedBy: AnyKey.self, forKey: .weightSets)
        for (name, set) in weightSets { try sets.encode(set, forKey: AnyKey(name)) }
        for (name, set) in derivedWeightSets { try sets.encode(set, forKey: AnyKey(name)) }
        try c.encode(steps, forKey: .steps)
    }

    /// Decodes a spec from JSON; `file` names it in errors.
    public static func decode(_ data: Data, file: String) throws(IndexEngineError) -> BuildSpec {
        try SpecFile.decode(BuildSpec.self, from: data, file: file)
    }

    /// Reads and decodes the spec file at `path`.
    public static func read(path: String) throws(IndexEngineError) -> BuildSpec {
        try decode(try SpecFile.data(path: path, what: "the spec"), file: path)
    }

    /// The spec as canonical JSON: sorted keys, so equal specs give equal bytes.
    public func canonicalJSON() -> Data {
        (try? CanonicalJSON.encoder(pretty: true).encode(self)) ?? Data()
    }
}
