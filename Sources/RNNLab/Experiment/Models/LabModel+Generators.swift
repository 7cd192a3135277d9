import RNNEngine

// Each model kind's generators, for a checkpoint that resumes (`rnnlab run --resume`).

extension SequenceModel {
    var generatorStates: [String: UInt64] { ["rnn": recurrent.rng.state] }
    func restoreGenerators(_ states: [String: UInt64]) {
        if let s = states["rnn"] { recurrent.rng = SplitMix64(seed: s) }
    }
}

extension RCNNModel {
    var generatorStates: [String: UInt64] { ["rnn": recurrent.rng.state] }
    func restoreGenerators(_ states: [String: UInt64]) {
        if let s = states["rnn"] { recurrent.rng = SplitMix64(seed: s) }
    }
}

extension TranslationModel {
    var generatorStates: [String: UInt64] { ["encoder.rnn": recurrent.rng.state, "seq2seq": seq2seq.rng.state] }
    func restoreGenerators(_ states: [String: UInt64]) {
        if let s = states["encoder.rnn"] { recurrent.rng = SplitMix64(seed: s) }
        if let s = states["seq2seq"] { seq2seq.rng = SplitMix64(seed: s) }
    }
}

extension TreeLabModel {
    /// The tree net draws nothing while it trains.
    var generatorStates: [String: UInt64] { [:] }
    func restoreGenerators(_ states: [String: UInt64]) {}
}
