/// The one error type of the awards programme: which rule was broken and where.
///
/// Rules of the programme (phases, eligibility, conflicts, ballots) and bad input files report
/// through this type, naming the file, row and field, or the object (nomination, analyst,
/// ballot) involved.
public struct AwardsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The category of a failure.
    public enum Kind: String, Sendable, Equatable {
        /// A file could not be read or parsed.
        case unreadableFile
        /// A value is malformed or out of range.
        case invalidValue
        /// A referenced object does not exist.
        case unknownReference
        /// An object with the same identity already exists.
        case duplicate
        /// The current phase of the cycle does not allow the action.
        case outOfPhase
        /// The action conflicts with a declared or detected conflict of interest.
        case conflictOfInterest
        /// The action is not allowed in the object's current state (a locked review, a withdrawn nomination, …).
        case invalidState
        /// No assignment or selection satisfies every constraint.
        case infeasible
        /// A ballot is malformed.
        case invalidBallot
        /// The person acting may not take part in this (a juror not on the cycle's jury).
        case notPermitted
        /// The database failed.
        case storage
    }

    /// The category of the failure.
    public var kind: Kind
    /// What was wrong, in words.
    public var message: String
    /// The file, if the failure comes from one.
    public var file: String?
    /// The 1-based row of `file`, if known.
    public var row: Int?
    /// The field or column, if known.
    public var field: String?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, file: String? = nil, row: Int? = nil, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.row = row
        self.field = field
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let row { location.append("row \(row)") }
        if let field { location.append("field '\(field)'") }
        return location.isEmpty ? message : location.joined(separator: ", ") + ": " + message
    }
}
