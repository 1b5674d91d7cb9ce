import SpoolReader
import SpoolScreen

/// The library list and its view as one ``Program``: it quits when a discussion is chosen
/// (``chosen`` says which) or when the user leaves.
public struct LibraryProgram: Program {
    public private(set) var library: Library
    public let view: LibraryView
    /// The discussion the user opened, once the program has quit to open it.
    public private(set) var chosen: Int?

    public init(library: Library, view: LibraryView) {
        self.library = library
        self.view = view
    }

    /// The list again after a discussion was read, with its row brought up to date.
    public mutating func returned(updating index: Int, with entry: LibraryEntry) {
        chosen = nil
        library.update(index, with: entry)
    }

    public mutating func handle(_ input: Input) -> Effects {
        guard case .key(let key) = input else { return .none }
        switch library.handle(key) {
        case .open(let index):
            chosen = index
            return .quit
        case .quit:
            chosen = nil
            return .quit
        case nil: return .redraw
        }
    }

    public var hasPendingWork: Bool { false }

    public mutating func work(budget: Int) -> Effects { .none }

    public mutating func render() -> Screen { view.render(library) }
}
