/// A JSON value from a safetensors header, kept as written: objects keep their
/// keys in order (duplicates included, so the caller decides about them) and
/// numbers keep their text (so "1", "1.0" and "1e0" stay distinguishable).
///
/// Why not `JSONSerialization` or `JSONDecoder`? The reference parser (Rust
/// `serde_json`, behind `safetensors.torch.load_file`) is strict where Foundation
/// is lenient or silent: it refuses `1.0` or `1e0` where an integer is expected
/// (Foundation hands back an `NSNumber` either way), refuses a duplicated field
/// (Foundation keeps one silently), refuses numbers that overflow a double and
/// lone UTF-16 surrogates, and has a nesting limit of 127 (deeper input
/// recursing through Foundation is a stack hazard). The header grammar is tiny,
/// so a ~200-line parser that follows RFC 8259 and serde_json's limits exactly is
/// the more faithful choice.
indirect enum JSONValue: Sendable {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    /// The literal text of a number, already checked against the JSON grammar.
    case number(String)
    case bool(Bool)
    case null

    /// A short name for messages: "an object", "a string \"F32\"", "the number 1.5".
    var summary: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string(let s): return "the string \(SafetensorsError.quoted(s))"
        case .number(let n): return "the number " + (n.count > 40 ? String(n.prefix(40)) + "…" : n)
        case .bool(let b): return "\(b)"
        case .null: return "null"
        }
    }

    /// The value as a non-negative integer that fits in `Int`, or nil when it is
    /// anything else (a negative number, a fraction, an exponent form, too large).
    /// serde_json likewise reads `-0`, `1.0` and `1e0` as floats, not as `usize`.
    var nonNegativeInt: Int? {
        guard case .number(let text) = self,
              text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return Int(text)
    }
}

/// Parses one JSON document from UTF-8 bytes (already validated as UTF-8).
struct HeaderJSONParser {
    /// serde_json's default recursion limit: the 128th nested container fails.
    static let maxDepth = 127

    private let bytes: [UInt8]
    private var index = 0

    /// Parses `bytes` as exactly one JSON value surrounded by optional whitespace.
    static func parse(_ bytes: [UInt8]) throws(SafetensorsError) -> JSONValue {
        var parser = HeaderJSONParser(bytes: bytes)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count { throw parser.fail("unexpected characters after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func fail(_ reason: String) -> SafetensorsError {
        .invalidJSON(reason: reason, offset: index)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        // JSON whitespace is exactly these four; form feed and NBSP are not.
        while let c = current, c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { index += 1 }
    }

    private mutating func expect(_ literal: String) throws(SafetensorsError) {
        for byte in literal.utf8 {
            guard current == byte else { throw fail("invalid literal, expected \(literal)") }
            index += 1
        }
    }

    private mutating func parseValue(depth: Int) throws(SafetensorsError) -> JSONValue {
        guard let c = current else { throw fail("unexpected end of header, expected a value") }
        switch c {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(SafetensorsError) -> JSONValue {
        if depth > Self.maxDepth { throw fail("nested deeper than \(Self.maxDepth) levels") }
        index += 1  // {
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") { index += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                throw fail(members.isEmpty ? "expected a string key" : "expected a string key (trailing comma?)")
            }
            let key = try parseString()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw fail("expected ':' after an object key") }
            index += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth)))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return .object(members)
            default: throw fail("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(SafetensorsError) -> JSONValue {
        if depth > Self.maxDepth { throw fail("nested deeper than \(Self.maxDepth) levels") }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { index += 1; return .array(elements) }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw fail("trailing comma in an array") }
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return .array(elements)
            default: throw fail("expected ',' or ']' in an array")
            }
        }
    }

    /// A number per RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
    /// Like serde_json, a number too large for a double is refused.
    private mutating func parseNumber() throws(SafetensorsError) -> String {
        let start = index
        func isDigit(_ c: UInt8?) -> Bool { c.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
        if current == UInt8(ascii: "-") { index += 1 }
        if current == UInt8(ascii: "0") {
            index += 1
            if isDigit(current) { throw fail("invalid number (leading zero)") }
        } else if isDigit(current) {
            while isDigit(current) { index += 1 }
        } else {
            throw fail("invalid number")
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard isDigit(current) else { throw fail("invalid number (no digit after '.')") }
            while isDigit(current) { index += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard isDigit(current) else { throw fail("invalid number (no digit in exponent)") }
            while isDigit(current) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        let fitsInteger = isInteger && (UInt64(text) != nil || Int64(text) != nil)
        if !fitsInteger, !(Double(text)?.isFinite ?? false) {
            index = start
            throw fail("number out of range")
        }
        return text
    }

    /// A string with its escapes resolved. Control characters must be escaped,
    /// and \u escapes of UTF-16 surrogates must come as a proper pair.
    private mutating func parseString() throws(SafetensorsError) -> String {
        index += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard let c = current else { throw fail("unterminated string") }
            index += 1
            switch c {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let e = current else { throw fail("unterminated string") }
                index += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try parseUnicodeEscape())
                default: index -= 1; throw fail("invalid escape")
                }
            case 0x00..<0x20:
                index -= 1
                throw fail("control character in a string (must be escaped)")
            default:
                out.append(c)
            }
        }
    }

    /// The UTF-8 bytes of one \uXXXX escape (the "\u" already read), joining a
    /// surrogate pair \uD8xx\uDCxx into one scalar.
    private mutating func parseUnicodeEscape() throws(SafetensorsError) -> [UInt8] {
        let high = try parseHex4()
        var scalar = high
        if (0xDC00...0xDFFF).contains(high) { throw fail("lone trailing surrogate in \\u escape") }
        if (0xD800...0xDBFF).contains(high) {
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
            else { throw fail("lone leading surrogate in \\u escape") }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw fail("lone leading surrogate in \\u escape") }
            scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        }
        return Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
    }

    private mutating func parseHex4() throws(SafetensorsError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = hexDigit(c) else { throw fail("invalid \\u escape") }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x30...0x39: return UInt32(c - 0x30)
        case 0x41...0x46: return UInt32(c - 0x41 + 10)
        case 0x61...0x66: return UInt32(c - 0x61 + 10)
        default: return nil
        }
    }
}
