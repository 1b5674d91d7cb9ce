import SpoolReader
import SpoolScreen

/// A box listing the addresses of the selected comment, numbered.
struct URLOverlay {
    let theme: Theme

    func render(_ choices: [String], on screen: inout Screen) {
        let shown = Array(choices.prefix(9))
        let title = " Open which address? (1-\(shown.count), other keys close)"
        // Wide enough for the title and the longest address, as far as the screen allows.
        let width = min(screen.width, max(title.count + 2, (shown.map { DisplayWidth.of($0) }.max() ?? 0) + 8))
        let height = min(screen.height, shown.count + 3)
        guard width >= 4, height >= 3 else { return }
        let box = Rect(x: (screen.width - width) / 2, y: (screen.height - height) / 2, width: width, height: height)
        screen.fill(box, style: theme[.help])
        screen.put(title, x: box.x + 1, y: box.y, style: theme[.helpTitle], clip: box)
        for (index, url) in shown.enumerated() {
            let y = box.y + 2 + index
            let x = screen.put("\(index + 1)  ", x: box.x + 2, y: y, style: theme[.helpKey], clip: box)
            screen.put(url, x: x, y: y, style: theme[.articleURL], clip: box)
        }
    }
}
