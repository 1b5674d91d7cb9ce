import SpoolScreen
import Testing

@testable import SpoolView

/// TOML 1.0 as the spec's examples write it, and the inputs that once aborted Spool.
@Suite struct TOMLParserTests {
    private func value(_ text: String, _ key: String = "v") throws -> TOMLValue? {
        try TOMLParser.parse(text)[key]
    }

    private func line(ofError text: String) -> Int? {
        do {
            _ = try TOMLParser.parse(text)
            return nil
        } catch let error as TOMLError {
            return error.line
        } catch {
            return nil
        }
    }

    @Test func scalars() throws {
        #expect(try value("v = \"a\\tb\\u00e9\\U0001F600\"") == .string("a\tbé😀"))
        #expect(try value("v = 'C:\\path'") == .string("C:\\path"))
        #expect(try value("v = +99") == .integer(99))
        #expect(try value("v = 1_000_000") == .integer(1_000_000))
        #expect(try value("v = 0xdead_BEEF") == .integer(0xDEAD_BEEF))
        #expect(try value("v = 0o17") == .integer(15))
        #expect(try value("v = 0b1010") == .integer(10))
        #expect(try value("v = -0.5e-3") == .float(-0.0005))
        #expect(try value("v = -inf") == .float(-.infinity))
        #expect(try value("v = nan")?.double?.isNaN == true)
        #expect(try value("v = true") == .boolean(true))
        #expect(try value("v = 1979-05-27T00:32:00.999999-07:00") == .dateTime("1979-05-27T00:32:00.999999-07:00"))
        #expect(try value("v = 1979-05-27 07:32:00") == .dateTime("1979-05-27 07:32:00"))
        #expect(try value("v = 07:32:00") == .dateTime("07:32:00"))
    }

    @Test func multilineStrings() throws {
        #expect(try value("v = \"\"\"\nRoses\nViolets\"\"\"") == .string("Roses\nViolets"))
        #expect(try value("v = \"\"\"\nThe quick \\\n\n   brown fox\"\"\"") == .string("The quick brown fox"))
        #expect(
            try value("v = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"")
                == .string("Here are two quotation marks: \"\". Simple enough."))
        #expect(try value("v = '''That's still pointless'''''") == .string("That's still pointless''"))
        #expect(try value("v = '''\nraw \\n text\n'''") == .string("raw \\n text\n"))
    }

    @Test func tablesArraysAndDottedKeys() throws {
        let table = try TOMLParser.parse(
            """
            name.first = "Tom" # comment
            [owner]
            dob = 1979-05-27
            [a.b]
            c = [1, [2, 3], {x = 1}]
            [[products]]
            name = "Hammer"
            [[products]]
            [[products]]
            name = "Nail"
            """)
        #expect(table.keys == ["name", "owner", "a", "products"])
        #expect(table["name"]?.table?["first"] == .string("Tom"))
        #expect(table["a"]?.table?["b"]?.table?["c"]?.array?.count == 3)
        let products = try #require(table["products"]?.array)
        #expect(products.count == 3 && products[1] == .table(TOMLTable()))
        #expect(products[2].table?["name"] == .string("Nail"))
    }

    @Test(arguments: [
        "a = [}", "\"tree.text\" = [}", "[ö]", "[[[x]]]", "a = {", "a = [1,,2]", "a = {x = 1,}", "a = 01", "a = 1__0",
        "a = 0x", "a = 1.", "a = .5", "a = 1e", "a = \"unclosed", "a = '\n'", "a = \"\\q\"", "a = \"\\uD800\"",
        "a = 2000-02-30", "a = 24:00:00", "a = 1\na = 2", "[t]\n[t]", "a.b = 1\n[a.b]", "a = {x = 1}\n[a]",
        "[[a]]\n[a]", "a = [1]\n[[a]]", "= 1", "a b = 1", "a = 1 b = 2", "# bell \u{7}", "a = \"tab\u{0}\"",
        "a = 9223372036854775808", "\u{FEFF}a = 1",
    ])
    func malformedInputIsAnErrorNeverACrash(text: String) {
        #expect(line(ofError: text) != nil, "\(text.debugDescription) was accepted")
    }

    @Test func errorsNameTheirLine() {
        #expect(line(ofError: "a = 1\nb = 2\nc = [}\n") == 3)
        #expect(line(ofError: "[t]\nx = 1\n\n[t]\n") == 4)
        #expect(line(ofError: "s = \"\"\"\none\ntwo\n") == 4, "an unclosed string is reported where the text ends")
    }

    @Test func nestingIsBoundedNotRecursedWithoutEnd() {
        let deep = "a = " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(line(ofError: deep) == 1)
        let fine = "a = " + String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        #expect(line(ofError: fine) == nil)
    }

    @Test func keysHaveBoundedParts() {
        let header = "[" + Array(repeating: "a", count: 100_000).joined(separator: ".") + "]"
        #expect(line(ofError: header) == 1)
        let dotted = Array(repeating: "a", count: 100_000).joined(separator: ".") + " = 1"
        #expect(line(ofError: dotted) == 1)
        #expect(line(ofError: Array(repeating: "a", count: 50).joined(separator: ".") + " = 1") == nil)
        let fiftyParts = Array(repeating: "a", count: 50).joined(separator: ".")
        let nested =
            "x = " + String(repeating: "{ \(fiftyParts) = ", count: 60) + "1" + String(repeating: " }", count: 60)
        #expect(line(ofError: nested) == 1, "inline tables of many-part keys count every part")
    }

    @Test func carriageReturnLineFeedsAreLineBreaks() throws {
        let table = try TOMLParser.parse("a = 1\r\nb = \"\"\"x\r\ny\"\"\"\r\n")
        #expect(table["b"] == .string("x\ny"))
        #expect(line(ofError: "a = 1\rb = 2") != nil, "a lone carriage return is not")
    }
}

/// Numbers at their edges: 64-bit bounds, signs, underscores, exponents.
@Suite struct TOMLNumberEdgeTests {
    private func number(_ literal: String) -> TOMLValue? { try? TOMLParser.parse("v = " + literal)["v"] }

    @Test func integersUseAll64Bits() {
        #expect(number("9223372036854775807") == .integer(.max))
        #expect(number("-9223372036854775808") == .integer(.min))
        #expect(number("0x7FFF_FFFF_FFFF_FFFF") == .integer(.max))
        #expect(number("0x8000000000000000") == nil, "past 64 bits is an error, not a wrap")
        #expect(number("-0") == .integer(0) && number("+0") == .integer(0))
    }

    @Test func prefixedIntegersTakeNoSign() {
        #expect(number("-0x1") == nil)
        #expect(number("+0o7") == nil)
        #expect(number("0X1") == nil, "the prefix is lower case")
    }

    @Test func floatsNeedDigitsOnBothSidesOfThePoint() {
        #expect(number("3.14") == .float(3.14))
        #expect(number("5e+22") == .float(5e22))
        #expect(number("1E06") == .float(1e6), "an exponent may have leading zeros")
        #expect(number("6.626e-34") == .float(6.626e-34))
        #expect(number("224_617.445_991") == .float(224_617.445_991))
        #expect(number("-0.0") == .float(-0.0))
        #expect(number("3.e2") == nil)
        #expect(number("1_.5") == nil)
        #expect(number("1e_5") == nil)
    }
}
