import LabText

extension TextArgument {
    /// A list of names as one argument, joined by the language's own separator
    /// (`.list(.pair)`: "a, b" in English), so no message joins English pieces.
    public static func list(_ items: [String]) -> TextArgument {
        guard let first = items.first else { return .text("") }
        guard items.count > 1 else { return .text(first) }
        return .phrase(Phrase(.list(.pair), ["first": .text(first), "rest": list(Array(items.dropFirst()))]))
    }

    /// A list of phrases as one argument, joined as ``list(_:)-swift.type.method`` joins names.
    public static func list(_ items: [Phrase]) -> TextArgument { .phrase(Phrase.list(items)) }
}

extension Phrase {
    /// Phrases joined by the language's list separator, as one phrase.
    public static func list(_ items: [Phrase]) -> Phrase {
        guard let first = items.first else { return .verbatim("") }
        guard items.count > 1 else { return first }
        return Phrase(.list(.pair), ["first": .phrase(first), "rest": .phrase(list(Array(items.dropFirst())))])
    }
}
