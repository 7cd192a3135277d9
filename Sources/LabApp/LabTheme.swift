import TerminalUI

/// Colours and styles of the lab's screens, in one place.
enum LabTheme {
    static let title = Style(attributes: .reverse)
    static let chapter = Style(foreground: .cyan, attributes: .bold)
    static let selected = Style(attributes: .reverse)
    static let dim = Style(attributes: .dim)
    static let bold = Style(attributes: .bold)
    static let error = Style(foreground: .red, attributes: .bold)
    static let good = Style(foreground: .green, attributes: .bold)
    static let goodDim = Style(foreground: .green)
    static let warning = Style(foreground: .yellow)
    static let running = Style(foreground: .green, attributes: .bold)
    static let paused = Style(foreground: .yellow, attributes: .bold)
    static let focusedBorder = Style(foreground: .cyan, attributes: .bold)
    static let border = Style(attributes: .dim)
    static let trainColor = Color.cyan
    static let validationColor = Color.magenta
    static let referenceColor = Color.brightBlack
    static let gradientColor = Color.yellow
    /// The pinned reference run's curves (`c`).
    static let pinnedColor = Color.brightBlue
    static let eventStyle = Style(foreground: .yellow)
    static let rebuildStyle = Style(foreground: .brightRed)
    static let hints = Style(attributes: [.bold, .reverse])

    /// The frame of a part of the screen, highlighted when it has focus.
    static func panel(_ title: String, footer: String? = nil, focused: Bool) -> Panel {
        Panel(title: title, footer: footer, borderStyle: focused ? focusedBorder : border,
              titleStyle: focused ? focusedBorder : bold, borders: focused ? .thick : .plain)
    }
}
