import Foundation
import IndexEngine
import ZIPFoundation

/// A workbook of plain tables, written as an Office Open XML spreadsheet (`.xlsx`) that Excel,
/// LibreOffice and openpyxl read.
///
/// The parts are written here (`SpreadsheetML`) and packed with ZIPFoundation in memory. The
/// same sheets give the same bytes: every entry carries one fixed date.
public struct Workbook: Sendable, Equatable {
    /// The sheets, in order.
    public var sheets: [Worksheet]

    /// The MIME type of the file.
    public static let contentType = SpreadsheetML.contentType

    /// A workbook of `sheets`.
    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }

    /// The date every entry of the package carries, so that the file depends on its sheets alone.
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01

    /// The `.xlsx` file. Sheet names are made acceptable to Excel and unique (`SheetName`);
    /// a workbook without sheets gets one empty sheet, since a workbook must have one.
    public func xlsx() throws(WorkbookError) -> Data {
        let sheets = self.sheets.isEmpty ? [Worksheet("Sheet", OutputTable(header: [], rows: []))] : self.sheets
        var parts: [(String, String)] = [
            ("[Content_Types].xml", SpreadsheetML.contentTypes(sheets: sheets.count)),
            ("_rels/.rels", SpreadsheetML.packageRelationships),
            ("xl/workbook.xml", SpreadsheetML.workbook(sheetNames: SheetName.unique(sheets.map(\.name)))),
            ("xl/_rels/workbook.xml.rels", SpreadsheetML.workbookRelationships(sheets: sheets.count)),
            ("xl/styles.xml", SpreadsheetML.styles),
        ]
        parts += sheets.enumerated().map { i, sheet in ("xl/worksheets/sheet\(i + 1).xml", SpreadsheetML.worksheet(sheet.table)) }
        do {
            let archive = try Archive(data: Data(), accessMode: .create, pathEncoding: nil)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.entryDate, compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw WorkbookError("the archive kept no data") }
            return data
        } catch let error as WorkbookError {
            throw error
        } catch {
            throw WorkbookError("cannot pack the workbook (\(error))")
        }
    }
}
