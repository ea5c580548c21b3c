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
    /// The ncurses key codes the app has names for (function keys apart).
    private static let keypadKeys: [Int32: Key] = [
        KEY_LEFT: .left, KEY_RIGHT: .right, KEY_UP: .up, KEY_DOWN: .down, KEY_SLEFT: .shiftLeft,
        KEY_SRIGHT: .shiftRight, KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        KEY_IC: .insert, KEY_DC: .delete, KEY_BTAB: .backTab, KEY_ENTER: .enter, KEY_BACKSPACE: .backspace,
    ]
    /// How long the rest of an escape sequence cut off mid-read may take to arrive (slow links).
    private static let sequenceRestMilliseconds: Int32 = 50
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
        // ncurses decodes the keys its terminfo entry lists; the rest (End as ESC [ 4 ~ under
        // xterm-256color in tmux, arrows as ESC [ A after Ctrl-Z and `fg`, Alt+key) arrives as
        // characters, which KeyDecoder parses whole.
        keypad(window, true)
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

    /// Shows `frame`: writes the runs `FrameDiff` finds against the last frame, and ncurses then
    /// sends the terminal just the changes.
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
        for run in FrameDiff.runs(from: previous, to: frame, width: width, height: height) {
            for (offset, cell) in run.cells.enumerated() {
                let x = run.x + offset
                // nil: the right half of a wide character, which the terminal drew with the left half.
                guard let shown = frame.shownCharacter(x: x, y: run.y) else { continue }
                let pair = depth == .none ? 0 : colors.pair(foreground: cell.foreground, background: cell.background)
                put(shown, y: run.y, x: x, cell.attributes, pair)
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
    /// everything pending without waiting and decodes it (`KeyDecoder`). Returns nil when stdin
    /// has ended.
    func readKeys(waitMilliseconds: Int32?) -> [Key]? {
        while true {
            // SIGWINCH may land on another thread (OpenBLAS starts its own), leaving this read
            // asleep: wake every 200 ms so ncurses can report a resize it has noted.
            let wait = waitMilliseconds ?? Self.resizeCheckMilliseconds
            let clock = ContinuousClock()
            let started = clock.now
            let input = read(waitMilliseconds: wait)
            if input.isEmpty {
                // A read that keeps failing long before its timeout is at end of input.
                let early = clock.now - started < .milliseconds(Int(wait) / 2)
                earlyEmptyReads = early ? earlyEmptyReads + 1 : 0
                if Self.inputHungUp() || earlyEmptyReads > 100 { return nil }
                if waitMilliseconds == nil { continue }
                return []
            }
            earlyEmptyReads = 0
            var (keys, pending) = KeyDecoder.decode(input, final: false)
            // An escape sequence cut off by the drain: give the rest of it a moment to arrive.
            if !pending.isEmpty {
                let more = read(waitMilliseconds: Self.sequenceRestMilliseconds)
                keys += KeyDecoder.decode(pending + more, final: true).keys
            }
            return keys
        }
    }

    /// Everything readable within `waitMilliseconds` for the first input, then without waiting.
    private func read(waitMilliseconds: Int32) -> [TerminalInput] {
        wtimeout(window, waitMilliseconds)
        var character: wint_t = 0
        var input: [TerminalInput] = []
        var status = wget_wch(window, &character)
        wtimeout(window, 0)
        while status != ERR {
            if let element = translate(status, character) { input.append(element) }
            status = wget_wch(window, &character)
        }
        return input
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

    /// A key ncurses decoded, or a raw character; keys the app has no name for are dropped.
    private func translate(_ status: Int32, _ character: wint_t) -> TerminalInput? {
        guard status == KEY_CODE_YES else { return Unicode.Scalar(UInt32(character)).map { .character($0) } }
        let code = Int32(character)
        if code > KEY_F0 && code <= KEY_F0 + 63 { return .key(.function(Int(code - KEY_F0))) }
        if code == KEY_RESIZE {
            let (width, height) = size
            return .key(.resize(width: width, height: height))
        }
        return Self.keypadKeys[code].map { .key($0) }
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
