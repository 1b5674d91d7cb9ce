import Testing

@testable import SpoolView

/// Which tables may be defined where: TOML's one-definition rules, as `tomllib` applies
/// them (each case here was checked against it).
@Suite struct TOMLTableRulesTests {
    private func accepts(_ text: String) -> Bool { (try? TOMLParser.parse(text)) != nil }

    @Test(arguments: [
        "[a.b.c]\n[a]\nx = 1",  // a is implicit until its own header
        "[a]\nb.c = 1\nb.d = 2",  // dotted keys extend their own tables in one section
        "a.b = 1\n[a.c]\nx = 1",  // a header may go through a dotted table
        "[[a]]\n[a.b]\nx = 1\n[[a]]\n[a.b]\ny = 2",  // each array element has its own tables
        "[[a.b]]\n[[a.b]]\n[a]\nc = 1",
        "a = {}\nb = []",
        "x = { a.b = 1, a.c = 2 }",  // dotted keys in an inline table
        "[a.b.c]\n[a.b]\n[a]",
    ])
    func tablesThatMayBeDefined(text: String) {
        #expect(accepts(text), "\(text.debugDescription)")
    }

    @Test(arguments: [
        "[a]\n[a]",  // twice
        "[a]\nb = 1\n[a.b]",  // a value, not a table
        "a.b = 1\n[a]\nc = 1\n[a]",
        "[a]\nb.c = 1\n[a.b]",  // declared by dotted keys
        "[a.b]\n[a]\nb.c = 1",  // a dotted key reaching into a declared table
        "a = { b = 1 }\na.c = 2",  // inline tables are closed
        "a = { b = 1 }\n[a.c]",
        "a = [ { b = 1 } ]\n[[a]]",  // a static array is not an array of tables
        "[[a]]\n[a]",
        "[a]\n[[a]]",
        "x = { a = { b = 1 }, a.c = 2 }",
        "x = { a = 1, a = 2 }",
        "a.b = 1\na.b = 2",
        "a = 1\na.b = 2",
    ])
    func tablesThatMayNotBeRedefined(text: String) {
        #expect(!accepts(text), "\(text.debugDescription) was accepted")
    }

    @Test func arraysOfTablesKeepTheirElementsApart() throws {
        let table = try TOMLParser.parse(
            """
            [[fruit]]
            name = "apple"
            [fruit.physical]
            color = "red"
            [[fruit.variety]]
            name = "red delicious"
            [[fruit]]
            name = "banana"
            [[fruit.variety]]
            name = "plantain"
            """)
        let fruit = try #require(table["fruit"]?.array)
        #expect(fruit.count == 2)
        #expect(fruit[0].table?["physical"]?.table?["color"] == .string("red"))
        #expect(fruit[0].table?["variety"]?.array?.first?.table?["name"] == .string("red delicious"))
        #expect(fruit[1].table?["physical"] == nil)
        #expect(fruit[1].table?["variety"]?.array?.first?.table?["name"] == .string("plantain"))
    }

    @Test func keysKeepTheOrderTheyWereWritten() throws {
        let table = try TOMLParser.parse("z = 1\na = 2\n[m]\n[b]\n")
        #expect(table.keys == ["z", "a", "m", "b"])
    }

    @Test func valuesWriteThemselvesBackForMessages() throws {
        let table = try TOMLParser.parse(
            "s = \"a\\\"b\\n\"\ni = -3\nf = 2.5\nb = false\nd = 2024-01-02\na = [1, 'x']\nt = { k = true }\nn = -inf")
        #expect(table["s"]?.debugDescription == "\"a\\\"b\\n\"")
        #expect(table["i"]?.debugDescription == "-3")
        #expect(table["f"]?.debugDescription == "2.5")
        #expect(table["b"]?.debugDescription == "false")
        #expect(table["d"]?.debugDescription == "2024-01-02")
        #expect(table["a"]?.debugDescription == "[1, \"x\"]")
        #expect(table["t"]?.debugDescription == "{k = true}")
        #expect(table["n"]?.debugDescription == "-inf")
    }

    @Test func accessorsAnswerOnlyForTheirType() throws {
        let table = try TOMLParser.parse("i = 1\nf = 1.5\ns = 'x'")
        #expect(table["i"]?.int == 1 && table["i"]?.double == nil && table["i"]?.string == nil)
        #expect(table["f"]?.double == 1.5 && table["f"]?.int == nil)
        #expect(table["s"]?.string == "x" && table["s"]?.bool == nil && table["s"]?.array == nil)
        #expect(table["missing"] == nil)
    }
}
