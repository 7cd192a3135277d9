import Foundation
import Testing
@testable import RNNLab

/// Progress and knob values are never lost (reliability review D4, D5, D11,
/// D19): two labs on one folder merge, a bad entry costs only itself, backups
/// are never replaced, unreadable state is reported and left alone, and
/// leftovers of a killed save are cleaned up.
@Suite struct StateStoreTests {
    let fm = FileManager.default

    @Test func twoLabsOnOneFolderMergeTheirProgress() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        var a = ProgressStore(url: url)
        var b = ProgressStore(url: url)  // opened before a saved anything
        try a.markDone("simple-rnn", "echo-3")
        try b.markDone("vanishing-exploding", "vanishing")
        let after = ProgressStore(url: url)
        #expect(after.isDone("simple-rnn", "echo-3"))
        #expect(after.isDone("vanishing-exploding", "vanishing"))
        #expect(b.isDone("simple-rnn", "echo-3"))  // b now knows what a saved
    }

    @Test func twoLabsOnOneFolderKeepEachOthersKnobs() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("knobs.json")
        var a = KnobStore(url: url)
        var b = KnobStore(url: url)
        try a.save(lesson: "gru", ["learning_rate": .number(0.05)])
        try b.save(lesson: "simple-rnn", ["hidden": .number(8)])
        try a.save(lesson: "gru", ["learning_rate": .number(0.02), "cell": .choice("gru")])
        let after = KnobStore(url: url)
        #expect(after.values == ["gru": ["learning_rate": .number(0.02), "cell": .choice("gru")],
                                 "simple-rnn": ["hidden": .number(8)]])
    }

    @Test func concurrentSavesFromManyThreadsLoseNothing() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            var store = ProgressStore(url: url)
            for j in 0..<5 { try? store.markDone("lesson-\(i)", "check-\(j)") }
        }
        let after = ProgressStore(url: url)
        #expect(after.completed.count == 8)
        #expect(after.completed.values.allSatisfy { $0.count == 5 })
    }

    @Test func oneBadKnobEntryLosesOnlyThatEntry() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("knobs.json")
        let original = #"{"gru":{"learning_rate":0.05},"lstm-gates":{"hidden":16},"simple-rnn":{"hidden":[1,2],"cell":"gru","x":true}}"#
        try Data(original.utf8).write(to: url)
        var store = KnobStore(url: url)
        #expect(store.values == ["gru": ["learning_rate": .number(0.05)], "lstm-gates": ["hidden": .number(16)],
                                 "simple-rnn": ["cell": .choice("gru")]])
        #expect(store.warning == "knobs.json: 2 entries could not be read and were dropped (simple-rnn.hidden = [1.0,2.0], simple-rnn.x = true); the file was copied to knobs.json.corrupt")
        #expect(try String(contentsOf: dir.appendingPathComponent("knobs.json.corrupt"), encoding: .utf8) == original)
        try store.save(lesson: "simple-rnn", ["learning_rate": .number(0.02)])
        let after = KnobStore(url: url)
        #expect(after.values["gru"] == ["learning_rate": .number(0.05)])
        #expect(after.values["lstm-gates"] == ["hidden": .number(16)])
        #expect(after.values["simple-rnn"] == ["learning_rate": .number(0.02)])
        #expect(after.warning == nil)
    }

    @Test func aSecondCorruptFileNeverReplacesTheFirstBackup() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try Data(#"{"completed":{"simple-rnn":["echo-3"]"#.utf8).write(to: url)
        let first = ProgressStore(url: url)
        #expect(first.warning?.contains("was moved to progress.json.corrupt and starts afresh") == true)
        try Data("garbage".utf8).write(to: url)
        let second = ProgressStore(url: url)
        #expect(second.warning?.contains("was moved to progress.json.corrupt-2") == true)
        #expect(try String(contentsOf: dir.appendingPathComponent("progress.json.corrupt"), encoding: .utf8) == #"{"completed":{"simple-rnn":["echo-3"]"#)
        #expect(try String(contentsOf: dir.appendingPathComponent("progress.json.corrupt-2"), encoding: .utf8) == "garbage")
        #expect(!fm.fileExists(atPath: url.path))
    }

    @Test func aWrongShapeIsCorruptToo() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try Data(#"{"completed":{"simple-rnn":"echo-3"},"started":1}"#.utf8).write(to: url)
        let p = ProgressStore(url: url)
        #expect(p.completed.isEmpty && p.warning?.contains("not valid") == true)
        #expect(try names(in: dir).contains("progress.json.corrupt"))
    }

    @Test func aDirectoryInPlaceOfProgressIsReportedAndLeftAlone() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try fm.createDirectory(at: url, withIntermediateDirectories: false)
        var p = ProgressStore(url: url)
        #expect(p.warning == "cannot read \(url.path): it is a directory, not a regular file; it was left alone")
        let error = #expect(throws: SafeFile.Refusal.self) { try p.markDone("simple-rnn", "echo-3") }
        #expect(error?.description.contains("is a directory") == true)
        var isDirectory: ObjCBool = false
        #expect(fm.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue)
    }

    @Test func aFIFOInPlaceOfKnobsIsReportedWithoutBlocking() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("knobs.json")
        #expect(mkfifo(url.path, 0o600) == 0)
        let k = KnobStore(url: url)  // would block forever on a plain open
        #expect(k.values.isEmpty)
        #expect(k.warning == "cannot read \(url.path): it is a FIFO, not a regular file; it was left alone")
    }

    @Test func aSymlinkToDevZeroIsRefusedNotReadForever() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try fm.createSymbolicLink(atPath: url.path, withDestinationPath: "/dev/zero")
        let p = ProgressStore(url: url)
        #expect(p.warning == "cannot read \(url.path): it is a character device, not a regular file; it was left alone")
        #expect(try fm.destinationOfSymbolicLink(atPath: url.path) == "/dev/zero")
    }

    @Test func aFileTooLargeIsRefused() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("knobs.json")
        try Data(repeating: 0x20, count: SafeRead.stateFileLimit + 1).write(to: url)
        let k = KnobStore(url: url)
        #expect(k.warning?.contains("more than the \(SafeRead.stateFileLimit) a state file may have") == true)
        #expect(try fm.attributesOfItem(atPath: url.path)[.size] as? Int == SafeRead.stateFileLimit + 1)
    }

    @Test func aStateFolderThatIsAFileIsReported() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("state")
        try Data("x".utf8).write(to: folder)
        var p = ProgressStore(url: folder.appendingPathComponent("progress.json"))
        #expect(p.warning == "the state folder \(folder.path) is a file, not a folder; progress and knob values cannot be kept")
        #expect(throws: SafeFile.Refusal.self) { try p.markStarted() }
        #expect(try Data(contentsOf: folder) == Data("x".utf8))
    }

    @Test func leftoversOfAKilledSaveAreRemovedOnTheNextStart() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        for name in [".knobs.json.tmp-AbC123", ".progress.json.tmp-xyz789", ".knobs.json.tmp-notmine-long", "keep.txt"] {
            try Data("x".utf8).write(to: dir.appendingPathComponent(name))
        }
        _ = ProgressStore(url: dir.appendingPathComponent("progress.json"))
        _ = KnobStore(besideProgress: dir.appendingPathComponent("progress.json"))
        #expect(try names(in: dir) == [".knobs.json.tmp-notmine-long", ".lock", "keep.txt"])
    }

    @Test func progressKeepsItsModeAndWritesThroughASymlink() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let real = dir.appendingPathComponent("elsewhere.json")
        try Data(#"{"completed":{},"started":true}"#.utf8).write(to: real)
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real.path)
        let url = dir.appendingPathComponent("progress.json")
        try fm.createSymbolicLink(atPath: url.path, withDestinationPath: real.path)
        var p = ProgressStore(url: url)
        #expect(!p.firstStart)
        try p.markDone("gru", "g")
        #expect(try fm.destinationOfSymbolicLink(atPath: url.path) == real.path)
        #expect(try mode(of: real) == 0o600)
        #expect(ProgressStore(url: real).isDone("gru", "g"))
    }

    @Test func theDefaultFolderFollowsTheEnvironment() {
        #expect(ProgressStore.defaultURL(environment: ["RNNLAB_STATE_DIR": "/s"]).path == "/s/progress.json")
        #expect(ProgressStore.defaultURL(environment: ["XDG_STATE_HOME": "/x", "HOME": "/h"]).path == "/x/rnnlab/progress.json")
        #expect(ProgressStore.defaultURL(environment: ["HOME": "/h"]).path == "/h/.local/state/rnnlab/progress.json")
    }
}

