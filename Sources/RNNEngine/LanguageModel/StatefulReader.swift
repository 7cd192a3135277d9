/// Stateful training (Keras' `stateful=True`, char-rnn's carried state): each
/// window starts from the final state of the window before, *detached* — the
/// state's values flow forward, no gradient flows back into the earlier window.
/// So every step sees its whole past, but BPTT is truncated at window edges.
/// After the last window of the text the state resets to zeros.
public struct StatefulReader {
    public let windows: TextWindows
    /// The next window to read.
    public private(set) var position = 0
    /// The state the next window starts from (nil: zeros).
    public private(set) var state: CarriedState?

    public init(_ windows: TextWindows) { self.windows = windows }

    /// Reads the next window: its mean cross entropy on the tape (call
    /// `backward()` on it), and the window itself. Carries the final state,
    /// detached, to the next call; at the text's end, starts over from zeros.
    public mutating func next(_ model: CharLanguageModel) -> (loss: Variable, window: TextWindows.Window) {
        let window = windows[position]
        let (logits, final) = model(window.inputs, batch: windows.batch, steps: window.steps, state: state)
        let loss = crossEntropy(logits, targets: window.targets)
        if window.isLast {
            reset()
        } else {
            state = CarriedState(detaching: final)
            position += 1
        }
        return (loss, window)
    }

    /// Back to the text's start, from zeros.
    public mutating func reset() {
        position = 0
        state = nil
    }
}
