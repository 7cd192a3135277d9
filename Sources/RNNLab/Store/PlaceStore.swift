import LabText
import Foundation

/// Where the learner was: the lesson last opened, whether it was still open
/// when the lab closed, and the prose page each lesson was left on.
public struct Place: Sendable, Equatable {
    /// Id of the lesson last opened (nil before any).
    public var lesson: String?
    /// Whether that lesson was open when the lab closed (else the lesson list was).
    public var open: Bool
    /// lesson id → prose page (0-based) last shown.
    public var pages: [String: Int]
    /// The language the learner chose in the lab (its toggle key), as a code;
    /// nil until they choose. `--lang` and `$RNNLAB_LANG` win over it.
    public var language: String?

    public init(lesson: String? = nil, open: Bool = false, pages: [String: Int] = [:], language: String? = nil) {
        self.lesson = lesson
        self.open = open
        self.pages = pages
        self.language = language
    }
}

/// The learner's place, kept between sessions in `place.json` beside the
/// progress file, so that reopening the lab opens where they left off.
///
/// Read and saved as ``KnobStore`` is (one ``StateFile`` underneath): a save
/// takes the folder's lock and re-reads the file; the last lab to save names
/// the lesson, and the pages of lessons it did not touch are kept from the
/// file. A bad entry is dropped alone with a notice; a file that is not JSON
/// is set aside. Not synced to disk: losing a page number is cheap.
public struct PlaceStore: Sendable {
    public let url: URL
    public private(set) var place = Place()
    /// Set when the file could not be read, or when some entries were dropped.
    public private(set) var notice: Phrase?

    /// `place.json` in the folder of `progressURL`.
    public init(besideProgress progressURL: URL) {
        self.init(url: progressURL.deletingLastPathComponent().appendingPathComponent("place.json"))
    }

    /// Loads the file. Leftover temporary files of a killed save are removed.
    public init(url: URL) {
        self.url = url
        let file = StateFile(url: url, durable: false)
        file.removeLeftovers()
        let (loaded, notice) = file.load(Self.decode)
        place = loaded ?? Place()
        self.notice = notice
    }

    /// Writes `place`: its lesson and open flag, and its pages over those in
    /// the file as it is now (another lab may have saved other lessons' pages).
    public mutating func save(_ place: Place) throws {
        self.place = try StateFile(url: url, durable: false).save(Self.decode, merge: { theirs in
            var out = place
            out.pages = (theirs?.pages ?? [:]).merging(place.pages) { _, mine in mine }
            out.language = place.language ?? theirs?.language
            return out
        }, encode: Self.encode)
    }

    /// `{"lesson": id, "open": bool, "pages": {id: page}, "language": code}`; an entry of the
    /// wrong kind is dropped alone; nil when the file is not an object.
    static func decode(_ json: JSONValue) -> StateFile.Decoded<Place>? {
        guard case .object(let fields) = json else { return nil }
        var place = Place()
        var dropped: [String] = []
        switch fields["lesson"] {
        case .string(let id)?: place.lesson = id
        case nil, .null?: break
        case let other?: dropped.append("lesson = \(other.brief)")
        }
        switch fields["open"] {
        case .bool(let open)?: place.open = open
        case nil: break
        case let other?: dropped.append("open = \(other.brief)")
        }
        switch fields["pages"] {
        case .object(let pages)?:
            for id in pages.keys.sorted() {
                if case .number(let n) = pages[id]!, n.isFinite, n >= 0, n < 100_000, n == n.rounded() {
                    place.pages[id] = Int(n)
                } else {
                    dropped.append("pages.\(id) = \(pages[id]!.brief)")
                }
            }
        case nil: break
        case let other?: dropped.append("pages = \(other.brief)")
        }
        switch fields["language"] {
        case .string(let code)? where !code.isEmpty && code.count <= 35: place.language = code
        case nil, .null?: break
        case let other?: dropped.append("language = \(other.brief)")
        }
        return StateFile.Decoded(place, dropped: dropped)
    }

    static func encode(_ place: Place) throws -> Data {
        struct Stored: Encodable {
            var lesson: String?
            var open: Bool
            var pages: [String: Int]
            var language: String?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(Stored(lesson: place.lesson, open: place.open, pages: place.pages, language: place.language))
    }
}
