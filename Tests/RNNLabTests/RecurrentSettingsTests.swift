import Foundation
import Testing
@testable import RNNLab
import RNNEngine

/// `bptt_window` and `dropout_masks`: settings that reach the recurrent layer live.
@Suite struct RecurrentSettingsTests {
    func echo(_ extra: [String: SettingValue] = [:]) throws -> Experiment {
        var s: [String: SettingValue] = ["T": .number(12), "k": .number(3), "hidden": .number(8), "batch": .number(8),
                                         "eval_every": .number(1000)]
        for (k, v) in extra { s[k] = v }
        return try Experiment(task: "echo", settings: s, dataDirectory: ExperimentTests.data)
    }

    /// The gradients of the loss of the first validation batch, by parameter name.
    func gradients(_ e: Experiment) throws -> [String: [Double]] {
        let model = try #require(e.model as? SequenceModel)
        let batch = try #require(e.validation.first)
        for p in model.parameters { p.grad = nil }
        model.loss(batch).loss.backward()
        defer { for p in model.parameters { p.grad = nil } }
        return Dictionary(uniqueKeysWithValues: model.namedParameters.map { ($0.name, ($0.parameter.grad ?? Tensor(zeros: $0.parameter.shape)).doubles) })
    }

    @Test func bpttWindowReachesTheLayerLiveAndTruncates() throws {
        let e = try echo()
        for _ in 0..<3 { _ = e.trainStep() }
        let model = try #require(e.model as? SequenceModel)
        #expect(model.recurrent.gradientWindow == nil)
        let full = try gradients(e)
        let weights = e.stateDict()

        #expect(try e.apply("bptt_window", .number(1)) == .live)
        #expect(model.recurrent.gradientWindow == 1 && e.step == 3 && e.stateDict() == weights)
        let one = try gradients(e)
        // Echo at lag 3 needs the gradient to reach 3 steps back: τ = 1 cuts W_hh's.
        let (a, b) = (full["rnn.weight_hh_l0"]!, one["rnn.weight_hh_l0"]!)
        let diff = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
        let norm = a.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(diff > 0.05 * norm)
        // The head sees only the outputs: its gradient does not depend on τ.
        #expect(full["head.weight"] == one["head.weight"])

        for tau in [12, 1000] {   // τ ≥ T is full BPTT, bit for bit
            try e.apply("bptt_window", .number(Double(tau)))
            #expect(model.recurrent.gradientWindow == tau)
            #expect(try gradients(e) == full)
        }
        try e.apply("bptt_window", .number(0))
        #expect(model.recurrent.gradientWindow == nil)
        #expect(try gradients(e) == full)
    }

    @Test func bpttWindowIsBuiltInAndRangeChecked() throws {
        let e = try echo(["bptt_window": .number(4)])
        #expect(try #require(e.model as? SequenceModel).recurrent.gradientWindow == 4)
        #expect(throws: Reason(english: "bptt_window=1001 is out of range 0…1000")) { try e.apply("bptt_window", .number(1001)) }
        #expect(throws: Reason(english: "bptt_window=-1 is out of range 0…1000")) { try e.apply("bptt_window", .number(-1)) }
        #expect(e.settings["bptt_window"] == .number(4))
        // Seq2seq: the encoder's layer gets it.
        let s = try Seq2SeqSettingsTests.reverse(["bptt_window": .number(2)])
        #expect(try Seq2SeqSettingsTests.translation(s).recurrent.gradientWindow == 2)
    }

    @Test func dropoutMasksReachTheLayerLive() throws {
        let dropout: [String: SettingValue] = ["recurrent_dropout": .number(0.5), "input_dropout": .number(0.3)]
        let e = try echo(dropout)
        let model = try #require(e.model as? SequenceModel)
        #expect(e.settings["dropout_masks"] == .choice("per_sequence"))
        #expect(model.recurrent.dropoutMasks == .perSequence)
        #expect(try e.apply("dropout_masks", .choice("per_step")) == .live)
        #expect(model.recurrent.dropoutMasks == .perStep)
        #expect(throws: Reason.self) { try e.apply("dropout_masks", .choice("per_batch")) }

        // Built with it, the same seed trains differently: the masks are drawn per step.
        var perStep = dropout
        perStep["dropout_masks"] = .choice("per_step")
        let (a, b) = (try echo(dropout), try echo(perStep))
        #expect(try #require(b.model as? SequenceModel).recurrent.dropoutMasks == .perStep)
        #expect(a.trainStep().loss != b.trainStep().loss)
    }
}
