import Foundation
import LabText
import RNNEngine

/// A lesson's experiment as a standalone PyTorch project (`rnnlab export`):
/// `train.py`, the weights as a PyTorch state_dict, the lab's batches, the lab's
/// own validation metrics for those weights, and a README. `python train.py
/// --check` reproduces the lab's metrics from the weights; `--steps N` trains
/// from scratch in PyTorch.
public struct TorchExport {
    /// The project's files: name in the folder, and contents.
    public let files: [(name: String, contents: Data)]
    /// The steps `train.py --steps` runs by default.
    public let defaultSteps: Int

    /// How many training batches the export carries at most, and by default.
    public static let trainingBatchLimit = 1...2000
    public static let defaultTrainingBatches = 200

    /// Exports `experiment` (a fresh one, or one whose weights came from a
    /// checkpoint) as `lesson`'s project. The training batches are the first
    /// `trainingBatches` the lab would draw from the experiment's state.
    public init(lesson: Lesson, experiment: Experiment, trainingBatches: Int = TorchExport.defaultTrainingBatches) throws {
        let c = experiment.configuration
        let kind = experiment.task.kind
        let modelText: String, tokens: Bool
        var extraTraining = ""
        // A tree model's parser: its batches also carry their trees.
        var trees: (@Sendable ([Int]) -> ExpressionParse?)?
        if let translation = experiment.model as? TranslationModel {
            let plan = try TorchSeq2SeqPlan(translation, configuration: c, lesson: lesson.id)
            (modelText, tokens) = (TorchSeq2SeqSource(plan: plan).text, true)
            extraTraining = "TEACHER_FORCING = \(pythonLiteral(plan.teacherForcing))   # the chance of feeding the reference token while training"
        } else if let rcnn = experiment.model as? RCNNModel {
            let plan = try TorchRCNNPlan(rcnn, configuration: c, lesson: lesson.id)
            (modelText, tokens) = (plan.text, plan.vocabulary != nil)
        } else if let tree = experiment.model as? TreeLabModel {
            guard let parse = (experiment.task as? ExampleTask)?.info.parseTree else {
                throw Reason(.export(.unsupportedModel), ["lesson": .text(lesson.id)])
            }
            (modelText, tokens) = (TorchTreePlan(tree).text, true)
            trees = parse
        } else {
            let plan = try TorchModelPlan(experiment.model, configuration: c, lesson: lesson.id)
            (modelText, tokens) = (TorchRecurrentSource(plan: plan).text, plan.embedding != nil)
        }
        let goal = TorchExport.goal(of: lesson, kind: kind, baselines: experiment.baselines)
        defaultSteps = goal?.steps ?? 1000
        var script = TorchScript(model: modelText, configuration: c, lessonID: lesson.id,
                                 lessonTitle: lesson.title, defaultSteps: defaultSteps)
        script.extraTraining = extraTraining
        // The lab's numbers for these weights, which --check must reproduce.
        let evaluation = experiment.evaluate()
        var validation: [String: Double] = ["validation_loss": evaluation.loss]
        for m in evaluation.metrics where m.id.rawValue == (kind == .regression ? "mse" : "accuracy") {
            validation[m.id.rawValue] = m.value
        }
        var rng = experiment.rng
        let training = (0..<trainingBatches).map { _ in experiment.task.trainingBatch(size: c.batch, rng: &rng) }
        var data = TorchExportData.entries("validation", experiment.validation, tokens: tokens)
        data.merge(TorchExportData.entries("train", training, tokens: tokens)) { a, _ in a }
        if let trees {
            data.merge(TorchTreeData.entries("validation", experiment.validation, parse: trees)) { a, _ in a }
            data.merge(TorchTreeData.entries("train", training, parse: trees)) { a, _ in a }
        }
        let metadata = TorchExport.metadata(lesson: lesson, configuration: c, step: experiment.step)
        let weights = SafetensorsFile(stateDict: experiment.stateDict().mapValues { $0.converted(to: .float32) },
                                      metadata: metadata)
        var lab: [String: Any] = [
            "lesson": lesson.id, "title": lesson.title, "task": c.task, "step": experiment.step,
            "settings": c.values.mapValues(\.description), "validation": validation,
            "target_scale": experiment.task.targetScale, "training_batches": trainingBatches,
        ]
        if let goal {
            lab["goal"] = ["metric": goal.metric, "op": goal.op, "value": goal.value, "steps": goal.steps, "check": goal.check]
        }
        files = [
            ("train.py", Data(script.text.utf8)),
            ("weights.safetensors", try weights.encode()),
            ("data.safetensors", try SafetensorsFile(tensors: data, metadata: ["rnnlab.lesson": lesson.id]).encode()),
            ("lab.json", try JSONSerialization.data(withJSONObject: lab, options: [.prettyPrinted, .sortedKeys])),
            ("README.md", Data(TorchExport.readme(lesson: lesson, steps: defaultSteps, goal: goal,
                                                  names: experiment.model.namedParameters.map(\.name)).utf8)),
        ]
    }

