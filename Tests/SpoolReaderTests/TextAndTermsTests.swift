import SpoolCore
import SpoolScreen
import Testing

@testable import SpoolReader

/// The small pieces the reader's features stand on: smart-case matching, ages.
@Suite struct TextMatcherTests {
    @Test func lowerCaseQueriesIgnoreCase() {
        #expect(TextMatcher("ofsted").matches("Ofsted and OFSTED"))
        #expect(!TextMatcher("ofsted").matches("Ofst ed"))
    }

    @Test func aCapitalMakesTheQueryCaseSensitive() {
        #expect(Reader.isCaseSensitive("Ofsted") && !Reader.isCaseSensitive("ofsted"))
        #expect(TextMatcher("OFSTED").matches("the OFSTED report"))
        #expect(!TextMatcher("OFSTED").matches("the Ofsted report"))
    }

    @Test func nonASCIIQueriesMatchLetters() {
        #expect(TextMatcher("grüße").matches("Viele GRÜSSE, grüße"))
        #expect(TextMatcher("日本").matches("これは日本語"))
        #expect(TextMatcher("é").matches("café"))
    }
}

@Suite struct AgeTextTests {
    let now = Timestamp(year: 2026, month: 11, day: 25, hour: 12, minute: 0, utcOffsetMinutes: 0)

    @Test func recentDatesAreAges() {
        #expect(AgeText.short(Timestamp(year: 2026, month: 11, day: 25, hour: 11, minute: 48), now: now) == "12m")
        #expect(AgeText.short(Timestamp(year: 2026, month: 11, day: 25, hour: 7, minute: 0), now: now) == "5h")
        #expect(AgeText.short(Timestamp(year: 2026, month: 11, day: 22, hour: 12, minute: 0), now: now) == "3d")
    }

    @Test func olderDatesAreDays() {
        #expect(AgeText.short(Timestamp(year: 2026, month: 3, day: 2), now: now) == "Mar 2")
        #expect(AgeText.short(Timestamp(year: 2014, month: 10, day: 28), now: now) == "2014-10-28")
        #expect(
            AgeText.short(Timestamp(year: 2027, month: 1, day: 1), now: now) == "2027-01-01", "the future is a date")
    }

    @Test func patternsAndStyles() {
        let date = Timestamp(year: 2014, month: 10, day: 28, hour: 9, minute: 5, second: 7)
        #expect(AgeText.formatted(date, "%d/%m/%y %H:%M:%S %% %q") == "28/10/14 09:05:07 % %q")
        #expect(AgeText.text(date, style: .absolute, now: now) == "2014-10-28 09:05:07")
        #expect(AgeText.text(date, style: .custom("%e %b"), now: now) == "28 Oct")
    }
}

@Suite struct StatusMessagesUnitTests {
    @Test func aKeyDismissesOnlyWhatWasOnScreen() {
        var messages = StatusMessages()
        messages.queue("first")
        messages.queue("second")
        messages.queue("first")
        #expect(messages.queued == ["first", "second"], "the same warning is not queued twice")
        messages.say("a key's message")
        #expect(messages.shown == "a key's message")
        messages.keyPressed()
        #expect(messages.shown == "first (1 of 2; a key shows the next)", "the key's message hid the warning")
        messages.keyPressed()
        #expect(messages.shown == "second")
        messages.keyPressed()
        #expect(messages.shown == nil)
    }
}
