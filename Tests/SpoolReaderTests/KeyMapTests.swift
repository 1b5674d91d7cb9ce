import SpoolCore
import SpoolScreen
import Testing

@testable import SpoolReader

/// The standard key map is DESIGN.md's key table; every action is named and described.
@Suite struct KeyMapTests {
    @Test func theStandardMapIsTheDesignTable() throws {
        let table: [(String, Action)] = [
            ("j", .nextComment), ("<Down>", .nextComment), ("k", .previousComment), ("<Up>", .previousComment),
            ("<Enter>", .toggleCollapse), ("o", .toggleCollapse), ("h", .collapseOrParent),
            ("<Left>", .collapseOrParent),
            ("l", .expandOrChild), ("<Right>", .expandOrChild), ("p", .parent), ("]", .nextSibling),
            ("[", .previousSibling), ("C", .collapseAll), ("E", .expandAll), ("g", .first), ("<Home>", .first),
            ("G", .last), ("<End>", .last), ("<PgDn>", .pageDown), ("<C-d>", .pageDown), ("<PgUp>", .pageUp),
            ("<C-u>", .pageUp), ("<Space>", .articlePageDown), ("b", .articlePageUp), ("J", .articleLineDown),
            ("K", .articleLineUp), ("a", .nextSameAuthor), ("A", .previousSameAuthor), ("<Tab>", .nextUnread),
            ("<S-Tab>", .previousUnread), ("r", .toggleRead), ("R", .markSubtreeRead), ("/", .search),
            ("n", .nextMatch), ("N", .previousMatch), ("t", .nextTheme), ("v", .switchLayout), ("M", .markAllRead),
            ("U", .undoBulkMark), ("L", .limit), ("f", .limitToAuthor), ("z", .focusSubtree), ("<Esc>", .close),
            ("i", .inlineMode), ("u", .openURL), ("|", .pipe), ("y", .copy), ("e", .viewInPager), ("?", .help),
            ("q", .quit), ("w", .switchFocus), ("Z", .leaveFocus),
        ]
        for (notation, action) in table {
            let keys = try KeyNotation.parse(notation)
            #expect(keys.count == 1 && KeyMap.standard.action(for: keys[0]) == action, "\(notation)")
        }
    }

    @Test func everyActionHasAKeyAConfigNameAndASummary() {
        for action in Action.allCases {
            #expect(!KeyMap.standard.keys(for: action).isEmpty, "\(action.rawValue) has no key")
            #expect(!action.summary.isEmpty)
            #expect(action.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(action.rawValue) is kebab-case")
        }
    }

    @Test func keysForAnActionAreShortestFirst() {
        #expect(KeyMap.standard.keys(for: .nextComment).map(KeyNotation.name(of:)) == ["j", "Down"])
        #expect(KeyMap.standard.keys(for: .pageDown).map(KeyNotation.name(of:)) == ["C-d", "PgDn"])
    }

    @Test func noKeyIsBoundTwice() {
        var seen = Set<Key>()
        for key in KeyMap.standard.bindings.keys { #expect(seen.insert(key).inserted) }
    }
}
