import LabText
import Foundation

/// The last knob values per lesson, kept between sessions in `knobs.json`
/// beside the progress file.
///
/// Behaves as ``ProgressStore`` does (one ``StateFile`` underneath): saves take
/// the folder's lock, re-read the file and replace only the lesson being saved,
/// so another lab's values for other lessons are kept. An entry that is not a
/// number or a word is dropped alone, with a notice in ``warning`` and a copy
/// of the file set aside; a file that is not JSON is set aside whole. Saves are
/// not synced to disk (a knob nudge is cheap to lose, an fsync per nudge is not).
public struct KnobStore: Sendable {
    public let url: URL
    /// lesson id → knob name → value.
    public private(set) var values: [String: [String: SettingValue]] = [:]
    /// Set when the file could not be read, or when some entries were dropped.
    public private(set) var notice: Phrase?
    /// The notice in English.
    public var warning: String? { notice.map(Language.english.render) }

    /// `knobs.json` in the folder of `progressURL`.
    public init(besideProgress progressURL: URL) {
        self.init(url: progressURL.deletingLastPathComponent().appendingPathComponent("knobs.json"))
    }

    /// Loads the file. Leftover temporary files of a killed save are removed.
    public init(url: URL) {
        self.url = url
        let file = StateFile(url: url, durable: false)
        file.removeLeftovers()
        let (loaded, notice) = file.load(Self.decode)
        values = loaded ?? [:]
        self.notice = notice
    }

    private var file: StateFile { StateFile(url: url, durable: false) }

    /// Replaces one lesson's values and writes the file; other lessons' values
    /// are taken from the file as it is now (another lab may have saved them).
    public mutating func save(lesson: String, _ knobs: [String: SettingValue]) throws {
        let mine = values
        values = try file.save(Self.decode, merge: { theirs in
            var out = theirs ?? mine
            out[lesson] = knobs
            return out
        }, encode: Self.encode)
    }

    /// `{lesson: {knob: number or word}}`. Entries of another kind are dropped
    /// one by one; nil when the file is not an object of objects at all.
    static func decode(_ json: JSONValue) -> StateFile.Decoded<[String: [String: SettingValue]]>? {
        guard case .object(let lessons) = json else { return nil }
        var out: [String: [String: SettingValue]] = [:]
        var dropped: [String] = []
        for lesson in lessons.keys.sorted() {
            guard case .object(let knobs) = lessons[lesson]! else {
                dropped.append("\(lesson): \(lessons[lesson]!.brief)")
                continue
            }
            var kept: [String: SettingValue] = [:]
            for name in knobs.keys.sorted() {
                switch knobs[name]! {
                case .number(let n) where n.isFinite: kept[name] = .number(n)
                case .string(let s): kept[name] = .choice(s)
                default: dropped.append("\(lesson).\(name) = \(knobs[name]!.brief)")
                }
            }
            out[lesson] = kept
        }
        return StateFile.Decoded(out, dropped: dropped)
    }

    static func encode(_ values: [String: [String: SettingValue]]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(values.mapValues { $0.mapValues(Stored.init) })
    }

    /// A value as JSON: a number or a string.
    struct Stored: Encodable {
        var value: SettingValue
        init(_ value: SettingValue) { self.value = value }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch value {
            case .number(let n): try c.encode(n)
            case .choice(let s): try c.encode(s)
            }
        }
    }
}
