import SpoolCore
import SpoolImport
import SpoolTestSupport
import Testing

/// The page variants issue 2 lists, each from a small page written here.
@Suite struct WebPageImporterVariantTests {
    @Test(arguments: ["3 Comments", "3 Replies", "3 Responses to A title", "3 comments:"])
    func countLineVariants(countLine: String) throws {
        let page = """
            A title

            The article.

            \(countLine)

              1. Ann January 2, 2020 at 9:00 am #

                One.

              2. Bob January 2, 2020 at 10:00 am #

                Two.

              3. Cy January 2, 2020 at 11:00 am #

                Three.
            """
        let d = try Fixture.web(page)
        #expect(d.article == "The article.")
        #expect(d.comments.map(\.author) == ["Ann", "Bob", "Cy"])
        #expect(d.notices.isEmpty)
    }

    /// A page that numbers its comments twice over: the second `1.` is told apart by its
    /// place, and its replies' ids are made from that id.
    @Test func aNumberUsedTwiceGetsItsPlace() throws {
        let d = try Fixture.web(
            """
            T

            5 Comments

              1. Ann March 2, 2024 at 9:38 am #

                First.

              2. Bo March 2, 2024 at 9:40 am #

                Second.

              1. Cy March 3, 2024 at 9:38 am #

                Again one.

                  • Di March 3, 2024 at 9:50 am #

                    A reply.

              • Ed March 4, 2024 at 9:38 am #

                A bullet.
            """)
        #expect(d.comments.map(\.id) == ["1", "2", "1~3", "1~3.1", "4"])
        #expect(d.comments.map(\.parent) == [nil, nil, nil, 2, nil])
        #expect(Set(d.comments.map(\.key)).count == 5)
    }

    @Test func parenthesisNumberingAndTwentyFourHourTimesWithoutPermalink() throws {
        let d = try Fixture.web(
            """
            T

            2 Comments

            1) Ann 3 March 2021 at 14:05

               Afternoon.

            2) Bob March 3, 2021, 23:59

               Late.
            """)
        #expect(d.comments.map(\.author) == ["Ann", "Bob"])
        #expect(d.comments.map { $0.date?.iso8601 } == ["2021-03-03T14:05", "2021-03-03T23:59"])
    }

    @Test(arguments: ["•", "◦", "-", "*"])
    func bulletsNestToAnyDepth(bullet: String) throws {
        let d = try Fixture.web(
            """
            T

            4 Responses to T

              1. Ann May 1, 2020 at 1:00 pm #

                Root.

                \(bullet) Bob May 1, 2020 at 2:00 pm #

                  Reply.

                  \(bullet) Cy May 1, 2020 at 3:00 pm #

                    Deeper.

                    \(bullet) Di May 1, 2020 at 4:00 pm #

                      Deepest.
            """)
        #expect(d.comments.map(\.parent) == [nil, 0, 1, 2])
        #expect(d.comments.map(\.id) == ["1", "1.1", "1.1.1", "1.1.1.1"])
        #expect(d.comments[3].body == "Deepest.")
    }

    @Test func twelveHourEdgesAreMidnightAndNoon() throws {
        let d = try Fixture.web(
            """
            T

            2 Comments

              1. Ann October 29, 2014 at 12:02 am #

                a

              2. Bob October 29, 2014 at 12:02 pm #

                b
            """)
        #expect(d.comments.map { $0.date?.iso8601 } == ["2014-10-29T00:02", "2014-10-29T12:02"])
    }

    @Test func crlfAndTabsAreAccepted() throws {
        let page =
            "T\r\n\r\n2 Comments\r\n\r\n\t1. Ann June 1, 2022 at 8:00 am #\r\n\r\n\t\tHello\r\n\r\n\t\t• Bob June 1, 2022 at 9:00 am #\r\n\r\n\t\t\tHi\tthere\r\n"
        let d = try Fixture.web(page)
        #expect(d.comments.map(\.author) == ["Ann", "Bob"])
        #expect(d.comments[1].parent == 0)
        #expect(d.comments[0].body == "Hello")
        #expect(d.comments[1].body == "Hi\tthere")
    }

    @Test func statedCountThatDisagreesIsANoticeNotAFailure() throws {
        let d = try Fixture.web(
            """
            T

            5 Responses to T

              1. Ann June 1, 2022 at 8:00 am #

                Only one.
            """)
        #expect(d.comments.count == 1)
        #expect(d.notices == ["The page says 5 responses; 1 comments were found."])
    }

    @Test func textWithoutCommentsOpensAsAnArticle() throws {
        let d = try Fixture.web("Just a title\n\nSome prose, no comments at all.\n", file: "/tmp/prose.txt")
        #expect(d.title == "Just a title")
        #expect(d.article == "Some prose, no comments at all.")
        #expect(d.comments.isEmpty)
        #expect(d.notices == ["No comments recognised in prose.txt; showing it as an article."])
    }

    @Test func unnumberedHeadersAreFoundWhenThePageHasNoMarkers() throws {
        let d = try Fixture.web(
            """
            T

            Ann July 4, 2023 at 10:00 am

            First.

            Bob July 4, 2023 at 11:00 am

            Second.
            """)
        #expect(d.comments.map(\.author) == ["Ann", "Bob"])
        #expect(d.article == nil)
    }

    @Test func mentionsThreadAFlatList() throws {
        let d = try Fixture.web(
            """
            T

            3 Comments

            1.  Dave on January 14th, 2009 2:44 pm

                A point.

            2.  Peter on January 15th, 2009 1:00 am

                Another.

            3.  [Gustavo Duarte](http://example.org) on January
                15th, 2009 3:01 pm

                @Dave: thanks!
            """)
        #expect(d.comments.map(\.author) == ["Dave", "Peter", "Gustavo Duarte"])
        #expect(d.comments[2].parent == 0)
        #expect(d.comments.map(\.id) == ["1", "2", "3"], "printed numbers keep the source order")
    }
}
