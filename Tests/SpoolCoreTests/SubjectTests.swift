import SpoolCore
import Testing

/// Subjects read as people read them, the same whether a subject is plain ASCII (read by
/// its bytes) or holds other characters (read by `Character`).
@Suite struct SubjectTests {
    @Test(arguments: [
        ("Re: Plans", "plans", true),
        ("  RE:Re: [list]  Fwd: Plans ", "plans ", true),
        ("[list] [other] AW: Plan B", "plan b", true),
        ("Fwd: Re: x", "x", false),
        ("Regarding: x", "regarding: x", false),
        ("[unclosed Re: x", "[unclosed re: x", false),
        ("re :x", "re :x", false),
        (":x", ":x", false),
        ("", "", false),
        ("\tSV: VS: FW: Tack", "tack", true),
        ("Re: Crème brûlée", "crème brûlée", true),
        ("[liste] Ré: café", "ré: café", false),
        ("RE: ÉTÉ", "été", true),
        ("Re:\r\nx", "\r\nx", true),
    ])
    func prefixesAndTagsGoAndCaseIsFolded(subject: String, normalised: String, isReply: Bool) {
        #expect(Subject.normalised(subject) == normalised)
        #expect(Subject.isReply(subject) == isReply)
    }
}
