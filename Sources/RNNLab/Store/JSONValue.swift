import Foundation

/// A parsed JSON document as a value, so a state file can be checked entry by
/// entry (a `true` is never taken for 1, nor `1` for true).
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let n = try? c.decode(Double.self) { self = .number(n); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    /// Parses `data`; nil when it is not JSON.
    public static func parse(_ data: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// Short JSON-like text for a notice, at most 40 characters.
    public var brief: String {
        let text: String
        switch self {
        case .null: text = "null"
        case .bool(let b): text = b ? "true" : "false"
        case .number(let n): text = "\(n)"
        case .string(let s): text = "\"\(s)\""
        case .array(let a): text = "[" + a.map(\.brief).joined(separator: ",") + "]"
        case .object(let o): text = "{" + o.keys.sorted().map { "\"\($0)\":\(o[$0]!.brief)" }.joined(separator: ",") + "}"
        }
        return text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }
}
