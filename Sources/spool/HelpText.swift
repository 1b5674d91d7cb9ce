import ArgumentParser

/// `spool --help`: the reader's usage and options first (what `spool FILE` runs), then the
/// other commands. ArgumentParser would show the subcommands alone, hiding the reader's
/// options under `spool help read`.
enum HelpText {
    static func readerFirst(columns: Int) -> String {
        let reader = ReadCommand.helpMessage(columns: columns)
        let root = SpoolCommand.helpMessage(columns: columns)
        var out = "OVERVIEW: \(SpoolCommand.configuration.abstract)\n\n"
        out += section(from: "USAGE:", in: reader)
        out += section(from: "SUBCOMMANDS:", in: root)
        out += "In the reader, ? lists every key. `man spool` has the keys, files and examples;\n"
        out += "`man 5 spool-config` the settings; `spool --print-config` writes a commented config;\n"
        out += "`spool --version` names the version and the commit it was built from.\n"
        return out
    }

    /// `help` from the line that starts with `heading` to its end, ending in a blank line.
    private static func section(from heading: String, in help: String) -> String {
        guard let start = help.range(of: heading) else { return "" }
        var text = String(help[start.lowerBound...])
        while text.hasSuffix("\n") { text.removeLast() }
        return text + "\n\n"
    }
}