/// The learner's predictions are kept in `progress.json` beside the checks met.
@Suite struct AnswerStoreTests {
    let fm = FileManager.default

    @Test func anAnswerSurvivesAReopenAndALaterAnswerReplacesIt() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        var store = ProgressStore(url: url)
        try store.markDone("simple-rnn", "echo-3")
        try store.recordAnswer("simple-rnn", "one-unit-echo", choice: 2)
        #expect(ProgressStore(url: url).answer("simple-rnn", "one-unit-echo") == 2)
        try store.recordAnswer("simple-rnn", "one-unit-echo", choice: 0)
        let after = ProgressStore(url: url)
        #expect(after.answers == ["simple-rnn": ["one-unit-echo": 0]])
        #expect(after.isDone("simple-rnn", "echo-3"))
        #expect(after.warning == nil)
    }

    @Test func twoLabsKeepEachOthersAnswers() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        var a = ProgressStore(url: url)
        var b = ProgressStore(url: url)
        try a.recordAnswer("gru", "update-gate-marker", choice: 1)
        try b.recordAnswer("lstm-gates", "forget-bias", choice: 0)
        #expect(ProgressStore(url: url).answers == ["gru": ["update-gate-marker": 1], "lstm-gates": ["forget-bias": 0]])
        #expect(b.answer("gru", "update-gate-marker") == 1)
    }

    @Test func aFileWithoutAnswersStillReads() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        try Data(#"{"completed": {"gru": ["gru-solves"]}, "started": true}"#.utf8).write(to: url)
        let store = ProgressStore(url: url)
        #expect(store.isDone("gru", "gru-solves"))
        #expect(store.answers.isEmpty)
        #expect(store.warning == nil)
    }

    @Test func aBadAnswerIsDroppedAloneAndTheChecksMetStay() throws {
        let dir = try storeTestFolder()
        defer { try? fm.removeItem(at: dir) }
        let url = dir.appendingPathComponent("progress.json")
        let text = #"{"completed": {"gru": ["gru-solves"]}, "started": true, "answers": {"gru": {"a": 1, "b": -1, "c": "x"}, "l": 3}}"#
        try Data(text.utf8).write(to: url)
        let store = ProgressStore(url: url)
        #expect(store.isDone("gru", "gru-solves"))
        #expect(store.answers == ["gru": ["a": 1]])
        let warning = try #require(store.warning)
        #expect(warning.contains("answers.gru.b = -1.0"))
        #expect(warning.contains("answers.gru.c = \"x\""))
        #expect(warning.contains("answers.l: 3.0"))
    }
}
