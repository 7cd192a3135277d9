/// Text from a trained language model, one token at a time.
///
/// The prime is fed through in one pass (its state carried), then each drawn
/// token is fed back with the state of the step before: h_t depends on every
/// token so far, exactly as in training. All draws come from one `SplitMix64`
/// seeded with `seed`, so one seed gives one text.
extension CharLanguageModel {
    /// - Parameters:
    ///   - prime: the tokens to start from (at least one, each in 0..<V).
    ///   - length: how many tokens to generate after the prime.
    /// - Returns: the `length` generated tokens (the prime not included).
    public func sample(prime: [Int], length: Int, temperature: Temperature, seed: UInt64) throws(SamplingError) -> [Int] {
        precondition(length >= 0, "cannot sample \(length) tokens")
        guard !prime.isEmpty else { throw .emptyPrime }
        if let bad = prime.first(where: { $0 < 0 || $0 >= vocabularySize }) {
            throw .primeTokenOutOfRange(token: bad, vocabularySize: vocabularySize)
        }
        if case .scaled(let t) = temperature, !(t.isFinite && t > 0) { throw .temperatureOutOfRange(t) }
        let wasTraining = recurrent.training
        recurrent.training = false  // no dropout while generating
        defer { recurrent.training = wasTraining }

        var rng = SplitMix64(seed: seed)
        var (logits, final) = self(prime, batch: 1, steps: prime.count)
        var state = CarriedState(detaching: final)
        var text: [Int] = []
        text.reserveCapacity(length)
        for _ in 0..<length {
            let last = logits.value.doubles.suffix(vocabularySize)  // the last step's (V) logits
            let token = drawToken(Array(last), temperature, rng: &rng)
            text.append(token)
            guard text.count < length else { break }
            (logits, final) = self([token], batch: 1, steps: 1, state: state)
            state = CarriedState(detaching: final)
        }
        return text
    }
}
