import Foundation
import Testing
@testable import RNNEngine
@testable import RNNLab

/// The exporters of lessons 8, 11 and 13 without Python: the weights keep the
/// lab's names and PyTorch's shapes, `train.py` carries the model's geometry,
/// the tree net's data carry the very trees the lab composes, and a refusal
/// names the setting, never a Swift type.
@Suite struct TorchExportModelsTests {
    let base = TorchExportTests()

    func weights(_ export: TorchExport) throws -> [String: Tensor] {
        try SafetensorsFile.decode(try base.file(export, "weights.safetensors")).stateDict()
    }

    func script(_ export: TorchExport) throws -> String {
        String(decoding: try base.file(export, "train.py"), as: UTF8.self)
    }

    /// Lesson 13: Conv1D(1 → 32, 5) → max-pool 3 → Conv1D(32 → 32, 5) → GRU(32 → 32) → head.
    @Test func theConvFrontEndKeepsPyTorchsLayoutAndTheGeometry() throws {
        let l = try base.lesson("conv-gru")
        let e = try base.experiment(l)
        let export = try TorchExport(lesson: l, experiment: e, trainingBatches: 1)
        let w = try weights(export)
        #expect(w["front.conv1.weight"]?.shape == [32, 1, 5] && w["front.conv1.bias"]?.shape == [32])
        #expect(w["front.conv2.weight"]?.shape == [32, 32, 5] && w["front.conv2.bias"]?.shape == [32])
        #expect(w["rnn.weight_ih_l0"]?.shape == [3 * 32, 32], "the GRU reads the 32 filters")
        #expect(Set(w.keys) == Set(e.stateDict().keys))
        let text = try script(export)
        for line in ["FRONT_END = True", "CONV_INPUTS = 1 ", "CONV_FILTERS = 32 ", "CONV_KERNEL = 5 ", "CONV_DILATION = 1 ",
                     "CONV_PADDING = (0, 0)", "POOL = 3 ", "INPUT_SIZE = 32 ", "MASKING = False", "CELL = nn.GRU",
                     "TASK_KIND = \"regression\""] {
            #expect(text.contains(line), "train.py lacks \(line)")
        }
        // Without the front end the same lesson exports a plain GRU, and no ConvFrontEnd class.
        let plain = try script(try TorchExport(lesson: l, experiment: try base.experiment(l, ["conv_filters": .number(0)]),
                                               trainingBatches: 1))
        #expect(plain.contains("FRONT_END = False") && !plain.contains("class ConvFrontEnd") && plain.contains("INPUT_SIZE = 1 "))
    }

