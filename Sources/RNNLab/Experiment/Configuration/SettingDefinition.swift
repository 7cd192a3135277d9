import LabText

/// A setting the experiment understands: its kind, what it may be, its default,
/// where it lands in the typed ``ExperimentConfiguration``, and how a change
/// takes effect. Every definition lives in ``ExperimentSettings`` (the
/// experiment's own) or comes from a task's knobs; nothing else knows a default.
public struct SettingDefinition: Sendable {
    public enum Kind: Sendable, Equatable {
        case integer(ClosedRange<Double>)
        case real(ClosedRange<Double>)
        case choice([String])
    }

    /// How a change reaches a running experiment.
    enum Application: Sendable {
        /// Between two steps; the closure brings the running model and optimiser in
        /// line with the new configuration (nothing, for a setting read at every step).
        case live(@Sendable (Experiment) -> Void)
        /// The model is built again from the seed.
        case rebuild
    }

    public var name: String
    /// What the setting does (the knob panel shows it when a lesson gives none).
    public var summary: Phrase
    public var kind: Kind
    public var defaultValue: SettingValue
    /// Writes an accepted value into the typed configuration.
    let write: @Sendable (inout ExperimentConfiguration, SettingValue) -> Void
    let application: Application

    init(name: String, summary: Phrase, kind: Kind, defaultValue: SettingValue, application: Application,
         write: @escaping @Sendable (inout ExperimentConfiguration, SettingValue) -> Void) {
        self.name = name
        self.summary = summary
        self.kind = kind
        self.defaultValue = defaultValue
        self.application = application
        self.write = write
    }

    /// When a change takes effect.
    public var effect: SettingEffect {
        if case .live = application { return .live } else { return .rebuild }
    }

    /// Nil when `value` is allowed; otherwise the reason, naming the range or choices.
    public func refusal(_ value: SettingValue) -> Phrase? {
        let named: TextArgument = .text(name)
        switch (kind, value) {
        case let (.integer(r), .number(v)):
            if !v.isFinite || v != v.rounded() { return Phrase(.setting(.notWhole), ["name": named, "range": Self.range(r)]) }
            return r.contains(v) ? nil : Phrase(.setting(.outOfRange), ["name": named, "value": .text(SettingValue.format(v)), "range": Self.range(r)])
        case let (.real(r), .number(v)):
            return v.isFinite && r.contains(v) ? nil
                : Phrase(.setting(.outOfRange), ["name": named, "value": .text(SettingValue.format(v)), "range": Self.range(r)])
        case let (.choice(c), .choice(v)):
            return c.contains(v) ? nil : Phrase(.setting(.notAChoice), ["name": named, "value": .text(v), "choices": .list(c)])
        case (.choice(let c), .number):
            return Phrase(.setting(.takesChoice), ["name": named, "choices": .list(c)])
        case let (.integer(r), .choice(v)), let (.real(r), .choice(v)):
            return Phrase(.setting(.takesNumber), ["name": named, "range": Self.range(r), "value": .text(v)])
        }
    }

    /// Reads `text` as a value of this setting: a choice name, or a number written
    /// in decimal (`12`, `-0.5`, `1e-3`). Anything else — `true`, `on`, `0x20`,
    /// `inf`, `nan` — stays text, which ``refusal(_:)`` refuses with the range.
    public func parse(_ text: String) -> SettingValue {
        if case .choice = kind { return .choice(text) }
        if Self.isDecimal(text), let v = Double(text) { return .number(v) }
        return .choice(text)
    }

    /// `[+-]digits[.digits][e[+-]digits]`, or with the digits after the point only.
    static func isDecimal(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
        let mantissa = chars.prefix { $0 != "e" && $0 != "E" }
        let exponent = chars.dropFirst(mantissa.count)
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              parts.contains(where: { !$0.isEmpty }) else { return false }
        guard !exponent.isEmpty else { return true }
        var digits = exponent.dropFirst()
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
    }

    /// A range as a message argument: "1…512".
    public static func range(_ r: ClosedRange<Double>) -> TextArgument {
        .phrase(Phrase(.setting(.range), ["low": .text(SettingValue.format(r.lowerBound)), "high": .text(SettingValue.format(r.upperBound))]))
    }
}

private extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
