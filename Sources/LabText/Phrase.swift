/// A message to write later, in whatever language is active then: a key with
/// its arguments. State keeps phrases rather than strings, so switching the
/// language rewrites what is already on screen.
public struct Phrase: Sendable, Equatable {
    enum Content: Sendable, Equatable {
        case message(TextKey, [String: TextArgument])
        case verbatim(String)
    }

    let content: Content

    /// The message `key` with `arguments` for its placeholders.
    public init(_ key: TextKey, _ arguments: [String: TextArgument] = [:]) {
        content = .message(key, arguments)
    }

    /// Text that does not come from the catalogue, shown as it is: a reason
    /// written by a module whose texts are not in the catalogue yet, or data
    /// (a lesson's own title). Not for sentences of the lab's own.
    public static func verbatim(_ text: String) -> Phrase { Phrase(content: .verbatim(text)) }

    init(content: Content) { self.content = content }

    /// The key, when the phrase is a catalogue message (for tests and routing).
    public var key: TextKey? {
        if case .message(let key, _) = content { return key }
        return nil
    }
}
