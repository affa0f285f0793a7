/// Why a workbook could not be written.
public struct WorkbookError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
