import SpoolCore
import SpoolTestSupport
import Testing

@testable import SpoolImport

@Suite struct MailPiecesTests {
    @Test func encodedWordsDecodeAndJoin() {
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?M=E5ns_Rullg=E5rd?= <mru@kth.se>") == "Måns Rullgård <mru@kth.se>")
        #expect(
            EncodedWords.decode("=?UTF-8?B?5pel5pys6Kqe?= =?UTF-8?B?44Gn44GZ?=") == "日本語です",
            "space between encoded words drops")
        #expect(EncodedWords.decode("Re: =?koi8-r?B?8NLJ18XU?= there") == "Re: Привет there")
        #expect(EncodedWords.decode("=?bogus?Q?x?= plain =?") == "x plain =?")
    }

    @Test func numericEntitiesWithoutTheirSemicolonDecodeAsBrowsersDo() {
        #expect(HTMLText.plainTextEntities("RTs @FBI&#039s Court Order") == "RTs @FBI's Court Order")
        #expect(HTMLText.plainTextEntities("a &#8211 b &#x2014; c &#zz") == "a – b — c &#zz")
    }

    @Test func aCharacterSplitAcrossTwoWordsIsWhole() {
        #expect(EncodedWords.decode("=?UTF-8?B?5pc=?= =?UTF-8?B?peacrA==?= tai") == "日本 tai")
        #expect(EncodedWords.decode("=?utf-8?Q?caf=C3?=\n =?UTF-8?Q?=A9?=") == "café", "charset names in any case")
        #expect(
            EncodedWords.decode("=?ISO-8859-1?Q?Andr=E9?= =?UTF-8?Q?_et_Zo=C3=A9?=") == "André et Zoé",
            "words in different charsets are decoded apart")
    }

    @Test func rfc2231ParametersAreJoinedAndDecoded() {
        let whole = MIMEBody.ContentType("text/plain; name*=UTF-8''na%C3%AFve%20plan.txt")
        #expect(whole.parameters["name"] == "naïve plan.txt")
        let split = MIMEBody.ContentType(
            "x/x; filename*0*=ISO-8859-1'fr'caf%E9; filename*1=\" menu\"; filename*2*=.txt")
        #expect(split.parameters["filename"] == "café menu.txt")
        let both = MIMEBody.ContentType("x/x; filename=\"plain.txt\"; filename*=UTF-8''better.txt")
        #expect(both.parameters["filename"] == "better.txt", "the extended value wins")
    }

    @Test func quotedPrintableDecodes() {
        let decoded = QuotedPrintable.decode(Array("caf=C3=A9 soft=\nbreak =3D =ZZ".utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == "café softbreak = =ZZ")
    }

    @Test(arguments: [
        ("Tue, 17 Nov 2009 21:28:37 +0600", "2009-11-17T21:28:37+06:00"),
        ("17 Nov 2009 21:28 -0000", "2009-11-17T21:28Z"),
        ("Thu, 25 Oct 2018 10:41:38 -0300 (BRT)", "2018-10-25T10:41:38-03:00"),
        ("Fri, 19 Mar 04 08:20:57 PST", "2004-03-19T08:20:57-08:00"),
        ("Tue Nov 17 15:28:37 2009", "2009-11-17T15:28:37Z"),
        ("Wednesday, 3 Mar 1999 9:05:00 GMT", "1999-03-03T09:05Z"),
    ])
    func mailDates(raw: String, iso: String) {
        #expect(MailDate.parse(raw)?.iso8601 == iso)
    }

    @Test func badDatesAreNil() {
        #expect(MailDate.parse("yesterday") == nil)
        #expect(MailDate.parse("Tue, 31 Feb 2009 10:00:00 +0000") == nil)
    }

    @Test func senderNames() {
        #expect(MailAddress.displayName("\"Mikhail Gusarov\" <dottedmag@dottedmag.net>") == "Mikhail Gusarov")
        #expect(MailAddress.displayName("Carl Worth <cworth@cworth.org>") == "Carl Worth")
        #expect(
            MailAddress.displayName("jgb at example.com (Jesus M. Gonzalez-Barahona)") == "Jesus M. Gonzalez-Barahona")
        #expect(MailAddress.displayName("<only@address.org>") == "only@address.org")
        #expect(MailAddress.displayName("bare@address.org") == "bare@address.org")
    }

    /// The From and Subject values read from bytes (plain ASCII) are the ones read from
    /// their text: hand-made edge cases and every From and Subject line of the mail fixtures.
    @Test func plainValuesReadFromBytesAsFromTheirText() throws {
        var froms = [
            "\"Mikhail Gusarov\" <dottedmag@dottedmag.net>", " Carl Worth <cworth@cworth.org>  ", "<>", "()", "<", ">",
            "\"\"", "\"", "\" \\\" \"", "\"a\\\\\"b\" <x@y>", "  \t", "", "x (  ) ", "\"q\\\"\" (n)", "a < b > c <d>",
            "(a) (b)", "jgb at example.com (\"Quoted\")", "\t\"Tab\"\t<t@x>\t", "=?x <a@b>", "<a@b>=",
            "Name <a@b> (c)", "((x))", "\"Only quote",
        ]
        var subjects = ["  Re: hello\t", "", " ", "=? not a word", "Re: [PATCH] =3D", "a\tb"]
        for file in MboxImporterTests.fixtures {
            let text = String(decoding: try Fixture.bytes(file), as: UTF8.self)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix("From: ") { froms.append(String(line.dropFirst(5))) }
                if line.hasPrefix("Subject:") { subjects.append(String(line.dropFirst(8))) }
            }
        }
        func text(_ value: String) -> String { Charset.bestEffort(Array(value.utf8)).trimmingWhitespace() }
        var plain = 0
        for from in froms {
            let bytes = Array(from.utf8)
            let fast = bytes.withUnsafeBytes { MailAddress.displayName(plainBytes: $0) }
            if let fast {
                plain += 1
                #expect(fast == MailAddress.displayName(text(from)), "From: \(from)")
            } else {
                #expect(!from.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 9 } || from.contains("=?"))
            }
        }
        for subject in subjects {
            let fast = Array(subject.utf8).withUnsafeBytes { MailHeaderBytes.plainText($0) }
            if let fast {
                plain += 1
                #expect(fast == EncodedWords.decode(text(subject)), "Subject: \(subject)")
            }
        }
        #expect(plain > 200, "most values are plain")
        #expect(Array("Andr\u{E9} <a@b>".utf8).withUnsafeBytes { MailAddress.displayName(plainBytes: $0) } == nil)
        #expect(Array("=?UTF-8?Q?x?= <a@b>".utf8).withUnsafeBytes { MailAddress.displayName(plainBytes: $0) } == nil)
    }

    @Test func messageIDs() {
        #expect(MessageIDs.all(in: "<a@x> <b@y>\n <c@z>") == ["<a@x>", "<b@y>", "<c@z>"])
        #expect(MessageIDs.all(in: "1.0.1.1999@mclink.it") == ["<1.0.1.1999@mclink.it>"])
        #expect(MessageIDs.all(in: "ariel@yon (Ariel Faigon)") == [])
    }

    @Test func htmlBecomesReadableText() {
        let html =
            "<p>Hello &amp; welcome,<br>see <a href=\"https://example.org/a?b=1&amp;c=2\">the docs</a>.</p><blockquote><p>quoted line</p></blockquote><ul><li>one</li><li>two</li></ul><script>evil()</script><pre>  code\n    indented</pre>&#x27;&#39;&nbsp;x"
        #expect(
            HTMLText.plainText(html) == """
                Hello & welcome,
                see the docs <https://example.org/a?b=1&c=2>.

                > quoted line

                • one
                • two

                  code
                    indented

                ''\u{A0}x
                """)
    }

    @Test func htmlWhiteSpaceFoldsAsUnicodeSaysButTheNoBreakSpace() {
        #expect(HTMLText.plainText("a\u{3000}\u{2003}b\u{85}c\t\r\nd&nbsp;&nbsp;e") == "a b c d\u{A0}\u{A0}e")
        #expect(HTMLText.plainText("<pre>one\r\n  two\r\n</pre>") == "one\n  two", "no carriage return inside pre")
        #expect(HTMLText.plainText("<blockquote>&gt; x<p>日本 y</blockquote>z") == "> > x\n\n> 日本 y\n\nz")
        #expect(HTMLText.plainText("&gt; quoted, as HN quotes<p>reply") == "> quoted, as HN quotes\n\nreply")
        #expect(HTMLText.plainText("<pé>a</pé><P>b") == "a\n\nb", "a tag name in letters outside ASCII is no tag known")
    }

    @Test func anEntityNotANumberUpToItsSemicolonKeepsTheDigitsBeforeIt() {
        #expect(HTMLText.plainTextEntities("&#039 &#x27;") == "' '")
        #expect(HTMLText.plainTextEntities("&#039日本&amp;") == "'日本&")
        #expect(HTMLText.plainTextEntities("&#xFFFFFFFFF; &#0; &#x110000;") == "\u{FFFD} \u{FFFD} \u{FFFD}")
        #expect(HTMLText.plainTextEntities("&#zz; &bogus; &AMP;") == "&#zz; &bogus; &")
    }

    @Test func charsetsConvertOrFallBack() {
        #expect(Charset.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], charset: "koi8-r") == "Привет")
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xE9], charset: "iso-8859-1") == "café")
        #expect(Charset.decode([0x93, 0x71, 0x94], charset: "windows-1252") == "“q”")
        #expect(
            Charset.decode(Array("naïve".utf8), charset: "unknown-8bit") == "naïve", "unknown charset: valid UTF-8 kept"
        )
        #expect(Charset.decode([0x63, 0x61, 0x66, 0xE9], charset: "x-no-such-charset") == "café", "else Windows-1252")
        let jis: [UInt8] = [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x1B, 0x28, 0x42]
        #expect(Charset.decode(jis, charset: "iso-2022-jp") == "日本")
    }

    @Test func multipartAlternativePrefersPlainTextAndListsAttachments() {
        let message = """
            From: a@b
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/html

            <p>HTML version</p>
            --inner
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Plain =E2=9C=93 version
            --inner--
            --outer
            Content-Type: application/pdf; name="report.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --outer--
            """
        let (headers, start) = MailHeaders.parse(Array(message.utf8)[...])
        let text = MIMEBody.text(headers: headers, body: Array(message.utf8)[start...])
        #expect(text == "Plain ✓ version\n\n[attachment: report.pdf, application/pdf, 9 bytes]")
    }

    @Test func mboxrdQuotingIsUndone() throws {
        let mbox =
            "From a Mon Jan  1 00:00:00 2024\nFrom: A <a@x>\nMessage-ID: <1@x>\n\n>From here\n>>From there\nFrom nowhere, really\n"
        let d = try MboxImporter().parse(Array(mbox.utf8), file: "t.mbox")
        #expect(d.comments.count == 1)
        #expect(d.comments[0].body == "From here\n>From there\nFrom nowhere, really")
    }
}

/// A missing parent's id found again by its hash on a header line.
@Suite struct MessageIDByHashTests {
    private func find(_ id: String, in header: String) -> String? {
        Array(header.utf8).withUnsafeBytes {
            MailHeaderBytes.messageIDsByHash(inHeader: $0)[MessageIDHash.of(id)]
        }
    }

    @Test func theTokenWithTheHashIsFoundOnItsLine() {
        let header =
            "From: Zoë <z@x.org>\nReferences: <a@x> <b@x>\n <c@x>\nIn-Reply-To: <c@x>\n\nBody <d@x>\n"
        #expect(find("<b@x>", in: header) == "<b@x>")
        #expect(find("<c@x>", in: header) == "<c@x>", "on a continuation line")
        #expect(find("<z@x.org>", in: header) == nil, "a line with bytes past ASCII is left to the parser")
        #expect(find("<d@x>", in: header) == nil, "the body is not read")
        #expect(find("<e@x>", in: header) == nil)
    }

    @Test func aTokenFoldedOverTwoLinesIsLeftToTheParser() {
        #expect(find("<a b@x>", in: "References: <a\n b@x>\n\n") == nil)
    }
}
