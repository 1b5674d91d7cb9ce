import CLibXML2
import Foundation

/// A small XML tree read with libxml2, for exports that are XML (Disqus, WordPress, Stack
/// Exchange): elements with their attributes, text and children, names with their prefix
/// as written (`wp:comment`, `dsq:id`). The parser recovers where it can: a prefix a file
/// forgot to declare (`atom:` in real WordPress exports) keeps its name instead of failing
/// the file; it never reads the network or an external DTD.
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
        let document = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                spool_xml_silence()
                return xmlReadMemory($0, Int32(clamping: buffer.count), nil, nil, spool_xml_options())
            }
        }
        guard let document, let rootNode = xmlDocGetRootElement(document) else {
            let error = xmlGetLastError()
            let line = error.map { Int($0.pointee.line) }.flatMap { $0 > 0 ? $0 : nil }
            let why =
                error.flatMap { $0.pointee.message.map { String(cString: $0).trimmingTrailingNewlines() } }
                ?? "no root element"
            if let document { xmlFreeDoc(document) }
            throw ImportError(
                file: file, line: line,
                reason: .malformed("is not readable XML (\(why)). Check that the export is complete."))
        }
        defer { xmlFreeDoc(document) }
        // Built with a stack, so nesting of any depth never touches the call stack.
        let root = element(of: rootNode)
        var stack: [(node: xmlNodePtr, element: XMLElement)] = [(rootNode, root)]
        while let (node, element) = stack.popLast() {
            var child = node.pointee.children
            while let current = child {
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    let made = XMLElement.element(of: current)
                    element.children.append(made)
                    stack.append((current, made))
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { element.text += String(cString: content) }
                default: break
                }
                child = current.pointee.next
            }
        }
        return root
    }

    /// An element for `node`: its name and attributes with their prefixes.
    private static func element(of node: xmlNodePtr) -> XMLElement {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = qualifiedName(current.pointee.name, current.pointee.ns)
            if let value = xmlNodeListGetString(node.pointee.doc, current.pointee.children, 1) {
                attributes[name] = String(cString: value)
                spool_xml_free(value)
            } else {
                attributes[name] = ""
            }
            attribute = current.pointee.next
        }
        return XMLElement(name: qualifiedName(node.pointee.name, node.pointee.ns), attributes: attributes)
    }

    private static func qualifiedName(_ name: UnsafePointer<xmlChar>?, _ namespace: xmlNsPtr?) -> String {
        let local = name.map { String(cString: $0) } ?? ""
        guard let prefix = namespace?.pointee.prefix else { return local }
        return String(cString: prefix) + ":" + local
    }
}
