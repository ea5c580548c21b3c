import CNCurses
import Glibc
import Rendering

/// The only code that talks to ncurses: starts and ends the screen, copies frames to it with
/// ncurses' own diffing, and reads keys.
final class NCursesBackend {
    /// The colour depth this terminal can show, capped by what was asked for.
    let depth: ColorDepth
    /// The locale encodes UTF-8; without it ncurses cannot show ▀ or box drawing, so draw ASCII.
    let unicode: Bool
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var colors: ColorPairs
    private var attributeCache: [CellAttributes: attr_t] = [:]
    private var ended = false
    private var earlyEmptyReads = 0
    private static let resizeCheckMilliseconds: Int32 = 200
    /// The frame ncurses' window holds, to skip unchanged cells; nil forces a full copy.
    private var shown: Frame?

    /// Starts the screen. Colour follows the renderer's detection (NO_COLOR, TERM=dumb, COLORTERM,
    /// the terminal's colour count); `noColor` turns it off.
    init(noColor: Bool, environment: [String: String]) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        setlocale(LC_ALL, "")
        unicode = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } == "UTF-8"
        let term = getenv("TERM").map { String(cString: $0) }
        guard let term, !term.isEmpty else { throw .unknownTerminal(term: nil) }
        TerminalRestorer.install()
        guard let screen = newterm(nil, attnview_stdout(), attnview_stdin()) else {
            TerminalRestorer.uninstall()
            throw .unknownTerminal(term: term)
        }
        guard attnview_tigetstr("cup") != nil, let window = attnview_stdscr() else {
            endwin()
            delscreen(screen)
            TerminalRestorer.uninstall()
            throw .cannotAddressCursor(term: term)
        }
        self.screen = screen
        self.window = window
        TerminalRestorer.arm()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        // After Ctrl-Z and `fg` ncurses does not switch the keypad back to application mode, so
        // arrows then arrive as ESC [ A…D: know those too, or ← would read as Esc and quit.
        // Home and End arrive in several spellings (tmux sends ESC [ 1 ~ and ESC [ 4 ~, which
        // xterm-256color's terminfo does not list): unknown, they would read as Esc and close the editor.
        for (sequence, key) in [
            ("\u{1b}[A", KEY_UP), ("\u{1b}[B", KEY_DOWN), ("\u{1b}[C", KEY_RIGHT), ("\u{1b}[D", KEY_LEFT),
            ("\u{1b}[1~", KEY_HOME), ("\u{1b}[4~", KEY_END), ("\u{1b}[H", KEY_HOME), ("\u{1b}[F", KEY_END),
            ("\u{1b}[7~", KEY_HOME), ("\u{1b}[8~", KEY_END),
        ] {
            define_key(sequence, key)
        }
        set_escdelay(25)
        curs_set(0)
        var terminalColors = 0
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            terminalColors = Int(attnview_colors())
        }
        self.colors = ColorPairs(terminalColors: terminalColors, capacity: Int(attnview_color_pairs()))
        let detected = noColor ? .none : ColorDepth.detect(environment: environment, terminalColors: terminalColors)
        // ncurses shows 24-bit colour only through direct-colour terminfo entries (e.g. xterm-direct);
        // elsewhere the renderer's perceptual 256-colour quantization beats a per-cell guess here.
        self.depth = detected == .trueColor && terminalColors < 1 << 24 ? .palette256 : detected
    }

    deinit { end() }

    /// The screen's size in cells.
    var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// Shows `frame`. Only cells that differ from the last frame are handed to ncurses, which
    /// then compares them with the screen and sends just the changes.
    func present(_ frame: Frame) {
        let (width, height) = size
        var previous = shown
        if colors.resetIfCrowded() {
            clearok(attnview_curscr(), true)
            previous = nil
        }
        if previous?.width != frame.width || previous?.height != frame.height || width != frame.width
            || height != frame.height
        {
            werase(window)
            previous = nil
        }
        let columns = min(width, frame.width)
        let old = previous?.cells ?? []
        old.withUnsafeBufferPointer { oldCells in
            frame.cells.withUnsafeBufferPointer { cells in
                for y in 0..<min(height, frame.height) {
                    let row = y * frame.width
                    // A wide character spans two cells: on a row that has (or had) one, a change
                    // anywhere redraws the whole row, so no half of a wide character is left behind.
                    let wholeRow =
                        !oldCells.isEmpty
                        && (cells[row..<(row + columns)].contains { $0.isContinuation }
                            || oldCells[row..<(row + columns)].contains { $0.isContinuation })
                        && !cells[row..<(row + columns)].elementsEqual(oldCells[row..<(row + columns)])
                    for x in 0..<columns {
                        let cell = cells[row + x]
                        if !wholeRow && !oldCells.isEmpty && oldCells[row + x] == cell { continue }
                        if cell.isContinuation && x > 0 && DisplayWidth.of(cells[row + x - 1].character) == 2 {
                            continue
                        }
                        let pair =
                            depth == .none ? 0 : colors.pair(foreground: cell.foreground, background: cell.background)
                        put(cell.isContinuation ? " " : cell.character, y: y, x: x, cell.attributes, pair)
                    }
                }
            }
        }
        shown = frame
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one grapheme, combining marks included (as many as a cell holds).
    private func put(_ character: Character, y: Int, x: Int, _ cellAttributes: CellAttributes, _ pair: Int32) {
        var text = character.unicodeScalars.prefix(Int(attnview_cell_characters())).map { wchar_t($0.value) }
        text.append(0)
        _ = attnview_put_cluster(window, Int32(y), Int32(x), text, attributes(cellAttributes), pair)
    }

    /// Waits up to `waitMilliseconds` (nil: until a key or a resize) for input, then drains
    /// everything pending without waiting. Returns nil when stdin has ended.
    func readKeys(waitMilliseconds: Int32?) -> [Key]? {
        while true {
            // SIGWINCH may land on another thread (OpenBLAS starts its own), leaving this read
            // asleep: wake every 200 ms so ncurses can report a resize it has noted.
            let wait = waitMilliseconds ?? Self.resizeCheckMilliseconds
            wtimeout(window, wait)
            var character: wint_t = 0
            let clock = ContinuousClock()
            let started = clock.now
            let first = wget_wch(window, &character)
            if first == ERR {
                // A read that keeps failing long before its timeout is at end of input.
                let early = clock.now - started < .milliseconds(Int(wait) / 2)
                earlyEmptyReads = early ? earlyEmptyReads + 1 : 0
                if Self.inputHungUp() || earlyEmptyReads > 100 { return nil }
                if waitMilliseconds == nil { continue }
                return []
            }
            earlyEmptyReads = 0
            var keys = [translate(first, character)].compactMap { $0 }
            wtimeout(window, 0)
            while true {
                let status = wget_wch(window, &character)
                if status == ERR { break }
                if let key = translate(status, character) { keys.append(key) }
            }
            return keys
        }
    }

    /// Ends the screen and restores the terminal; safe to call twice.
    func end() {
        guard !ended else { return }
        ended = true
        curs_set(1)
        endwin()
        delscreen(screen)
        TerminalRestorer.uninstall()
    }

    private func translate(_ status: Int32, _ character: wint_t) -> Key? {
        if status == KEY_CODE_YES {
            switch Int32(character) {
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_SLEFT: return .shiftLeft
            case KEY_SRIGHT: return .shiftRight
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_PPAGE: return .pageUp
            case KEY_NPAGE: return .pageDown
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_ENTER: return .enter
            case KEY_RESIZE:
                let (width, height) = size
                return .resize(width: width, height: height)
            default: return nil
            }
        }
        switch character {
        case 27: return .escape
        case 9: return .tab
        case 13, 10: return .enter
        case 127, 8: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(character) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)), character >= 32 else { return nil }
            return .character(Character(scalar))
        }
    }

    private func attributes(_ attributes: CellAttributes) -> attr_t {
        if let cached = attributeCache[attributes] { return cached }
        var value = attnview_a_normal()
        if attributes.contains(.bold) { value |= attnview_a_bold() }
        if attributes.contains(.dim) { value |= attnview_a_dim() }
        if attributes.contains(.underline) { value |= attnview_a_underline() }
        if attributes.contains(.reverse) { value |= attnview_a_reverse() }
        if attributes.contains(.italic) { value |= attnview_a_italic() }
        attributeCache[attributes] = value
        return value
    }

    /// After a read that returned nothing: has the terminal on stdin gone away?
    private static func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) == 1 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }
}