    /// The lesson's claim `train.py --steps` aims at: its first one-run check that
    /// compares accuracy, mse or validation_loss with a number or a multiple of a
    /// baseline's metric (`accuracy > baseline_accuracy + 0.05`), the best
    /// baseline the lab measured on the same validation split, as its checks read it;
    /// failing that, the first check's clause on the lesson's own metric.
    struct Goal { var metric: String; var op: String; var value: Double; var steps: Int; var check: String }

    static func goal(of lesson: Lesson, kind: TaskKind, baselines: [Baseline]) -> Goal? {
        let metrics: Set<String> = kind == .regression ? ["mse", "validation_loss"] : ["accuracy", "validation_loss"]
        // The best baseline of each metric, as the lab's checks read `baseline_…`.
        let known = RunMetrics(baselines: baselines).values
        let single = lesson.checks.filter { check in
            !check.isMultiRun && check.set.isEmpty && check.expect.clauses.count == 1
                && metrics.contains(check.expect.clauses[0].metric) && check.expect.clauses[0].op != .equal
        }
        for check in single {
            let clause = check.expect.clauses[0]
            guard let v = clause.threshold(known), v.isFinite else { continue }
            return Goal(metric: clause.metric, op: clause.op.rawValue, value: v, steps: check.steps, check: check.id)
        }
        // A lesson with no such check (lesson 8 has only a comparison over three
        // seeds): the lesson's own half of its first claim, `accuracy > 0.9` of
        // `accuracy > 0.9 and versus_accuracy < 0.6`; one run of it is what
        // `--steps` trains.
        guard single.isEmpty else { return nil }
        for check in lesson.checks where check.set.isEmpty && check.task == nil {
            for clause in check.expect.clauses where metrics.contains(clause.metric) && clause.op != .equal {
                guard let v = clause.threshold(known), v.isFinite else { continue }
                return Goal(metric: clause.metric, op: clause.op.rawValue, value: v, steps: check.steps, check: check.id)
            }
        }
        return nil
    }

    /// A checkpoint's metadata: what built the model (the lesson, the task, the step
    /// and every setting: cell, layers, directions, sizes, …), so a reader can see
    /// what the weights belong to.
    public static func metadata(lesson: Lesson, configuration c: ExperimentConfiguration, step: Int) -> [String: String] {
        var out = ["rnnlab.lesson": lesson.id, "rnnlab.task": c.task, "rnnlab.step": "\(step)"]
        for (name, value) in c.values { out["rnnlab.setting." + name] = value.description }
        return out
    }

    /// `names`: the state dict's names in the model's order, the first two shown as examples.
    static func readme(lesson: Lesson, steps: Int, goal: Goal?, names: [String]) -> String {
        let examples = names.prefix(2).map { "`\($0)`" }.joined(separator: ", ")
        let aim = goal.map { "It stops after \(steps) steps and exits 0 when `\($0.metric) \($0.op) \(SettingValue.format($0.value))` holds on the validation batches: the lab's check `\($0.check)`." }
            ?? "It stops after \(steps) steps and prints the validation metrics."
        return """
        # \(lesson.title), in PyTorch

        RNN Lab's lesson `\(lesson.id)` exported by `rnnlab export`: the same model,
        loss, optimiser and clipping, written with `torch.nn`, and the lab's data.

        | file | what it holds |
        |---|---|
        | `train.py` | the model (`LabModel`), the loss, the training loop; the lab's settings are the constants at its top |
        | `weights.safetensors` | the lab's weights as a PyTorch `state_dict` (\(examples), …); the lab's settings are in its metadata |
        | `data.safetensors` | the lab's validation batches and the first training batches its generator drew for this seed |
        | `lab.json` | the lab's settings and the validation metrics the lab measured with these weights |

        Needs Python 3 with `torch` and `safetensors` (`pip install torch safetensors`).

        ```sh
        python train.py --check        # the lab's weights give the lab's validation metrics (relative tolerance 1e-4)
        python train.py --steps \(steps)   # train from scratch in PyTorch
        torchrun --nproc_per_node=2 train.py --steps \(steps)   # the same, data-parallel on two processes
        ```

        `--check` exits 1 when a metric differs. \(aim) The training batches
        are cycled: the lab draws a fresh batch at every step, the export carries a
        fixed number of them.

        Conventions that differ between frameworks, as `train.py` follows them: the
        gate order is PyTorch's (i, f, g, o for the LSTM, r, z, n for the GRU; the lab
        stores its weights that way, while Keras orders the GRU's z, r, h), the GRU
        applies its reset gate after W_hn·h, and padded steps are skipped with packed
        sequences (the lab repeats the last real state on them, Keras-style; only
        real steps are ever read or scored, so the numbers agree).
        """
    }
}
