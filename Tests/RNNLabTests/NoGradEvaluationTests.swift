import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// Evaluation, decoding and forward-only probes run without a tape, with the
/// numbers of the taped forward pass; measurements that need gradients keep theirs.
@Suite struct NoGradEvaluationTests {
    func echo(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["T": .number(12), "k": .number(2), "hidden": .number(8), "batch": .number(8),
                                         "eval_every": .number(1000), "cell": .choice("rnn_tanh")]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "echo", settings: s, dataDirectory: ExperimentTests.data)
    }

    /// `Experiment.evaluate` records no tape node; the same loss computed with the
    /// tape records some (so the count can fail) and gives the same numbers, bit for bit.
    @Test func classifierEvaluationRecordsNoTapeAndKeepsItsNumbers() throws {
        let e = try echo()
        for _ in 0..<5 { _ = e.trainStep() }
        let (evaluation, nodes) = Variable.countingTapeNodes { e.evaluate() }
        #expect(nodes == 0)
        let model = try #require(e.model as? SequenceModel)
        model.isTraining = false
        defer { model.isTraining = true }
        var total = 0.0, rows = 0
        var tapedNodes = 0
        for batch in e.validation {
            let (taped, n) = Variable.countingTapeNodes { model.loss(batch) }
            tapedNodes += n
            let untaped = model.evaluate(batch, task: e.task, recordAttention: false)
            #expect(untaped.loss == taped.loss.value.item)
            #expect(untaped.outputs.doubles == taped.outputs.value.doubles)
            total += taped.loss.value.item * Double(batch.batchSize)
            rows += batch.batchSize
        }
        #expect(tapedNodes > 0)
        #expect(evaluation.loss == total / Double(rows))
    }

    /// A training step after an evaluation is the step without one: same loss, same weights.
    @Test func trainingAfterEvaluationIsUnchanged() throws {
        let a = try echo(["input_dropout": .number(0.2)]), b = try echo(["input_dropout": .number(0.2)])
        for _ in 0..<3 { _ = a.trainStep(); _ = b.trainStep() }
        _ = a.evaluate()
        _ = a.samples()
        let (ra, rb) = (a.trainStep(), b.trainStep())
        #expect(ra.loss == rb.loss && ra.gradientNorm == rb.gradientNorm)
        #expect(a.stateDict() == b.stateDict())
    }

    /// Seq2seq evaluation (teacher-forced loss, greedy and beam decoding) records no
    /// tape node, and its loss is the taped teacher-forced loss.
    @Test(arguments: [1, 3])
    func translationEvaluationRecordsNoTape(beam: Int) throws {
        let e = try Seq2SeqSettingsTests.reverse(["beam_width": .number(Double(beam))])
        for _ in 0..<5 { _ = e.trainStep() }
        let (_, nodes) = Variable.countingTapeNodes { e.evaluate(recordAttention: true) }
        #expect(nodes == 0)
        let model = try Seq2SeqSettingsTests.translation(e)
        model.isTraining = false
        defer { model.isTraining = true }
        let batch = try #require(e.validation.first)
        let ratio = model.seq2seq.teacherForcingRatio
        model.seq2seq.teacherForcingRatio = 1
        let (taped, n) = Variable.countingTapeNodes { model.trainingLoss(batch) }
        model.seq2seq.teacherForcingRatio = ratio
        #expect(n > 0)
        #expect(model.evaluate(batch, task: e.task, recordAttention: false).loss == taped.value.item)
    }

    /// The RTRL comparison needs BPTT's gradients: it still gets them from an
    /// evaluation (the tape is off only for the validation pass).
    @Test func gradientMeasurementsKeepTheirTape() throws {
        let e = try echo()
        e.measurements = ["rtrl_difference", "connectivity"]
        for _ in 0..<3 { _ = e.trainStep() }
        let evaluation = e.evaluate()
        let comparison = try #require(evaluation.gradientComparison)
        #expect(comparison.rows.allSatisfy { $0.bptt > 0 })
        #expect(comparison.difference < 1e-3)
        #expect(evaluation.probes[.connectivity] != nil)
    }
}
