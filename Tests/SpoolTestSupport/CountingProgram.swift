import SpoolScreen

/// A ``Program`` that counts, for tests of the loops that run programs: `+` starts ten
/// units of work (done `step` at a time), `c` asks for a copy of the count, `q` quits.
public struct CountingProgram: Program {
    public private(set) var done = 0
    public private(set) var pending = 0
    /// How much work was done when each key came.
    public private(set) var seenWhenKeyed: [Int] = []
    /// Every input, in order.
    public private(set) var inputs: [Input] = []
    let step: Int

    public init(step: Int = 3) { self.step = step }

    public mutating func handle(_ input: Input) -> Effects {
        inputs.append(input)
        guard case .key(.character(let c)) = input else { return .redraw }
        seenWhenKeyed.append(done)
        switch c {
        case "+": pending += 10
        case "c": return Effects(commands: [.copy("\(done)"), .saveReadMarks])
        case "q": return .quit
        default: break
        }
        return .redraw
    }

    public var hasPendingWork: Bool { pending > 0 }

    public mutating func work(budget: Int) -> Effects {
        let amount = min(budget, pending, step)
        pending -= amount
        done += amount
        return .redraw
    }

    public mutating func render() -> Screen {
        var screen = Screen(width: 10, height: 2)
        screen.put("done \(done)", x: 0, y: 0, style: .plain, clip: screen.bounds)
        screen.placeCursor(x: 2, y: 1)
        return screen
    }
}
