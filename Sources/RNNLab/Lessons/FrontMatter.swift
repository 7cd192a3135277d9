import Foundation
import LabText

/// The front matter of a lesson file: the block between the two `---` lines at
/// the top, in a small subset of YAML that GitHub also renders.
///
/// Supported: `key: value`; a key followed by an indented block (a mapping, or a
/// list of `- item` lines, where an item may itself be `key: value` lines);
/// inline lists `[a, b]` and maps `{a: 1, b: 2}`; quoted strings; `#` comments.
/// Every node remembers its line, so errors can name it.
public indirect enum FrontMatterNode: Sendable, Equatable {
    case scalar(String, line: Int)
    case list([FrontMatterNode], line: Int)
    case map([(key: String, value: FrontMatterNode)], line: Int)

    public var line: Int {
        switch self {
        case .scalar(_, let l), .list(_, let l), .map(_, let l): return l
        }
    }

    public static func == (a: FrontMatterNode, b: FrontMatterNode) -> Bool {
        switch (a, b) {
        case let (.scalar(x, l1), .scalar(y, l2)): return x == y && l1 == l2
        case let (.list(x, l1), .list(y, l2)): return x == y && l1 == l2
        case let (.map(x, l1), .map(y, l2)):
            return l1 == l2 && x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }
}

/// A problem in a lesson file, with the line it is on (1-based).
public struct LessonError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// What is wrong, without the place.
    public var problem: Phrase

    public init(file: String = "", line: Int, _ problem: Phrase) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public init(file: String = "", line: Int, _ key: LessonFileKey, _ arguments: [String: TextArgument] = [:]) {
        self.init(file: file, line: line, Phrase(.lessonFile(key), arguments))
    }

    /// The whole message with its place: "lessons/01-x.md:12: unknown key …".
    public var phrase: Phrase {
        file.isEmpty ? Phrase(.lessonFile(.atLineOfLesson), ["line": .integer(line), "problem": .phrase(problem)])
            : Phrase(.lessonFile(.atLine), ["file": .text(file), "line": .integer(line), "problem": .phrase(problem)])
    }

    /// The problem in English, without the place.
    public var message: String { Language.english.render(problem) }
    public var description: String { Language.english.render(phrase) }

    /// Two problems are the same when they have the same place and say the same thing.
    public static func == (a: LessonError, b: LessonError) -> Bool {
        a.file == b.file && a.line == b.line && a.message == b.message
    }
}

/// Parses front matter lines into a tree.
///
/// Nesting, by indentation or by `[`/`{`, is limited to `maximumDepth` levels, so
/// a malformed file is refused with its line instead of overflowing the stack.
struct FrontMatterParser {
    /// The deepest nesting of blocks and inline `[`/`{` values accepted (lessons use 3).
    static let maximumDepth = 32
    private struct Line { let number: Int; let indent: Int; let text: String }
    private var lines: [Line] = []
    private var position = 0

