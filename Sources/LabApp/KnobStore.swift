import Foundation
import RNNEngine
import RNNLab

/// The last knob values per lesson, kept between sessions in `knobs.json`
/// beside the progress file. Written atomically; an unreadable file is
/// ignored (the lesson's own values are used).
public struct KnobStore: Sendable {
    public let url: URL
    /// lesson id → knob name → value.
    public private(set) var values: [String: [String: SettingValue]] = [:]

    /// `knobs.json` in the folder of `progressURL`.
    public init(besideProgress progressURL: URL) {
        self.init(url: progressURL.deletingLastPathComponent().appendingPathComponent("knobs.json"))
    }

    public init(url: URL) {
        self.url = url
        guard let data = try? Data(contentsOf: url),
              let file = try? JSONDecoder().decode([String: [String: Stored]].self, from: data) else { return }
        values = file.mapValues { $0.mapValues(\.value) }
    }

    /// Replaces one lesson's values and writes the file.
    public mutating func save(lesson: String, _ knobs: [String: SettingValue]) throws {
        values[lesson] = knobs
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(values.mapValues { $0.mapValues(Stored.init) })
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(data, to: url)
    }

    /// A value as JSON: a number or a string.
    struct Stored: Codable {
        var value: SettingValue
        init(_ value: SettingValue) { self.value = value }
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let n = try? c.decode(Double.self) { value = .number(n) } else { value = .choice(try c.decode(String.self)) }
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch value {
            case .number(let n): try c.encode(n)
            case .choice(let s): try c.encode(s)
            }
        }
    }
}
