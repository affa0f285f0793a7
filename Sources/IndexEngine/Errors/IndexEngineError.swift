/// The one error type of the index engine: what went wrong and where.
///
/// Every failure that bad input can cause is reported through this type, with the file, the
/// 1-based row (the header is row 1) and the column or field when they are known, so that a user
/// can go straight to the offending cell.
public struct IndexEngineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a failure, for callers that react to it programmatically.
    public enum Kind: String, Sendable, Equatable {
        case unreadableFile
        case malformedCSV
        case missingColumn
        case unknownCode
        case duplicateCode
        case missingParent
        case invalidHierarchy
        case cycle
        case nonNumeric
        case nonFinite
        case invalidWeight
        case unitWithoutData
        case invalidSpec
        case invalidParameter
        case nonPositiveValue
        case noData
        /// A build gave warnings and was asked (`civic build --strict`) to treat any as an error.
        case warningsRefused
        /// The engine's own bookkeeping failed: a defect to report, not a problem with the input.
        case internalInconsistency
    }

    /// The category of the failure.
    public var kind: Kind
    /// What was wrong, in words.
    public var message: String
    /// The file in which the failure was found, if any.
    public var file: String?
    /// The 1-based row of `file` (the header is row 1), if known.
    public var row: Int?
    /// The column or field, if known.
    public var column: String?

    /// Creates an error of the given kind at an optional location.
    public init(_ kind: Kind, _ message: String, file: String? = nil, row: Int? = nil, column: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.row = row
        self.column = column
    }

    /// Returns the error located in `file`, keeping any row and column already set.
    public func located(in file: String) -> IndexEngineError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let row { location.append("row \(row)") }
        if let column { location.append("column '\(column)'") }
        return location.isEmpty ? message : location.joined(separator: ", ") + ": " + message
    }
}
