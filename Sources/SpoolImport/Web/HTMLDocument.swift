import CLibXML2
import Foundation

/// A saved web page parsed by libxml2's HTML parser (forgiving, as browsers are; never
/// touching the network), queried with XPath. The pages' comment bodies are handed on as
/// HTML to Spool's own rendering (``HTMLText``), so quotes, lists and links read the same
/// as in every other source.
final class HTMLDocument {
    private let document: htmlDocPtr
    private let context: xmlXPathContextPtr

    /// Nil when libxml2 finds no document at all in `bytes`.
    init?(_ bytes: [UInt8]) {
        guard !bytes.isEmpty,
            let document = bytes.withUnsafeBufferPointer({ buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    spool_xml_silence()
                    return htmlReadMemory($0, Int32(clamping: buffer.count), nil, nil, spool_html_options())
                }
            })
        else { return nil }
        guard let context = xmlXPathNewContext(document) else {
            xmlFreeDoc(document)
            return nil
        }
        self.document = document
        self.context = context
    }

    deinit {
        xmlXPathFreeContext(context)
        xmlFreeDoc(document)
    }

    /// The nodes `expression` selects, from the document or from `node`.
    func nodes(_ expression: String, in node: HTMLNode? = nil) -> [HTMLNode] {
        context.pointee.node = node?.pointer ?? xmlDocGetRootElement(document)
        spool_xml_silence()
        guard let result = xmlXPathEvalExpression(expression, context) else { return [] }
        defer { xmlXPathFreeObject(result) }
        guard let set = result.pointee.nodesetval, set.pointee.nodeNr > 0 else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            set.pointee.nodeTab[index].map { HTMLNode(pointer: $0, document: self) }
        }
    }

    /// The first node `expression` selects.
    func node(_ expression: String, in node: HTMLNode? = nil) -> HTMLNode? { nodes(expression, in: node).first }

    fileprivate var pointer: htmlDocPtr { document }
}

/// One node of an ``HTMLDocument`` (valid while the document lives; it keeps it alive).
struct HTMLNode {
    fileprivate let pointer: xmlNodePtr
    fileprivate let document: HTMLDocument

    /// The value of attribute `name`, if present.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { spool_xml_free(value) }
        return String(cString: value)
    }

    /// The text inside, tags removed, white space as in the page.
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { spool_xml_free(content) }
        return String(cString: content)
    }

    /// The text inside with runs of white space as single spaces, trimmed.
    var plainText: String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The node's own HTML (its tags and everything inside), as UTF-8.
    var html: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        _ = htmlNodeDump(buffer, document.pointer, pointer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// The node rendered as Spool renders HTML bodies.
    var renderedText: String {
        var renderer = HTMLRenderer()
        HTMLEvents.walk(pointer, inside: false, into: &renderer)
        return renderer.result
    }

    /// What is inside the node, rendered as Spool renders HTML bodies (for a post wrapped in
    /// an element that is no part of its text, such as vBulletin's `blockquote.postcontent`).
    var renderedInnerText: String {
        var renderer = HTMLRenderer()
        HTMLEvents.walk(pointer, inside: true, into: &renderer)
        return renderer.result
    }

    /// The classes in its `class` attribute.
    var classes: [Substring] { (attribute("class") ?? "").split(separator: " ") }
}
