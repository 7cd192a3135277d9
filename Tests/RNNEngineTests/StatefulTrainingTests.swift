import Testing
import RNNEngine

/// Stateful training: the text is read in order in windows of T, each window
/// starting from the previous one's final state with no gradient path back.
@Suite struct StatefulTrainingTests {
    @Test func windowsReadEachStreamInOrder() {
        let w = TextWindows(tokens: Array(0..<21), batch: 2, steps: 4)
        #expect(w.streamLength == 10 && w.count == 3)
        #expect(w[0].inputs == [0, 1, 2, 3, 10, 11, 12, 13])
        #expect(w[0].targets == [1, 2, 3, 4, 11, 12, 13, 14])
        #expect(w[0].steps == 4 && !w[0].isLast)
        #expect(w[1].inputs == [4, 5, 6, 7, 14, 15, 16, 17])
        #expect(w[2].inputs == [8, 9, 18, 19])
        #expect(w[2].targets == [9, 10, 19, 20])
        #expect(w[2].steps == 2 && w[2].isLast)
    }

    static func model() -> CharLanguageModel {
        var rng = SplitMix64(seed: 8)
        return CharLanguageModel(vocabularySize: 6, embeddingSize: 3, hiddenSize: 4, kind: .lstm, rng: &rng, dtype: .float64)
    }

    static func text() -> [Int] {
        var rng = SplitMix64(seed: 77)
        return (0..<25).map { _ in Int(rng.next() % 6) }
    }

    static func grads(_ m: CharLanguageModel) -> [Double] {
        m.parameters.flatMap { $0.grad?.doubles ?? Array(repeating: 0, count: $0.value.count) }
    }

    /// Window 2's gradient is that of window 2 alone started from window 1's
    /// final state as a constant; full BPTT through both windows gives another.
    @Test func theCarriedStateIsDetached() throws {
        let m = Self.model()
        let windows = TextWindows(tokens: Self.text(), batch: 2, steps: 4)
        var reader = StatefulReader(windows)
        _ = reader.next(m)  // window 0; its state is now carried
        let carried = try #require(reader.state)
        m.zeroGrad()
        let (loss, window) = reader.next(m)
        loss.backward()
        let stateful = Self.grads(m)
        m.zeroGrad()

        // By hand: window 0 from zeros, its final state copied out as plain values.
        let first = windows[0]
        let (_, final0) = m(first.inputs, batch: 2, steps: 4)
        #expect(final0.finalHidden.value == carried.hidden)
        #expect(final0.finalCell?.value == carried.cell)
        let h0 = Variable(final0.finalHidden.value), c0 = Variable(final0.finalCell!.value)
        let x = m.embedding(window.inputs, shape: [2, 4])
        let out = m.recurrent(x, initialHidden: h0, initialCell: c0)
        let manual = crossEntropy(m.head(out.output), targets: window.targets)
        manual.backward()
        #expect(manual.value.item == loss.value.item)
        #expect(maxRelativeDifference(stateful, Self.grads(m)) <= 1e-14)
        m.zeroGrad()

        // Full BPTT through both windows, the loss counted on window 2's steps only:
        // the same loss value (the state flows forward alike) but a different
        // gradient, since it also flows back into window 1's steps.
        /// Row b of window 0 followed by row b of window 1, for both rows.
        func joined(_ a: [Int], _ b: [Int]) -> [Int] {
            var out: [Int] = []
            for row in 0..<2 {
                out += a[(row * 4)..<(row * 4 + 4)]
                out += b[(row * 4)..<(row * 4 + 4)]
            }
            return out
        }
        let both = joined(first.inputs, window.inputs)
        let targets = joined(first.targets, window.targets)
        let mask = (0..<2).flatMap { _ in Array(repeating: false, count: 4) + Array(repeating: true, count: 4) }
        let (logits, _) = m(both, batch: 2, steps: 8)
        let full = crossEntropy(logits, targets: targets, mask: mask)
        full.backward()
        #expect(abs(full.value.item - loss.value.item) <= 1e-12)
        #expect(maxRelativeDifference(stateful, Self.grads(m)) > 1e-6)
    }

    /// After the last window the state resets: the next pass reads window 0 from
    /// zeros again and gets the first pass's loss.
    @Test func theStateResetsAtTheTextsEnd() throws {
        let m = Self.model()
        let windows = TextWindows(tokens: Self.text(), batch: 2, steps: 5)
        var reader = StatefulReader(windows)
        var losses: [Double] = []
        for _ in 0..<windows.count { losses.append(reader.next(m).loss.value.item) }
        #expect(reader.position == 0 && reader.state == nil)
        let again = reader.next(m)
        #expect(again.window == windows[0])
        #expect(again.loss.value.item == losses[0])
        // Mid-text, the carried state matters: window 1 from zeros gives another loss.
        let fromZeros = crossEntropy(m(windows[1].inputs, batch: 2, steps: windows[1].steps).logits,
                                     targets: windows[1].targets)
        #expect(abs(fromZeros.value.item - losses[1]) > 1e-9)
    }
}