    /// Causal and same padding become the lab's zero steps on each side, dilation included.
    @Test func paddingModesBecomeExplicitZeros() throws {
        var rng = SplitMix64(seed: 1)
        let front = try ConvFrontEnd(inputSize: 2, filters: 4, kernel: 3, pool: 2, steps: 40, rng: &rng)
        var plan = TorchConvPlan(front)
        #expect(plan.padLeft == 0 && plan.padRight == 0 && plan.padding == .valid && plan.inputSize == 2)
        for (padding, dilation, left, right) in [(Conv1dPadding.causal, 2, 4, 0), (.same, 2, 2, 2), (.same, 1, 1, 1)] {
            let g = try Conv1dGeometry(kernelSize: 3, dilation: dilation, padding: padding)
            (plan.padding, plan.dilation, plan.padLeft, plan.padRight) = (g.padding, g.dilation, g.padLeft, g.padRight)
            #expect(plan.text.contains("CONV_PADDING = (\(left), \(right))") && plan.text.contains("CONV_DILATION = \(dilation) "),
                    "\(padding) d=\(dilation)")
        }
    }

    /// Lesson 11: embedding (V, 16), a bidirectional LSTM(16 → 64), the edge contexts,
    /// position Linear(2·64 + 16 → 64), head Linear(64 → 2).
    @Test func theRCNNKeepsItsNamesAndShapes() throws {
        let l = try base.lesson("rcnn")
        let e = try base.experiment(l)
        let export = try TorchExport(lesson: l, experiment: e, trainingBatches: 1)
        let w = try weights(export)
        let v = try #require(w["embedding.weight"]?.shape.first)
        #expect(w["embedding.weight"]?.shape == [v, 16])
        #expect(w["rnn.weight_ih_l0"]?.shape == [4 * 64, 16] && w["rnn.weight_hh_l0_reverse"]?.shape == [4 * 64, 64])
        #expect(w["initial_left"]?.shape == [64] && w["initial_right"]?.shape == [64])
        #expect(w["position.weight"]?.shape == [64, 2 * 64 + 16] && w["head.weight"]?.shape == [2, 64])
        #expect(Set(w.keys) == Set(e.stateDict().keys))
        for (name, value) in e.stateDict() { #expect(w[name]?.scalars == value.scalars, "\(name)") }
        let text = try script(export)
        for line in ["CELL = nn.LSTM", "INPUT_SIZE = 16 ", "HIDDEN = 64 ", "OUTPUT_SIZE = 2 ", "FORGET_BIAS = 1.0",
                     "bidirectional=True", "self.initial_left = nn.Parameter"] {
            #expect(text.contains(line), "train.py lacks \(line)")
        }
        let data = try SafetensorsFile.decode(try base.file(export, "data.safetensors")).tensors
        #expect(data["validation.0.tokens"] != nil && data["validation.0.inputs"] == nil, "the RCNN reads token ids")
    }

    @Test func theRCNNRefusesDropoutPyTorchCannotExpressByName() throws {
        let l = try base.lesson("rcnn")
        do {
            _ = try TorchExport(lesson: l, experiment: try base.experiment(l, ["recurrent_dropout": .number(0.2)]), trainingBatches: 1)
            Issue.record("recurrent dropout was exported")
        } catch let r as Reason {
            #expect(r.message.contains("recurrent_dropout = 0.2") && !r.message.contains("RCNNModel"), "\(r.message)")
        }
    }

    /// Lesson 8: the data carry each row's parse tree as node tables, and they are
    /// the trees the lab's tree net composes (the same leaves, roots and levels).
    @Test func theTreeNetsDataCarryTheLabsTrees() throws {
        let l = try base.lesson("recursive-trees")
        let e = try base.experiment(l)
        let export = try TorchExport(lesson: l, experiment: e, trainingBatches: 2)
        let w = try weights(export)
        let h = e.configuration.hidden
        #expect(w["composition.weight"]?.shape == [h, 2 * h] && w["composition.bias"]?.shape == [h])
        #expect(w["readout.weight"]?.shape == [3, h] && w["embedding.weight"]?.shape == [4, h], "M 3 digits and one operator")
        let data = try SafeTensorsIndex(try SafetensorsFile.decode(try base.file(export, "data.safetensors")).tensors)
        let parse = try #require((e.task as? ExampleTask)?.info.parseTree)
        for k in [0, e.validation.count - 1] {
            let batch = e.validation[k]
            let trees = TreeBatch((0..<batch.batchSize).map { parse(TreeLabModel.tokens(batch, row: $0))!.tree })
            let p = "validation.\(k)."
            let token = try data.ints(p + "tree_token"), left = try data.ints(p + "tree_left")
            let right = try data.ints(p + "tree_right"), height = try data.ints(p + "tree_height")
            #expect(token.count == trees.nodeCount && left.count == trees.nodeCount)
            #expect(try data.ints(p + "tree_root") == trees.rootRows)
            #expect(trees.leafRows.map { token[$0] } == trees.leafTokens)
            for (level, rows) in trees.levels.enumerated() {
                #expect(rows.rows.map { height[$0] } == Array(repeating: level + 1, count: rows.rows.count))
                #expect(rows.rows.map { left[$0] } == rows.leftRows && rows.rows.map { right[$0] } == rows.rightRows)
            }
            #expect(try data.ints(p + "tree_of_node").count == trees.nodeCount)
        }
        let text = try script(export)
        #expect(text.contains("def shard_batch(batch, rank, world):\n    \"\"\"This process's rows: trees"), "the tree net shards whole trees")
        #expect(text.components(separatedBy: "def shard_batch(").count == 2, "one shard_batch, the tree net's")
    }

    /// Lesson 8 has only a three-seed comparison; `--steps` aims at its own half.
    @Test func theTreeLessonsGoalIsItsOwnHalfOfTheComparison() throws {
        let l = try base.lesson("recursive-trees")
        let goal = try #require(TorchExport.goal(of: l, kind: .classification, baselines: []))
        #expect(goal.check == "tree-generalises" && goal.metric == "accuracy" && goal.op == ">" && goal.value == 0.9 && goal.steps == 2000)
        // Lesson 13 keeps its one-run check, not the first comparison's clause.
        let conv = try base.lesson("conv-gru")
        let e = try base.experiment(conv)
        let convGoal = try #require(TorchExport.goal(of: conv, kind: .regression, baselines: e.baselines))
        #expect(convGoal.check == "beats-baseline" && convGoal.metric == "mse" && convGoal.steps == 600)
    }

    /// Every shipped lesson exports at its defaults; none is refused, so no
    /// refusal can leak a model's type name.
    @Test func everyShippedLessonExports() throws {
        for l in TorchExportTests.library.lessons {
            do {
                let export = try TorchExport(lesson: l, experiment: try base.experiment(l), trainingBatches: 1)
                #expect(try script(export).contains("class LabModel(nn.Module):"), "\(l.id)")
            } catch let r as Reason {
                Issue.record("\(l.id) was refused: \(r.message)")
            }
        }
    }
}

/// The int64 tensors of a data file by name.
struct SafeTensorsIndex {
    struct Missing: Error { var name: String }

    let tensors: [String: SafeTensor]
    init(_ tensors: [String: SafeTensor]) { self.tensors = tensors }

    func ints(_ name: String) throws -> [Int] {
        guard case .int64(_, let values)? = tensors[name] else { throw Missing(name: name) }
        return values.map(Int.init)
    }
}
