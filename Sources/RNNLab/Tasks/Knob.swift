import LabText

/// A difficulty setting of a task (sequence length, delay, noise, …) with its range.
public struct Knob: Sendable, Equatable {
    public var name: String
    /// What the knob does, as a catalogue text.
    public var summary: KnobSummaryKey
    public var range: ClosedRange<Double>
    public var defaultValue: Double
    /// Whole numbers only (lengths, counts).
    public var isInteger: Bool

    public init(_ name: String, _ summary: KnobSummaryKey, range: ClosedRange<Double>, default value: Double, integer: Bool = true) {
        self.name = name
        self.summary = summary
        self.range = range
        self.defaultValue = value
        self.isInteger = integer
    }

    /// "T=50 (2…1000)".
    public var shortDescription: String {
        func f(_ v: Double) -> String { isInteger ? String(Int(v)) : Metric.format(v, digits: 2) }
        return "\(name)=\(f(defaultValue)) (\(f(range.lowerBound))…\(f(range.upperBound)))"
    }
}

/// Knob values for one task instance: the requested ones, the defaults for the rest.
public struct KnobValues: Sendable, Equatable {
    public private(set) var values: [String: Double]

    /// Checks `requested` against `knobs`: unknown names, values out of range
    /// and fractional values for whole-number knobs are refused.
    public init(_ requested: [String: Double], knobs: [Knob], task: String) throws {
        var values: [String: Double] = [:]
        for k in knobs { values[k.name] = k.defaultValue }
        for (name, v) in requested {
            guard let knob = knobs.first(where: { $0.name == name }) else {
                throw knobs.isEmpty ? TaskError(.noKnobs, ["task": .text(task), "name": .text(name)])
                    : TaskError(.unknownKnob, ["task": .text(task), "name": .text(name), "knobs": .list(knobs.map(\.name))])
            }
            guard v.isFinite, knob.range.contains(v) else {
                throw TaskError(.knobOutOfRange, ["task": .text(task), "name": .text(name), "value": .text(SettingValue.format(v)),
                                                 "range": SettingDefinition.range(knob.range)])
            }
            guard !knob.isInteger || v == v.rounded() else {
                throw TaskError(.knobNotWhole, ["task": .text(task), "name": .text(name), "value": .text(SettingValue.format(v))])
            }
            values[name] = v
        }
        self.values = values
    }

    public subscript(_ name: String) -> Double { values[name] ?? 0 }
    public func int(_ name: String) -> Int { Int(self[name]) }
}
