import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// `token_embedding`: a learned (V, E) table before the recurrent layer of a token task.
@Suite struct TokenEmbeddingTests {
    func copy(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["S": .number(2), "delay": .number(1), "K": .number(4), "cell": .choice("gru"),
                                         "hidden": .number(16), "batch": .number(16), "eval_every": .number(1000)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "copy", settings: s, dataDirectory: ExperimentTests.data)
    }

    /// With E set the model has `embedding.weight` (V, E) and the recurrent layer reads E
    /// features; the ids of the batch pick the rows.
    @Test func embeddingHasTheVocabularyByEShape() throws {
        let e = try copy(["token_embedding": .number(5)])
        let model = try #require(e.model as? SequenceModel)
        let table = try #require(e.stateDict()["embedding.weight"])
        #expect(table.shape == [e.task.inputSize, 5])            // V = K + 2
        #expect(model.recurrent.inputSize == 5)
        #expect(model.embedding?.paddingIndex == nil)             // copy has no <pad> token
        let batch = try #require(e.validation.first)
        let x = model.recurrentInputs(batch).value
        let ids = try #require(batch.inputTokens)
        for (b, t) in [(0, 0), (1, 3), (batch.batchSize - 1, batch.steps - 1)] {
            let id = ids[b * batch.steps + t]
            #expect((0..<5).map { x[b, t, $0] } == (0..<5).map { table[id, $0] })
        }
        // A task with a vocabulary keeps <pad>'s row at zero.
        let authorship = try Experiment(task: "authorship", settings: ["token_embedding": .number(4), "hidden": .number(4)],
                                        dataDirectory: ExperimentTests.data)
        let padded = try #require((authorship.model as? SequenceModel)?.embedding)
        #expect(padded.paddingIndex == Vocabulary.pad)
        #expect((0..<4).allSatisfy { padded.weight.value[Vocabulary.pad, $0] == 0 })
    }

    /// It trains: the mean training loss of the last 20 of 300 steps is under half that
    /// of the first 20, and the table moves. (Copy with S = 2 splits its symbol pairs
    /// between training and validation, so the validation loss says nothing here.)
    @Test func embeddedModelLearnsTheCopyTask() throws {
        let e = try copy(["token_embedding": .number(6), "learning_rate": .number(0.02)])
        let before = e.stateDict()["embedding.weight"]!
        let losses = (0..<300).map { _ in e.trainStep().loss }
        let (first, last) = (losses.prefix(20).reduce(0, +) / 20, losses.suffix(20).reduce(0, +) / 20)
        #expect(last < 0.5 * first, "training loss \(first) → \(last)")
        #expect(e.stateDict()["embedding.weight"]! != before)
    }

    /// The default (0) is the one-hot model as before: no embedding, the recurrent layer
    /// reads `batch.inputs`, and the weights and losses are those of a run that never
    /// heard of the setting. A non-token task ignores the setting.
    @Test func oneHotDefaultIsUnchanged() throws {
        let a = try copy(), b = try copy(["token_embedding": .number(0)])
        let model = try #require(a.model as? SequenceModel)
        #expect(model.embedding == nil && model.recurrent.inputSize == a.task.inputSize)
        #expect(!a.stateDict().keys.contains { $0.hasPrefix("embedding") })
        let batch = try #require(a.validation.first)
        #expect(model.recurrentInputs(batch).value == batch.inputs)
        for _ in 0..<5 { #expect(a.trainStep().loss == b.trainStep().loss) }
        let adding = try Experiment(task: "adding", settings: ["token_embedding": .number(6), "T": .number(10)],
                                    dataDirectory: ExperimentTests.data)
        #expect((adding.model as? SequenceModel)?.embedding == nil)
    }
}
