import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small XML tree read with Foundation's parser (libxml2 underneath), for exports that
/// are XML (Disqus, WordPress): elements with their attributes, text and children.
/// Namespaces are not processed, so a prefix a file forgot to declare (`atom:` in real
/// WordPress exports) is kept as part of the name instead of failing the file.
final class XMLElement {
    let name: String
    let attributes: [String: String]
    var text = ""
    var children: [XMLElement] = []

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The first child named `name`.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// The text of the first child named `name`, trimmed; nil when absent or empty.
    func value(_ name: String) -> String? {
        guard let text = child(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            return nil
        }
        return text
    }

    /// Parses `bytes`; throws an ``ImportError`` naming `file` and the line.
    static func parse(_ bytes: [UInt8], file: String) throws -> XMLElement {
        let builder = Builder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let line = parser.lineNumber > 0 ? parser.lineNumber : nil
            let why = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "no root element"
            throw ImportError(
                file: file, line: line,
                reason: .malformed("is not readable XML (\(why)). Check that the export is complete."))
        }
        return root
    }

    /// Builds the tree from the parser's events, with a stack (no recursion).
    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLElement?
        private var open: [XMLElement] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            let element = XMLElement(name: elementName, attributes: attributes)
            if let parent = open.last { parent.children.append(element) } else { root = element }
            open.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            _ = open.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { open.last?.text += string }

        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            open.last?.text += String(decoding: block, as: UTF8.self)
        }
    }
}
