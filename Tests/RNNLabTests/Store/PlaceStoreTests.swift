import Foundation
import Testing
import LabText
@testable import RNNLab

/// `place.json`: the lesson and pages the learner left, saved atomically
/// beside progress and knobs, merged with what another lab wrote.
@Suite("Place store")
struct PlaceStoreTests {
    let fm = FileManager.default

    @Test func aSavedPlaceIsReadBackBesideTheProgressFile() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let progress = dir.appendingPathComponent("progress.json")
        var store = PlaceStore(besideProgress: progress)
        #expect(store.place == Place())
        #expect(store.url.lastPathComponent == "place.json")
        try store.save(Place(lesson: "gru", open: true, pages: ["gru": 3, "simple-rnn": 1]))
        let after = PlaceStore(besideProgress: progress)
        #expect(after.place == Place(lesson: "gru", open: true, pages: ["gru": 3, "simple-rnn": 1]))
        #expect(after.notice == nil)
        // Written through a temporary file: nothing else is left in the folder.
        #expect(try names(in: dir).filter { $0.hasPrefix("place") || $0.hasPrefix(".place") } == ["place.json"])
    }

    @Test func anotherLabsPagesAreKept() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("place.json")
        var a = PlaceStore(url: url)
        var b = PlaceStore(url: url)
        try a.save(Place(lesson: "gru", open: true, pages: ["gru": 2]))
        try b.save(Place(lesson: "simple-rnn", open: false, pages: ["simple-rnn": 4]))
        let after = PlaceStore(url: url)
        #expect(after.place == Place(lesson: "simple-rnn", open: false, pages: ["gru": 2, "simple-rnn": 4]))
    }

    @Test func aBadEntryIsDroppedAloneAndAFileThatIsNotJSONIsSetAside() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("place.json")
        try Data(#"{"lesson":"gru","open":"yes","pages":{"gru":2,"lstm-gates":-1,"x":1.5}}"#.utf8).write(to: url)
        let partly = PlaceStore(url: url)
        #expect(partly.place == Place(lesson: "gru", open: false, pages: ["gru": 2]))
        let warning = partly.notice.map(LabText.Language.english.render) ?? ""
        #expect(warning.contains("3 entries") && warning.contains("place.json.corrupt"))
        try Data("not json".utf8).write(to: url)
        let broken = PlaceStore(url: url)
        #expect(broken.place == Place())
        #expect(broken.notice != nil)
        #expect(!fm.fileExists(atPath: url.path))
    }
}