    /// `source` is the whole front matter block; `firstLine` is its first line's number in the file.
    init(_ source: String, firstLine: Int) throws {
        for (i, raw) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let stripped = Self.stripComment(String(raw))
            if raw.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                throw LessonError(line: firstLine + i, .tabIndentation)
            }
            let text = stripped.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let indent = stripped.prefix { $0 == " " }.count
            lines.append(Line(number: firstLine + i, indent: indent, text: text))
        }
    }

    mutating func parse() throws -> FrontMatterNode {
        guard let first = lines.first else { return .map([], line: 1) }
        let node = try parseBlock(indent: first.indent, depth: 1)
        if position < lines.count {
            throw LessonError(line: lines[position].number, .unexpectedIndentation)
        }
        return node
    }

    private mutating func parseBlock(indent: Int, depth: Int) throws -> FrontMatterNode {
        let start = lines[position]
        try Self.checkDepth(depth, line: start.number)
        if start.text.hasPrefix("- ") || start.text == "-" { return try parseList(indent: indent, depth: depth) }
        var entries: [(key: String, value: FrontMatterNode)] = []
        while position < lines.count, lines[position].indent == indent {
            let line = lines[position]
            guard let colon = Self.keyColon(line.text) else {
                throw LessonError(line: line.number, .expectedKeyValue, ["found": .text(line.text)])
            }
            let key = String(line.text[..<colon]).trimmingCharacters(in: .whitespaces)
            let rest = String(line.text[line.text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if entries.contains(where: { $0.key == key }) {
                throw LessonError(line: line.number, .duplicateKey, ["key": .text(key)])
            }
            position += 1
            if rest.isEmpty {
                if position < lines.count, lines[position].indent > indent {
                    entries.append((key, try parseBlock(indent: lines[position].indent, depth: depth + 1)))
                } else if position < lines.count, lines[position].indent == indent, lines[position].text.hasPrefix("- ") {
                    entries.append((key, try parseList(indent: indent, depth: depth + 1)))
                } else {
                    entries.append((key, .scalar("", line: line.number)))
                }
            } else {
                entries.append((key, try Self.inline(rest, line: line.number, depth: depth + 1)))
            }
        }
        if position < lines.count, lines[position].indent > indent {
            throw LessonError(line: lines[position].number, .unexpectedIndentation)
        }
        return .map(entries, line: start.number)
    }

    private mutating func parseList(indent: Int, depth: Int) throws -> FrontMatterNode {
        let start = lines[position]
        try Self.checkDepth(depth, line: start.number)
        var items: [FrontMatterNode] = []
        while position < lines.count, lines[position].indent == indent, lines[position].text.hasPrefix("-") {
            let line = lines[position]
            let rest = String(line.text.dropFirst()).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty {
                position += 1
                guard position < lines.count, lines[position].indent > indent else {
                    throw LessonError(line: line.number, .emptyListItem)
                }
                items.append(try parseBlock(indent: lines[position].indent, depth: depth + 1))
            } else if Self.keyColon(rest) != nil && !rest.hasPrefix("{") && !rest.hasPrefix("[") && !rest.hasPrefix("\"") {
                // `- key: value` starts a mapping whose other keys sit under the key.
                let itemIndent = indent + (line.text.count - rest.count)
                lines[position] = Line(number: line.number, indent: itemIndent, text: rest)
                items.append(try parseBlock(indent: itemIndent, depth: depth + 1))
            } else {
                position += 1
                items.append(try Self.inline(rest, line: line.number, depth: depth + 1))
            }
        }
        return .list(items, line: start.number)
    }

    /// A value on one line: a scalar, `[a, b]` or `{a: 1}`.
    static func inline(_ text: String, line: Int, depth: Int = 1) throws -> FrontMatterNode {
        // Plain text runs to the end of the line, commas and all.
        if let first = text.first, !"[{\"'".contains(first) { return .scalar(text, line: line) }
        var p = InlineParser(Array(text), line: line)
        let node = try p.value(depth: depth)
        p.skipSpaces()
        if !p.atEnd { throw LessonError(line: line, .textAfterValue, ["text": .text(String(p.rest))]) }
        return node
    }

    static func checkDepth(_ depth: Int, line: Int) throws {
        if depth > maximumDepth {
            throw LessonError(line: line, .nestedTooDeep, ["levels": .integer(maximumDepth)])
        }
    }

    /// The index of the `:` that ends a key (outside quotes, followed by a space or the end).
    static func keyColon(_ text: String) -> String.Index? {
        var inQuote: Character? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = inQuote { if c == q { inQuote = nil } }
            else if c == "\"" || c == "'" { inQuote = c }
            else if c == "[" || c == "{" { return nil }
            else if c == ":" {
                let next = text.index(after: i)
                if next == text.endIndex || text[next] == " " { return i }
            }
            i = text.index(after: i)
        }
        return nil
    }

    static func stripComment(_ line: String) -> String {
        var inQuote: Character? = nil
        var previous: Character = " "
        for (offset, c) in line.enumerated() {
            if let q = inQuote { if c == q { inQuote = nil } }
            else if c == "\"" || c == "'" { inQuote = c }
            else if c == "#" && previous == " " { return String(line.prefix(offset)) }
            previous = c
        }
        return line
    }
}

/// Inline flow values: `[1, 2]`, `{a: 1, b: [x, y]}`, `"quoted"`, plain scalars.
private struct InlineParser {
    let chars: [Character]
    let line: Int
    var i = 0

    init(_ chars: [Character], line: Int) { self.chars = chars; self.line = line }

    var atEnd: Bool { i >= chars.count }
    var rest: ArraySlice<Character> { chars[min(i, chars.count)...] }

    mutating func skipSpaces() { while i < chars.count, chars[i] == " " { i += 1 } }

    mutating func value(depth: Int) throws -> FrontMatterNode {
        try FrontMatterParser.checkDepth(depth, line: line)
        skipSpaces()
        guard i < chars.count else { return .scalar("", line: line) }
        switch chars[i] {
        case "[":
            i += 1
            var items: [FrontMatterNode] = []
            skipSpaces()
            if i < chars.count, chars[i] == "]" { i += 1; return .list([], line: line) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpaces()
                guard i < chars.count else { throw LessonError(line: line, .unclosedList) }
                if chars[i] == "]" { i += 1; return .list(items, line: line) }
                guard chars[i] == "," else { throw LessonError(line: line, .expectedListSeparator) }
                i += 1
            }
        case "{":
            i += 1
            var entries: [(key: String, value: FrontMatterNode)] = []
            skipSpaces()
            if i < chars.count, chars[i] == "}" { i += 1; return .map([], line: line) }
            while true {
                skipSpaces()
                var key = ""
                while i < chars.count, chars[i] != ":" , chars[i] != "}" { key.append(chars[i]); i += 1 }
                guard i < chars.count, chars[i] == ":" else { throw LessonError(line: line, .expectedInlineKeyValue) }
                i += 1
                entries.append((key.trimmingCharacters(in: .whitespaces), try value(depth: depth + 1)))
                skipSpaces()
                guard i < chars.count else { throw LessonError(line: line, .unclosedMap) }
                if chars[i] == "}" { i += 1; return .map(entries, line: line) }
                guard chars[i] == "," else { throw LessonError(line: line, .expectedMapSeparator) }
                i += 1
            }
        case "\"", "'":
            let quote = chars[i]
            i += 1
            var s = ""
            while i < chars.count, chars[i] != quote { s.append(chars[i]); i += 1 }
            guard i < chars.count else { throw LessonError(line: line, .unclosedQuote, ["quote": .text(String(quote))]) }
            i += 1
            return .scalar(s, line: line)
        default:
            var s = ""
            while i < chars.count, !",]}".contains(chars[i]) { s.append(chars[i]); i += 1 }
            return .scalar(s.trimmingCharacters(in: .whitespaces), line: line)
        }
    }
}

