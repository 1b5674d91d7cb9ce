import CLibXML2
import Foundation

/// Feeds an ``HTMLRenderer`` from HTML: libxml2's HTML parser in SAX mode for text (no tree
/// is built), or a walk over a node of a parsed page. Both hand over the same events: an
/// element opens, text, an element closes.
enum HTMLEvents {
    /// Parses `bytes` (UTF-8, whatever a `<meta>` in them says) into `renderer`.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, into renderer: inout HTMLRenderer) {
        let parser = Parser.shared
        guard let base = bytes.baseAddress, bytes.count < Int(Int32.max), let context = parser.context else {
            renderer.text(bytes)
            return
        }
        parser.lock.lock()
        defer { parser.lock.unlock() }
        parser.renderer = renderer
        base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { text in
            // The handlers build no tree, so there is no document to free.
            spool_xml_silence()
            _ = htmlCtxtReadMemory(context, text, Int32(bytes.count), nil, "UTF-8", spool_html_options())
        }
        renderer = parser.renderer
        parser.renderer = HTMLRenderer()
    }

    /// Renders `node` and what is inside it (`inside: true`: only what is inside), walking
    /// the tree without recursion, so nesting of any depth is safe.
    static func walk(_ node: xmlNodePtr, inside: Bool, into renderer: inout HTMLRenderer) {
        var stack: [(node: xmlNodePtr, closing: Bool)] =
            inside ? children(of: node).reversed().map { ($0, false) } : [(node, false)]
        while let (current, closing) = stack.popLast() {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            if closing {
                renderer.close(name)
                continue
            }
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                renderer.open(name) { wanted in
                    guard HTMLRenderer.wantsAttributes(of: name), let value = xmlGetProp(current, wanted) else {
                        return nil
                    }
                    defer { spool_xml_free(value) }
                    return String(cString: value)
                }
                stack.append((current, true))
                stack.append(contentsOf: children(of: current).reversed().map { ($0, false) })
            case XML_TEXT_NODE:
                if let content = current.pointee.content {
                    renderer.text(UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            default: break
            }
        }
    }

    private static func children(of node: xmlNodePtr) -> [xmlNodePtr] {
        var children: [xmlNodePtr] = []
        var child = node.pointee.children
        while let next = child {
            children.append(next)
            child = next.pointee.next
        }
        return children
    }

    /// One libxml2 HTML parser context with handlers that feed ``renderer``, reset for each
    /// text (making a context costs as much as parsing a comment). The lock keeps one text
    /// at a time in it.
    private final class Parser: @unchecked Sendable {
        static let shared = Parser()
        let lock = NSLock()
        let context: htmlParserCtxtPtr?
        /// The renderer of the text being parsed.
        var renderer = HTMLRenderer()

        private init() {
            context = htmlNewParserCtxt()
            guard let context else { return }
            let handler = UnsafeMutablePointer<htmlSAXHandler>.allocate(capacity: 1)
            handler.initialize(to: htmlSAXHandler())
            handler.pointee.startElement = { _, name, attributes in
                guard let name else { return }
                let element = String(cString: name)
                Parser.shared.renderer.open(element) { wanted in
                    guard HTMLRenderer.wantsAttributes(of: element), var pair = attributes else { return nil }
                    while let key = pair.pointee {
                        let value = pair.advanced(by: 1).pointee
                        if String(cString: key) == wanted { return value.map { String(cString: $0) } ?? "" }
                        pair = pair.advanced(by: 2)
                    }
                    return nil
                }
            }
            handler.pointee.endElement = { _, name in
                guard let name else { return }
                Parser.shared.renderer.close(String(cString: name))
            }
            handler.pointee.characters = { _, text, length in
                guard let text, length > 0 else { return }
                Parser.shared.renderer.text(UnsafeBufferPointer(start: text, count: Int(length)))
            }
            handler.pointee.ignorableWhitespace = handler.pointee.characters
            // The context's default handlers build a tree; these replace them for good.
            spool_xml_free(context.pointee.sax)
            context.pointee.sax = handler
        }
    }
}
