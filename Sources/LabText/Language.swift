/// A language: one table from every message key to its text.
///
/// The active language is a value the caller passes in (the lab keeps it in
/// its state); nothing here is global or mutable. A table may lack keys while
/// it is being written: those fall back to English, and the catalogue tests
/// list what is missing.
public struct Language: Sendable, Equatable {
    /// A BCP 47 tag: `en`, `zh-Hans`.
    public let code: String
    /// The language's name in itself, for a language switch.
    public let name: String
    /// The texts, by key.
    public let texts: [TextKey: String]

    public init(code: String, name: String, texts: [TextKey: String]) {
        self.code = code
        self.name = name
        self.texts = texts
    }

    public static let english = Language(code: "en", name: "English", texts: English.texts)
    public static let chinese = Language(code: "zh-Hans", name: "简体中文", texts: Chinese.texts)

    /// Every language the lab ships, English first.
    public static let all: [Language] = [.english, .chinese]

    /// The language with this code, if the lab has it.
    public static func named(_ code: String) -> Language? { all.first { $0.code == code } }

    /// Two languages are the same when their codes are: a code names one table.
    public static func == (a: Language, b: Language) -> Bool { a.code == b.code }

    /// The text of `key` with `arguments` substituted. Throws when an argument
    /// the text needs is missing, or when one is given that the key does not
    /// declare, so a call site that drifted from its message is caught.
    public func format(_ key: TextKey, _ arguments: [String: TextArgument] = [:]) throws -> String {
        if let extra = arguments.keys.sorted().first(where: { !key.placeholders.contains($0) }) {
            throw TextError.unexpectedArgument(key: key.id, name: extra)
        }
        guard let text = texts[key] ?? English.texts[key] else { throw TextError.noText(key: key.id) }
        var out = ""
        for piece in Template(text).pieces {
            switch piece {
            case .literal(let s):
                out += s
            case .value(let name):
                guard let value = arguments[name] else { throw TextError.missingArgument(key: key.id, name: name) }
                out += value.render(in: self)
            case let .plural(name, one, other):
                guard let value = arguments[name] else { throw TextError.missingArgument(key: key.id, name: name) }
                out += value.count == 1 ? one : other
            }
        }
        return out
    }

    /// The text of `key` with `arguments`, for drawing. A call that drifted
    /// from its message (see ``format(_:_:)``) stops a debug build; a release
    /// build shows the text with the unfilled `{name}` left in, losing nothing.
    public func callAsFunction(_ key: TextKey, _ arguments: [String: TextArgument] = [:]) -> String {
        do {
            return try format(key, arguments)
        } catch {
            assertionFailure("\(error)")
            return texts[key] ?? English.texts[key] ?? key.id
        }
    }

    /// The phrase written in this language.
    public func render(_ phrase: Phrase) -> String {
        switch phrase.content {
        case let .message(key, arguments): return self(key, arguments)
        case .verbatim(let text): return text
        }
    }
}

/// A message call that does not match its text.
public enum TextError: Error, Equatable, CustomStringConvertible {
    case missingArgument(key: String, name: String)
    case unexpectedArgument(key: String, name: String)
    case noText(key: String)

    public var description: String {
        switch self {
        case let .missingArgument(key, name): return "message \(key) needs the argument {\(name)}, which was not given"
        case let .unexpectedArgument(key, name): return "message \(key) has no placeholder {\(name)}"
        case .noText(let key): return "message \(key) has no text in any table"
        }
    }
}
