import Foundation
import SpoolTestSupport
import Testing

@testable import SpoolTerminal

/// Saving a message, a comment or an attachment to a file the user named.
@Suite struct FileWriterTests {
    let folder = Scratch.folder.appendingPathComponent("spool-save-\(UUID().uuidString)").path

    init() throws { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }

    private func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func appendingAddsToAMailboxAndSaysWhichItDid() {
        let path = folder + "/kept.mbox"
        #expect(FileWriter.write(Array("one\n".utf8), to: path, appending: true) == "Saved 4 bytes to \(path).")
        #expect(FileWriter.write(Array("two\n".utf8), to: path, appending: true) == "Appended 4 bytes to \(path).")
        #expect(contents(path) == "one\ntwo\n")
    }

    @Test func anAttachmentNeverOverwritesAFile() {
        let path = folder + "/a.png"
        #expect(FileWriter.write([1, 2, 3], to: path, appending: false) == "Saved 3 bytes to \(path).")
        let said = FileWriter.write([9], to: path, appending: false)
        #expect(said.hasPrefix("Nothing saved: \(path) already exists"))
        #expect(FileManager.default.contents(atPath: path) == Data([1, 2, 3]))
    }

    @Test func aMissingFolderOrAFolderNameSaysWhatToDo() {
        let missing = FileWriter.write([1], to: folder + "/no/such/x", appending: true)
        #expect(
            missing
                == "Could not save to \(folder)/no/such/x: No such file or directory. Check the folder exists and can be written."
        )
        #expect(
            FileWriter.write([1], to: folder, appending: true)
                == "Nothing saved: \(folder) is a folder; give a file name in it.")
    }

    @Test func aNameWithEscapesIsShownWithoutThem() {
        let said = FileWriter.write([1], to: folder + "/x\u{1B}]0;t\u{07}", appending: true)
        #expect(!said.contains("\u{1B}") && !said.contains("\u{07}"))
    }

    @Test func aTildeMeansTheHomeFolder() {
        let home = String(cString: getenv("HOME"))
        #expect(FileWriter.expandingHome("~/mail/x.mbox") == home + "/mail/x.mbox")
        #expect(FileWriter.expandingHome("~") == home)
        #expect(FileWriter.expandingHome("~other/x") == "~other/x")
        #expect(FileWriter.expandingHome("a/~/b") == "a/~/b")
    }
}
