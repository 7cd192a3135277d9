import Foundation
import Testing
@testable import RNNEngine
@testable import RNNLab

/// The exported project's files, without Python: the weights are the model's
/// under PyTorch's names, the data are the lab's batches, lab.json holds the
/// lab's own metrics, and what PyTorch cannot express is refused by name.
@Suite struct TorchExportTests {
    static let library: LessonLibrary = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return LessonLibrary.load(root.appendingPathComponent("lessons"))
    }()

    func lesson(_ id: String) throws -> Lesson { try #require(Self.library.lessons.first { $0.id == id }) }

    func experiment(_ lesson: Lesson, _ changes: [String: SettingValue] = [:]) throws -> Experiment {
        try Experiment(task: lesson.task, settings: lesson.settings.merging(changes) { $1 }, dataDirectory: ExperimentTests.data)
    }

    func file(_ export: TorchExport, _ name: String) throws -> Data { try #require(export.files.first { $0.name == name }).contents }

    @Test func weightsAreTheModelsStateDictUnderPyTorchNames() throws {
        let l = try lesson("lstm-gates")
        let e = try experiment(l)
        let export = try TorchExport(lesson: l, experiment: e, trainingBatches: 2)
        let saved = try SafetensorsFile.decode(try file(export, "weights.safetensors"))
        let weights = try saved.stateDict()
        #expect(Set(weights.keys) == ["rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "head.weight", "head.bias"])
        for (name, value) in e.stateDict() { #expect(weights[name]?.scalars == value.scalars, "\(name)") }
        #expect(saved.metadata["rnnlab.lesson"] == "lstm-gates" && saved.metadata["rnnlab.setting.cell"] == "lstm")
    }

    @Test func dataAreTheLabsBatchesAndLabJsonItsMetrics() throws {
        let l = try lesson("text-rnn")
        let e = try experiment(l)
        let export = try TorchExport(lesson: l, experiment: e, trainingBatches: 3)
        let data = try SafetensorsFile.decode(try file(export, "data.safetensors")).tensors
        let first = try #require(e.validation.first)
        guard case .int64(let shape, let ids)? = data["validation.0.tokens"] else { Issue.record("no token ids"); return }
        #expect(shape == [first.batchSize, first.steps] && ids == first.inputTokens!.map(Int64.init))
        guard case .int64(_, let lengths)? = data["validation.0.lengths"] else { Issue.record("no lengths"); return }
        #expect(lengths == first.lengths.map(Int64.init))
        #expect(data["train.2.lengths"] != nil && data["train.3.lengths"] == nil)
        #expect(data.keys.filter { $0.hasPrefix("validation.") && $0.hasSuffix(".lengths") }.count == e.validation.count)
        // The training batches are the ones the lab itself draws first.
        var rng = e.rng
        let drawn = e.task.trainingBatch(size: e.configuration.batch, rng: &rng)
        guard case .int64(_, let trainIDs)? = data["train.0.tokens"] else { Issue.record("no training ids"); return }
        #expect(trainIDs == drawn.inputTokens!.map(Int64.init))
        let lab = try #require(try JSONSerialization.jsonObject(with: try file(export, "lab.json")) as? [String: Any])
        let validation = try #require(lab["validation"] as? [String: Double])
        let evaluation = e.evaluate()
        // JSON keeps about 16 digits; train.py compares at 1e-4.
        let accuracy = try #require(evaluation.metrics.first { $0.id.rawValue == "accuracy" }?.value)
        #expect(abs(try #require(validation["validation_loss"]) - evaluation.loss) <= 1e-12 * evaluation.loss)
        #expect(abs(try #require(validation["accuracy"]) - accuracy) <= 1e-12)
    }

    @Test func theScriptCarriesTheModelsSettings() throws {
        let l = try lesson("text-rnn")
        let e = try experiment(l, ["hidden": .number(24), "layers": .number(2), "bidirectional": .number(1)])
        let script = String(decoding: try file(try TorchExport(lesson: l, experiment: e, trainingBatches: 1), "train.py"), as: UTF8.self)
        for line in ["CELL = nn.LSTM", "HIDDEN = 24 ", "LAYERS = 2", "BIDIRECTIONAL = True", "DIRECTIONS = 2",
                     "TASK_KIND = \"classification\"", "MASKING = True", "EMBEDDING = (", "SEED = \(e.configuration.seed)"] {
            #expect(script.contains(line), "train.py lacks \(line)")
        }
    }

    @Test func whatPyTorchCannotExpressIsRefusedByName() throws {
        let gates = try lesson("lstm-gates")
        #expect(throws: Reason.self) { try TorchExport(lesson: gates, experiment: try experiment(gates, ["forget_gate_clamp": .number(0.5)])) }
        do {
            _ = try TorchExport(lesson: gates, experiment: try experiment(gates, ["forget_gate_clamp": .number(0.5)]))
        } catch let r as Reason {
            #expect(r.message.contains("forget_gate_clamp = 0.5"), "\(r.message)")
        }
        let seq = try lesson("encoder-decoder")
        do {
            _ = try TorchExport(lesson: seq, experiment: try experiment(seq, ["beam_width": .number(4)]))
            Issue.record("beam decoding was exported")
        } catch let r as Reason {
            #expect(r.message.contains("beam_width = 4"), "\(r.message)")
        }
        // A model kind the export does not know is refused by lesson, not by its Swift type.
        let unknown = Reason(.export(.unsupportedModel), ["lesson": .text("recursive-trees")])
        #expect(unknown.message.hasPrefix("lesson recursive-trees trains a kind of model the PyTorch export does not cover yet"),
                "\(unknown.message)")
    }

    /// Text-RNN's first check, `accuracy > baseline_accuracy + 0.05`, becomes a
    /// number from the lab's own bag-of-characters baseline on the same split.
    @Test func theGoalResolvesABaselineToItsValue() throws {
        let l = try lesson("text-rnn")
        let e = try experiment(l)
        let goal = try #require(TorchExport.goal(of: l, kind: .classification, baselines: e.baselines))
        // The best of the baselines (bag-of-characters beats the majority class), as the lab's checks use.
        let baseline = try #require(e.baselines.flatMap(\.metrics).filter { $0.id.rawValue == "accuracy" }.map(\.value).max())
        #expect(e.baselines.count > 1, "text-rnn has two baselines; the test means to tell them apart")
        #expect(goal.check == "lstm-beats-bag" && goal.metric == "accuracy" && goal.op == ">" && goal.steps == 2000)
        #expect(abs(goal.value - (baseline + 0.05)) < 1e-12)
        // Without the baseline the claim has no number, and no goal is made up.
        #expect(TorchExport.goal(of: l, kind: .classification, baselines: []) == nil)
    }
}
