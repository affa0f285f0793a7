import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import WebApp

/// One element of a parsed SVG: its name, attributes and direct text.
struct ParsedElement {
    var name: String
    var attributes: [String: String]
    var text: String
    var depth: Int
}

/// The result of parsing an SVG with Foundation's `XMLParser`.
struct ParsedSVG {
    var wellFormed: Bool
    var error: String?
    var elements: [ParsedElement]

    var root: ParsedElement? { elements.first }

    func all(_ name: String) -> [ParsedElement] { elements.filter { $0.name == name } }

    func first(_ name: String, where predicate: (ParsedElement) -> Bool = { _ in true }) -> ParsedElement? {
        elements.first { $0.name == name && predicate($0) }
    }

    /// The text of the root's `<title>` and `<desc>`.
    var title: String { first("title")?.text ?? "" }
    var desc: String { first("desc")?.text ?? "" }

    /// All text content of `<text>` elements, in order.
    var texts: [String] { all("text").map(\.text) }
}

private final class Collector: NSObject, XMLParserDelegate {
    var elements: [ParsedElement] = []
    var open: [Int] = []
    var balanced = true

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements.append(ParsedElement(name: elementName, attributes: attributeDict, text: "", depth: open.count))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        // Belt and braces: swift-corelibs-foundation's parser can report success on mismatched tags.
        guard let last = open.popLast(), elements[last].name == elementName else {
            balanced = false
            return
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }
}

func parseSVG(_ svg: String) -> ParsedSVG {
    let parser = XMLParser(data: Data(svg.utf8))
    let collector = Collector()
    parser.delegate = collector
    let ok = parser.parse()
    let wellFormed = ok && parser.parserError == nil && collector.balanced && collector.open.isEmpty && !collector.elements.isEmpty
    return ParsedSVG(wellFormed: wellFormed, error: parser.parserError.map { "\($0)" }, elements: collector.elements)
}

/// The checks every chart's output must pass: well-formed XML, an accessible root at its natural size,
/// title and desc wired up, no scripts or external references, coordinates to at most 2 decimals.
/// A chart with `links` is a group (an image's parts are not reachable) whose links all lead to
/// pages of the platform itself.
func expectAccessibleSVG(_ svg: String, links: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
    let parsed = parseSVG(svg)
    #expect(parsed.wellFormed, "not well-formed: \(parsed.error ?? "")", sourceLocation: sourceLocation)
    guard let root = parsed.root else {
        Issue.record("no root element", sourceLocation: sourceLocation)
        return
    }
    #expect(root.name == "svg", sourceLocation: sourceLocation)
    #expect(root.attributes["role"] == (links ? "group" : "img"), sourceLocation: sourceLocation)
    // Drawn at its natural size, a viewBox unit to a pixel, so that its text keeps its size.
    #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true, sourceLocation: sourceLocation)
    let box = (root.attributes["viewBox"] ?? "").split(separator: " ").map(String.init)
    #expect(box.count == 4 && root.attributes["width"] == box[2] && root.attributes["height"] == box[3], sourceLocation: sourceLocation)
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)

    // aria-labelledby names the root's own <title> and <desc>, its first two children.
    let ids = (root.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
    #expect(ids.count == 2, sourceLocation: sourceLocation)
    if parsed.elements.count >= 3, ids.count == 2 {
        #expect(parsed.elements[1].name == "title" && parsed.elements[1].attributes["id"] == ids[0], sourceLocation: sourceLocation)
        #expect(parsed.elements[2].name == "desc" && parsed.elements[2].attributes["id"] == ids[1], sourceLocation: sourceLocation)
        #expect(!parsed.elements[1].text.isEmpty && !parsed.elements[2].text.isEmpty, sourceLocation: sourceLocation)
    }
    #expect(parsed.all("svg").count == 1, sourceLocation: sourceLocation)

    // Nothing active or external.
    let lower = svg.lowercased()
    for banned in ["<script", "url(", "<image", "<foreignobject", "<style", "javascript:", "@import"] + (links ? [] : ["href"]) {
        #expect(!lower.contains(banned), "contains \(banned)", sourceLocation: sourceLocation)
    }
    for link in parsed.elements.compactMap({ $0.attributes["href"] }) {
        #expect(link.hasPrefix("/") && !link.hasPrefix("//"), "a link off the platform: \(link)", sourceLocation: sourceLocation)
    }
    #expect(lower.components(separatedBy: "http").count == 2, "only the xmlns URL", sourceLocation: sourceLocation)

    // Coordinates: plain numbers with at most two decimals.
    let numeric: Set<String> = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height", "stroke-width", "font-size"]
    for element in parsed.elements {
        #expect(!element.attributes.keys.contains { $0.lowercased().hasPrefix("on") }, "event handler on \(element.name)", sourceLocation: sourceLocation)
    }
    for element in parsed.elements.dropFirst() {
        for (key, value) in element.attributes where numeric.contains(key) {
            #expect(isPlainNumber(value), "\(element.name) \(key)=\(value)", sourceLocation: sourceLocation)
        }
        if let points = element.attributes["points"] {
            for pair in points.split(separator: " ") {
                #expect(pair.split(separator: ",").count == 2 && pair.split(separator: ",").allSatisfy { isPlainNumber(String($0)) }, "points \(pair)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// `-?digits(.d{1,2})?`, no `-0`.
func isPlainNumber(_ s: String) -> Bool {
    var body = Substring(s)
    if body.hasPrefix("-") { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts[0].allSatisfy(\.isASCII), parts[0].allSatisfy(\.isNumber) else { return false }
    if parts.count == 2 {
        guard (1...2).contains(parts[1].count), parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber), parts[1].last != "0" else { return false }
    }
    return s != "-0"
}

/// A label that needs escaping.
let nastyLabel = "Tom & Jerry <b>"
