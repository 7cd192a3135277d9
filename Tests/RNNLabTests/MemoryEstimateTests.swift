import Foundation
import Testing
@testable import RNNLab

/// Legal settings never exhaust memory (reliability review D7): the estimate
/// refuses a run that would not fit, naming the estimate and the cap.
@Suite(.serialized) struct MemoryEstimateTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = DataDirectory(path: root.appendingPathComponent("datasets").path)

    /// The review's hidden=512 batch=1024 T=1000 (the simple-RNN echo lesson)
    /// allocated 2 GB at once and aborted; now it is refused before any model is built.
    @Test func theReviewsHugeConfigurationIsRefusedWithBothNumbers() throws {
        let settings: [String: SettingValue] = ["hidden": .number(512), "batch": .number(1024), "T": .number(1000)]
        let error = #expect(throws: Reason.self) {
            try Experiment(task: "echo", settings: settings, dataDirectory: Self.data)
        }
        let message = error?.description ?? ""
        #expect(message.contains("need about 15 GiB"), "\(message)")
        #expect(message.contains("over the limit of 4.0 GiB"), "\(message)")
        #expect(message.contains("--max-memory"))
    }

    @Test func aLiveBatchChangeIsCheckedToo() throws {
        let e = try Experiment(task: "echo", settings: ["hidden": .number(512), "T": .number(1000)], dataDirectory: Self.data)
        let error = #expect(throws: Reason.self) { try e.apply("batch", .number(1024)) }
        #expect(error?.description.contains("over the limit") == true)
        #expect(e.settings["batch"] != .number(1024))
    }

    @Test func theEstimateGrowsWithEveryDimension() throws {
        let task = try TaskCatalog.make("echo", knobs: ["T": 100], dataDirectory: Self.data)
        func estimate(_ s: [String: SettingValue]) -> Int {
            var all: [String: SettingValue] = ["hidden": .number(32), "batch": .number(32), "layers": .number(1), "cell": .choice("rnn_tanh")]
            for (k, v) in s { all[k] = v }
            return MemoryEstimate(task: task, configuration: try! ExperimentConfiguration(task: "echo", settings: all)).bytes
        }
        let base = estimate([:])
        #expect(estimate(["hidden": .number(64)]) > base)
        #expect(estimate(["batch": .number(64)]) > base)
        #expect(estimate(["layers": .number(2)]) > base)
        #expect(estimate(["cell": .choice("lstm")]) > base)
        #expect(estimate(["bidirectional": .number(1)]) > base)
    }

    @Test func everyShippedLessonFitsUnderTheDefaultCap() throws {
        let library = LessonLibrary.load(Self.root.appendingPathComponent("lessons"))
        #expect(library.lessons.count >= 5)
        for lesson in library.lessons {
            let configuration = try ExperimentConfiguration(task: lesson.task, settings: lesson.settings)
            let task = try TaskCatalog.make(lesson.task, knobs: configuration.taskKnobs, dataDirectory: Self.data)
            let bytes = MemoryEstimate(task: task, configuration: configuration).bytes
            #expect(bytes < 512 << 20, "\(lesson.id) needs about \(MemoryEstimate.format(bytes))")
        }
    }

    @Test func sizesParseWithUnitsAndRefuseTheRest() throws {
        #expect(try MemoryEstimate.parseSize("8G") == 8 << 30)
        #expect(try MemoryEstimate.parseSize("512MiB") == 512 << 20)
        #expect(try MemoryEstimate.parseSize("1.5gb") == 3 << 29)
        for bad in ["8", "abc", "-1G", "1M", "2T", "G", "0x10G", "nanG", "1e3G"] {
            let error = #expect(throws: Reason.self, "\(bad)") { try MemoryEstimate.parseSize(bad) }
            #expect(error?.description.contains("between 64M and 1T") == true)
        }
    }

    @Test func aRaisedLimitLetsTheRunThrough() throws {
        let estimate = MemoryEstimate(bytes: 5 << 30)
        #expect(throws: Reason.self) { try estimate.check(limit: 4 << 30) }
        try estimate.check(limit: 6 << 30)
        #expect(MemoryEstimate.format(5 << 30) == "5.0 GiB" && MemoryEstimate.format(300 << 20) == "300 MiB")
    }
}
