/// The discussion `spool` opens when no file is named: written for Spool, in the web-page
/// text format, with nesting, repeat authors, quotes, a URL, wide characters and a long
/// comment, so every part of the reader has something to show.
enum DemoDiscussion {
    static let fileName = "(demo)"

    static let text = """
        Welcome to Spool: a terminal reader for long discussions

        This is the demo discussion that Spool opens when you name no file. The article sits at the top of the tree on the left or above; each comment below it is one row, with tree lines, the author, the age and the start of the text.

        Press j and k to move, Enter to fold a subtree, a and A to jump between comments by the same author, Tab to go to the next unread comment, ? for every key, and q to quit.

        Open your own discussion with: spool FILE

        8 Responses to Welcome to Spool

          1. Ada Moreau March 3, 2025 at 9:12 am #

            First impressions: the tree on one side and the text on the other is exactly how I read mailing lists in mutt, but for web threads.

            The unread dots disappear as I move. Nice.

            • Björn Halvorsen March 3, 2025 at 9:40 am #

              > The unread dots disappear as I move.

              You can turn that off and mark by hand with r, if you prefer to decide what counts as read.

              • Ada Moreau March 3, 2025 at 10:02 am #

                Good to know. R marks a whole subtree, M catches up on everything, and U undoes either.

            • 田中 さくら March 3, 2025 at 11:30 am #

              日本語の名前も本文もきちんと二桁幅で表示されます。Wide characters take two cells and the columns still line up. 🎉

          2. Björn Halvorsen March 3, 2025 at 1:15 pm #

            Long comments scroll in the article pane. Space pages down, b pages up, J and K move a line. When you reach the end, Space goes on to the next unread comment, so you can read a whole thread with one key.

            Here is a long paragraph to try it on. A discussion read in a terminal should feel like a good book: the text wraps at word boundaries to the width of the pane, paragraphs keep their blank line between them, and nothing the authors wrote can move your cursor or change your terminal's title, because control characters are shown as visible placeholders instead of being sent to the terminal.

            The project lives in a Git repository; the README has the details: https://example.org/spool/README

          3. Chidi Okafor March 4, 2025 at 8:05 am #

            Does it handle deep threads?

            • Ada Moreau March 4, 2025 at 8:31 am #

              Yes: h folds a subtree or goes to the parent, l unfolds or goes to the first reply, p jumps to the parent, and [ and ] move between siblings.

              • Chidi Okafor March 4, 2025 at 9:00 am #

                And v puts the tree above the article instead of beside it. Thanks!
        """
}
