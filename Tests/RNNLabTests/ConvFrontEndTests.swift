import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// `conv_filters`, `conv_kernel`, `pool`: a Conv1D → max-pool → Conv1D front end
/// before the recurrent layer of a forecast, with Keras' 'valid' padding.
@Suite struct ConvFrontEndTests {
    func sunspots(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["T": .number(60), "cell": .choice("gru"), "hidden": .number(8),
                                         "conv_filters": .number(4), "conv_kernel": .number(5), "pool": .number(3),
                                         "eval_every": .number(1000)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "sunspots", settings: s, dataDirectory: ExperimentTests.data)
    }

    /// T' = ⌊(T − K + 1) / P⌋ − K + 1, as Keras' Conv1D(valid) → MaxPooling1D(P) → Conv1D(valid).
    @Test func outputStepsFollowValidPadding() {
        #expect(ConvFrontEnd.outputSteps(400, kernel: 5, pool: 3) == 128)   // 396 → 132 → 128
        #expect(ConvFrontEnd.outputSteps(60, kernel: 5, pool: 3) == 14)     // 56 → 18 → 14
        #expect(ConvFrontEnd.outputSteps(19, kernel: 5, pool: 3) == 1)      // the least: 5·3 + 5 − 1
        #expect(ConvFrontEnd.leastSteps(kernel: 5, pool: 3) == 19)
        #expect(ConvFrontEnd.outputSteps(18, kernel: 5, pool: 3) <= 0)
        #expect(ConvFrontEnd.outputSteps(10, kernel: 1, pool: 1) == 10)
    }

    /// The recurrent layer reads F features over T' steps, and the front end's
    /// weights carry PyTorch's Conv1d shapes (C_out, C_in, K).
    @Test func recurrentLayerReadsTheShortenedSequence() throws {
        let e = try sunspots()
        let model = try #require(e.model as? SequenceModel)
        #expect(model.recurrent.inputSize == 4)
        let dict = e.stateDict()
        #expect(dict["front.conv1.weight"]?.shape == [4, 1, 5])
        #expect(dict["front.conv2.weight"]?.shape == [4, 4, 5])
        let batch = try #require(e.validation.first)
        let x = model.recurrentInputs(batch)
        #expect(x.shape == [batch.batchSize, 14, 4])
        #expect(model.recurrentSteps(window: 60) == 14)
        // ReLU after the second convolution: nothing negative reaches the GRU.
        #expect(x.value.doubles.allSatisfy { $0 >= 0 })
        let y = model.outputs(batch)
        #expect(y.shape == [batch.batchSize, 1])
    }

    /// Without the front end nothing changes: the GRU walks all T steps.
    @Test func zeroFiltersKeepsThePlainModel() throws {
        let e = try sunspots(["conv_filters": .number(0)])
        let model = try #require(e.model as? SequenceModel)
        #expect(model.front == nil)
        #expect(model.recurrent.inputSize == 1)
        #expect(model.recurrentSteps(window: 60) == 60)
        #expect(!e.stateDict().keys.contains { $0.hasPrefix("front.") })
    }

    /// The multiply-add count is the formula's, term by term: conv1 (T−K+1)·K·I·F,
    /// conv2 T'·K·F·F, the GRU T'·3H(F+H), the read-out H·1.
    @Test func multiplyAddsAddUp() throws {
        let e = try sunspots()
        let model = try #require(e.model as? SequenceModel)
        let expected = Double(56 * 5 * 1 * 4 + 14 * 5 * 4 * 4 + 14 * 3 * 8 * (4 + 8) + 8)
        #expect(model.forwardMultiplyAdds(window: 60) == expected)
        let plain = try #require(try sunspots(["conv_filters": .number(0)]).model as? SequenceModel)
        #expect(plain.forwardMultiplyAdds(window: 60) == Double(60 * 3 * 8 * (1 + 8) + 8))
    }

    /// Too short a window, or a task that is not a regression (echo's per-step classes), is refused with the reason.
    @Test func refusesWhatItCannotRead() throws {
        #expect(throws: (any Error).self) { try sunspots(["T": .number(18)]) }
        do {
            _ = try sunspots(["T": .number(18)])
        } catch {
            #expect("\(error)".contains("at least 19"))
        }
        #expect(throws: (any Error).self) {
            try Experiment(task: "echo", settings: ["conv_filters": .number(4), "T": .number(30)],
                           dataDirectory: ExperimentTests.data)
        }
    }

    /// It learns: after 150 steps the validation loss is below the first evaluation's.
    @Test func frontEndTrains() throws {
        let e = try sunspots(["learning_rate": .number(0.01)])
        let before = e.evaluate().loss
        for _ in 0..<150 { _ = e.trainStep() }
        #expect(e.evaluate().loss < 0.8 * before)
    }
}
