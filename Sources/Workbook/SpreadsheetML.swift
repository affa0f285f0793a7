import IndexEngine

/// The XML parts of a SpreadsheetML package (ECMA-376): the few a workbook of plain tables
/// needs, with inline strings rather than a shared-string table.
enum SpreadsheetML {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The MIME type of an `.xlsx` file.
    static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// `[Content_Types].xml`: what each part is.
    static func contentTypes(sheets: Int) -> String {
        let overrides = (1...max(1, sheets)).map {
            #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + overrides.joined() + "</Types>"
    }

    /// `_rels/.rels`: the package's main part is the workbook.
    static let packageRelationships = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    /// `xl/workbook.xml`: the sheets by name, in order.
    static func workbook(sheetNames: [String]) -> String {
        let sheets = sheetNames.enumerated().map { i, name in
            #"<sheet name="\#(XMLText.escaped(name))" sheetId="\#(i + 1)" r:id="rId\#(i + 1)"/>"#
        }
        return declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)"><sheets>"#
            + sheets.joined() + "</sheets></workbook>"
    }

    /// `xl/_rels/workbook.xml.rels`: where each sheet and the styles are. The styles take the
    /// id after the sheets'.
    static func workbookRelationships(sheets: Int) -> String {
        let links = (1...max(1, sheets)).map {
            #"<Relationship Id="rId\#($0)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#($0).xml"/>"#
        }
        return declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + links.joined() + #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// The style index of header cells in `styles`.
    static let headerStyle = 1

    /// `xl/styles.xml`: the default style (0) and a bold one for headers (1).
    static let styles = declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    /// `xl/worksheets/sheetN.xml`: the header row in bold, frozen, then the rows. Numbers are
    /// written as the CSV files write them (`NumberFormat.csv`): whole numbers without a
    /// fraction, others in Swift's shortest text that reads back to the same double, never in
    /// a locale's form. A number that is not finite (NaN, ±infinity: missing) leaves its cell
    /// empty, as does empty text.
    static func worksheet(_ table: OutputTable) -> String {
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        if !table.rows.isEmpty {
            xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        }
        xml += "<sheetData>"
        xml += row(0, table.header.map(OutputTable.Value.text), style: headerStyle)
        for (r, values) in table.rows.enumerated() {
            xml += row(r + 1, values, style: nil)
        }
        return xml + "</sheetData></worksheet>"
    }

    private static func row(_ index: Int, _ values: [OutputTable.Value], style: Int?) -> String {
        var xml = #"<row r="\#(index + 1)">"#
        let styled = style.map { #" s="\#($0)""# } ?? ""
        for (c, value) in values.enumerated() {
            let reference = CellReference.cell(row: index, column: c)
            switch value {
            case .number(let number) where number.isFinite:
                xml += #"<c r="\#(reference)"\#(styled)><v>\#(NumberFormat.csv(number))</v></c>"#
            case .text(let text) where !text.isEmpty:
                xml += #"<c r="\#(reference)"\#(styled) t="inlineStr"><is><t xml:space="preserve">\#(XMLText.escaped(text))</t></is></c>"#
            case .number, .text:
                continue
            }
        }
        return xml + "</row>"
    }
}
