import SpoolScreen

/// Keys while a prompt is open: the line edits itself; each prompt says what its text means.
extension Reader {
    mutating func handlePromptKey(_ key: Key, prompt: Prompt) -> Effects {
        var prompt = prompt
        let outcome = prompt.line.apply(key, history: history[prompt.kind])
        if outcome == .ignored { return .redraw }
        if outcome == .edited { prompt.note = nil }
        let unsaved = history.unsavedCount
        // The prompt stays open with its new line unless the prompt's own handling closes it.
        mode = .prompt(prompt)
        var effects = Effects.redraw
        switch prompt.kind {
        case .search: searchPromptChanged(outcome, line: prompt.line)
        case .limit: limitPromptChanged(outcome, line: prompt.line)
        case .pipe: effects = pipePromptChanged(outcome, line: prompt.line)
        case .save: effects = savePromptChanged(outcome, prompt: prompt)
        case .since: sincePromptChanged(outcome, line: prompt.line)
        }
        if history.unsavedCount != unsaved { effects.commands.append(.saveHistory) }
        return effects
    }

    /// The prompt entries submitted since the last call, oldest first, for saving.
    public mutating func takeHistoryAdditions() -> [(kind: PromptKind, entry: String)] { history.takeAdded() }
}
