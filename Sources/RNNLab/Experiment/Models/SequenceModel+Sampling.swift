import RNNEngine

extension SequenceModel {
    /// Text from a per-step classifier that predicts its own next input (a char LM):
    /// `prime` is read in one pass, then each drawn token is fed back with the state
    /// carried (hidden and, for the LSTM, cell), as in `CharLanguageModel.sample`.
    /// Every draw comes from one `SplitMix64(seed:)`; no dropout, no tape.
    /// - Returns: `length` token ids (the prime not included), each in 0..<V.
    func sample(prime: [Int], length: Int, temperature: Temperature, seed: UInt64, vocabularySize v: Int) -> [Int] {
        precondition(!prime.isEmpty, "sampling needs a prime")
        return withNoGrad {
            let wasTraining = recurrent.training
            recurrent.training = false
            defer { recurrent.training = wasTraining }
            func inputs(_ ids: [Int]) -> Variable { tokenInputs(ids, vocabularySize: v) }
            var rng = SplitMix64(seed: seed)
            var out = recurrent(inputs(prime))
            var text: [Int] = []
            for _ in 0..<length {
                let logits = head(out.output).value.doubles.suffix(v)   // the last step's (V)
                let token = drawToken(Array(logits), temperature, rng: &rng)
                text.append(token)
                out = recurrent(inputs([token]), initialHidden: Variable(out.finalHidden.value),
                                initialCell: out.finalCell.map { Variable($0.value) })
            }
            return text
        }
    }

    /// Token ids → (1, n, E) embedded or (1, n, V) one-hot.
    private func tokenInputs(_ ids: [Int], vocabularySize v: Int) -> Variable {
        if let embedding { return embedding(ids, shape: [1, ids.count]) }
        var x = Tensor(zeros: [1, ids.count, v])
        for (t, id) in ids.enumerated() { x[0, t, id] = 1 }
        return Variable(x)
    }

    /// Hidden states (1, n, D·H) of the last layer over one run of token ids read from a
    /// zero state, in evaluation mode, without a tape.
    func hiddenStates(tokens ids: [Int], vocabularySize v: Int) -> Tensor {
        withNoGrad {
            let wasTraining = recurrent.training
            recurrent.training = false
            defer { recurrent.training = wasTraining }
            return recurrent(tokenInputs(ids, vocabularySize: v)).output.value
        }
    }

    /// Hidden states (B, T, D·H) of the last layer for inputs (B, T, I) read in full
    /// (no mask), in evaluation mode, without a tape.
    func hiddenStates(inputs x: Tensor) -> Tensor {
        withNoGrad {
            let wasTraining = recurrent.training
            recurrent.training = false
            defer { recurrent.training = wasTraining }
            return recurrent(Variable(x)).output.value
        }
    }

    /// Hidden states (B, T, H) of the last layer for a batch, in evaluation mode, without a tape.
    func hiddenStates(_ batch: SequenceBatch) -> Tensor {
        withNoGrad {
            let wasTraining = recurrent.training
            recurrent.training = false
            defer { recurrent.training = wasTraining }
            return recurrent(recurrentInputs(batch), mask: batch.mask).output.value
        }
    }
}
