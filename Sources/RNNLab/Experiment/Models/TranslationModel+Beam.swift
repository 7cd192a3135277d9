import RNNEngine

extension TranslationModel {
    /// Beam search of width `beamWidth` for every row of the batch: the best
    /// hypothesis of each, without `<eos>`, at most `maxLength` tokens.
    /// (The greedy decoding still runs first in `evaluate`, for the attention map.)
    /// Runs without a tape (`withNoGrad`).
    func beamDecode(_ batch: SequenceBatch, maxLength: Int) -> [[Int]] {
        withNoGrad { seq2seq.beamSearch(sourceTokens: batch.inputTokens!, sourceShape: (batch.batchSize, batch.steps),
                           sourceMask: batch.mask, width: beamWidth, maxLength: maxLength,
                           bos: Vocabulary.begin, eos: Vocabulary.end) }
    }
}
