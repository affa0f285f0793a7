/// COINr's per-indicator normalisation columns of `iMeta`, read into `IndicatorNormalisation`.
///
/// The columns are those COINr 1.1's `Normalise()` reads with `f_n_para = "use_iMeta"`:
/// `goalpost_lower`, `goalpost_upper`, `goalpost_scale`, `goalpost_trunc2posts`,
/// `dist2targ_cap_max`, `minmax_lower`, `minmax_upper`, `zscore_mean`, `zscore_sd`,
/// `scaled_lower`, `scaled_upper` and `scaled_scale_factor` (COINr's help of `n_scaled` calls it
/// `scale_factor`; either name is read). An empty cell leaves that indicator to the step. Any
/// other column whose name starts like one of these (`goalpost_`, `minmax_`, …) is refused as a
/// misspelt parameter rather than ignored; columns of other names are ignored, as COINr does.
struct COINrNormalisationColumns {
    /// Every column read, by its name in `iMeta`.
    static let names = [
        "goalpost_lower", "goalpost_upper", "goalpost_scale", "goalpost_trunc2posts", "dist2targ_cap_max", "minmax_lower",
        "minmax_upper", "zscore_mean", "zscore_sd", "scaled_lower", "scaled_upper", "scaled_scale_factor", "scale_factor",
    ]
    /// The beginnings that mark a column as a normalisation parameter.
    static let prefixes = ["goalpost_", "dist2targ_", "minmax_", "zscore_", "scaled_"]
    /// Pairs that are given together, on every row and as columns.
    static let pairs = [("goalpost_lower", "goalpost_upper"), ("minmax_lower", "minmax_upper"), ("scaled_lower", "scaled_upper")]

    private let meta: CSVTable
    private let index: [String: Int]

    /// Finds the parameter columns of `meta`, refusing unknown ones, half pairs and goalposts given twice.
    init(_ meta: CSVTable) throws(IndexEngineError) {
        self.meta = meta
        var index: [String: Int] = [:]
        for name in meta.header {
            if Self.names.contains(name) {
                index[name] = meta.columnIndex(name)
            } else if Self.prefixes.contains(where: { name.hasPrefix($0) }) {
                throw IndexEngineError(
                    .invalidParameter, "unknown normalisation parameter column; expected one of: \(Self.names.joined(separator: ", "))",
                    file: meta.name, row: 1, column: name)
            }
        }
        for (low, high) in Self.pairs where (index[low] == nil) != (index[high] == nil) {
            let missing = index[low] == nil ? low : high
            throw IndexEngineError(.missingColumn, "\(low) and \(high) go together: \(missing) is missing", file: meta.name, row: 1, column: missing)
        }
        if index["scaled_scale_factor"] != nil, index["scale_factor"] != nil {
            throw IndexEngineError(.invalidParameter, "give the scale factor once, as scaled_scale_factor or scale_factor", file: meta.name, row: 1, column: "scale_factor")
        }
        if index["goalpost_lower"] != nil, meta.columnIndex("GoalpostLow") != nil || meta.columnIndex("GoalpostHigh") != nil {
            throw IndexEngineError(
                .invalidParameter, "give goalposts once, as GoalpostLow and GoalpostHigh or as goalpost_lower and goalpost_upper",
                file: meta.name, row: 1, column: "goalpost_lower")
        }
        self.index = index
    }

    /// The parameters on one row; `indicator` is false for aggregates, which may not have any.
    func parameters(_ fields: [String], row: Int, code: String, indicator: Bool) throws(IndexEngineError) -> IndicatorNormalisation {
        let file = meta.name
        func number(_ name: String) throws(IndexEngineError) -> Double? {
            guard let c = index[name] else { return nil }
            return try Cell.optionalNumber(fields[c], file: file, row: row, column: name)
        }
        func flag(_ name: String) throws(IndexEngineError) -> Bool? {
            guard let c = index[name] else { return nil }
            return try Cell.optionalFlag(fields[c], file: file, row: row, column: name)
        }
        func pair(_ low: String, _ high: String) throws(IndexEngineError) -> [Double]? {
            switch (try number(low), try number(high)) {
            case (nil, nil): return nil
            case let (l?, h?): return [l, h]
            case (nil, _): throw IndexEngineError(.invalidParameter, "'\(code)' has \(high) but no \(low)", file: file, row: row, column: low)
            case (_, nil): throw IndexEngineError(.invalidParameter, "'\(code)' has \(low) but no \(high)", file: file, row: row, column: high)
            }
        }
        var p = IndicatorNormalisation()
        p.goalposts = try pair("goalpost_lower", "goalpost_upper")
        if let posts = p.goalposts, posts[0] == posts[1] {
            throw IndexEngineError(.invalidParameter, "the goalposts of '\(code)' must differ", file: file, row: row, column: "goalpost_upper")
        }
        p.goalpostScale = try number("goalpost_scale")
        p.truncateToPosts = try flag("goalpost_trunc2posts")
        p.capAtTarget = try flag("dist2targ_cap_max")
        p.minMaxRange = try pair("minmax_lower", "minmax_upper")
        p.zScoreMean = try number("zscore_mean")
        p.zScoreSD = try number("zscore_sd")
        if let sd = p.zScoreSD, sd <= 0 {
            throw IndexEngineError(.invalidParameter, "the zscore_sd of '\(code)' must be positive, not \(NumberFormat.csv(sd))", file: file, row: row, column: "zscore_sd")
        }
        p.scaledRange = try pair("scaled_lower", "scaled_upper")
        if let range = p.scaledRange, range[0] == range[1] {
            throw IndexEngineError(.invalidParameter, "the scaled range of '\(code)' needs two different ends", file: file, row: row, column: "scaled_upper")
        }
        let factorColumn = index["scale_factor"] != nil ? "scale_factor" : "scaled_scale_factor"
        p.scaledScaleFactor = try number(factorColumn)
        if p.scaledScaleFactor == 0 {
            throw IndexEngineError(.invalidParameter, "the scale factor of '\(code)' must not be 0", file: file, row: row, column: factorColumn)
        }
        if !indicator, p != IndicatorNormalisation() {
            let column = Self.names.first { index[$0].map { Cell.text(fields[$0]) != nil } ?? false } ?? "Type"
            throw IndexEngineError(.invalidParameter, "'\(code)' is an aggregate: normalisation parameters belong to indicators", file: file, row: row, column: column)
        }
        return p
    }
}
