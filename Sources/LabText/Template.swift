/// A message text split into literal runs and placeholders.
///
/// `{name}` is a placeholder; `{name:one|other}` a plural choice on the
/// integer argument `name` (`one` when it is 1). A brace that does not open
/// a well-formed placeholder is literal text.
struct Template: Equatable {
    enum Piece: Equatable {
        case literal(String)
        case value(String)
        case plural(String, one: String, other: String)
    }

    var pieces: [Piece]

    init(_ text: String) {
        var pieces: [Piece] = []
        var literal = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}"), let piece = Template.piece(after[..<close]) else {
                literal.append("{")
                rest = after
                continue
            }
            if !literal.isEmpty { pieces.append(.literal(literal)) }
            literal = ""
            pieces.append(piece)
            rest = after[after.index(after: close)...]
        }
        literal += rest
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    /// `name` or `name:one|other`; nil when it is not a placeholder.
    static func piece(_ body: Substring) -> Piece? {
        let parts = body.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return nil }
        guard parts.count == 2 else { return .value(name) }
        let forms = parts[1].split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard forms.count == 2 else { return nil }
        return .plural(name, one: String(forms[0]), other: String(forms[1]))
    }

    /// The placeholder names the text uses.
    var names: Set<String> {
        Set(pieces.compactMap {
            switch $0 {
            case .literal: return nil
            case .value(let n), .plural(let n, _, _): return n
            }
        })
    }
}
