import SpoolScreen
import Testing

/// `LANG=C`: nothing beyond ASCII becomes a blank.
@Suite struct ASCIIFallbackTests {
    @Test func punctuationBecomesItsLookAlike() {
        let text = "people’s “agenda” – yes — no…".map { ASCIIFallback.text(for: String($0)) }.joined()
        #expect(text == "people's \"agenda\" - yes - no.")
    }

    @Test func accentedLettersLoseTheirAccents() {
        #expect("Français Ørsted".map { ASCIIFallback.text(for: String($0)) }.joined() == "Francais ?rsted")
    }

    @Test func everythingElseIsAQuestionMarkNeverABlank() {
        for grapheme in ["語", "😀", "👨‍👩‍👧", "\u{0627}"] { #expect(ASCIIFallback.text(for: grapheme) == "?") }
        #expect(ASCIIFallback.text(for: "a") == "a" && ASCIIFallback.text(for: " ") == " ")
    }
}
