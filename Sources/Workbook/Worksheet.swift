import IndexEngine

/// One sheet of a workbook: a table whose header row is bold and stays in view (frozen) as
/// the rows scroll.
public struct Worksheet: Sendable, Equatable {
    /// The sheet's name; `Workbook` makes names acceptable to Excel and unique.
    public var name: String
    /// The header and rows.
    public var table: OutputTable

    /// A sheet named `name` holding `table`.
    public init(_ name: String, _ table: OutputTable) {
        self.name = name
        self.table = table
    }
}
