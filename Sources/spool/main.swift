import SpoolImport
import Foundation
let d = try DiscussionFile.load(path: CommandLine.arguments[1])
print(d.outline)
print(d.notices)
if CommandLine.arguments.count > 2 { print(d.exportJSON()) }
