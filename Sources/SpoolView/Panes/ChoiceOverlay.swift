import SpoolReader
import SpoolScreen

/// A box listing numbered choices, centred: the addresses of the selected comment (`u`)
/// or its attachments (`V`).
struct ChoiceOverlay {
    let theme: Theme

    /// The addresses `u` offers.
    func render(urls: [String], on screen: inout Screen) {
        let count = min(9, urls.count)
        render(
            title: " Open which address? (1-\(count), other keys close)", choices: urls, role: .articleURL, on: &screen)
    }

    /// The attachments `V` offers, to view or (after `s`) to save.
    func render(attachments list: AttachmentList, on screen: inout Screen) {
        let count = min(9, list.entries.count)
        let title =
            list.isSaving
            ? " Save which attachment? (1-\(count), other keys close)"
            : " View which attachment? (1-\(count); s then a digit saves; other keys close)"
        render(title: title, choices: list.entries, role: .help, on: &screen)
    }

    private func render(title: String, choices: [String], role: ThemeRole, on screen: inout Screen) {
        let shown = Array(choices.prefix(9))
        // Wide enough for the title and the longest choice, as far as the screen allows.
        let width = min(screen.width, max(title.count + 2, (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 8))
        let height = min(screen.height, shown.count + 3)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(box, style: theme[.help])
        screen.put(title, x: box.x + 1, y: box.y, style: theme[.helpTitle], clip: box)
        for (index, choice) in shown.enumerated() {
            let y = box.y + 2 + index
            let x = screen.put("\(index + 1)  ", x: box.x + 2, y: y, style: theme[.helpKey], clip: box)
            screen.put(choice, x: x, y: y, style: theme[role], clip: box)
        }
    }
}
