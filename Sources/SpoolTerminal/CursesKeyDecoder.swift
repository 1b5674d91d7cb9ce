import CNCursesW
import SpoolScreen

/// Turns ncurses key codes into ``Key``s, so integer codes never leave this target.
enum CursesKeyDecoder {
    static func functionKey(_ code: Int32, size: (columns: Int, rows: Int)) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize(columns: size.columns, rows: size.rows)
        default: return nil
        }
    }

    static func mouse(_ event: MEVENT) -> Key? {
        let column = Int(event.x)
        let row = Int(event.y)
        if event.bstate & spool_wheel_up() != 0 { return .mouse(.wheelUp, column: column, row: row) }
        if event.bstate & spool_wheel_down() != 0 { return .mouse(.wheelDown, column: column, row: row) }
        if event.bstate & spool_button1() != 0 { return .mouse(.click, column: column, row: row) }
        return nil
    }

    static func character(_ code: wint_t) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code + 96))))
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }
}
