/// A long text cut for stateful training: B streams read side by side, each in
/// order, T steps at a time.
///
/// The text (n tokens) is split into B contiguous streams of L = ⌊(n − 1) / B⌋
/// tokens each (the tail that does not fill a stream is dropped); stream b
/// reads tokens b·L ..< (b+1)·L and predicts the token after each. Window w holds
/// steps w·T ..< min((w+1)·T, L) of every stream, so row b of window w+1
/// continues row b of window w: the state carried from one to the next belongs
/// to the same stream. The last window may be shorter than T.
public struct TextWindows: Sendable {
    public struct Window: Sendable, Equatable {
        /// Input ids (B·steps, batch-major) and the ids to predict (the next token of each).
        public var inputs: [Int]
        public var targets: [Int]
        public var steps: Int
        /// True for the last window of the text: the carried state resets after it.
        public var isLast: Bool
    }

    public let tokens: [Int]
    public let batch: Int
    public let steps: Int
    /// L: the tokens read by each stream.
    public let streamLength: Int

    public init(tokens: [Int], batch: Int, steps: Int) {
        precondition(batch > 0 && steps > 0, "windows need batch and steps above 0, got \(batch), \(steps)")
        precondition(tokens.count - 1 >= batch, "a text of \(tokens.count) tokens cannot fill \(batch) streams")
        self.tokens = tokens
        self.batch = batch
        self.steps = steps
        streamLength = (tokens.count - 1) / batch
    }

    public var count: Int { (streamLength + steps - 1) / steps }

    public subscript(w: Int) -> Window {
        precondition(w >= 0 && w < count, "window \(w) out of range 0..<\(count)")
        let start = w * steps
        let n = min(steps, streamLength - start)
        var inputs: [Int] = [], targets: [Int] = []
        for b in 0..<batch {
            let base = b * streamLength + start
            inputs += tokens[base..<(base + n)]
            targets += tokens[(base + 1)..<(base + n + 1)]
        }
        return Window(inputs: inputs, targets: targets, steps: n, isLast: w == count - 1)
    }
}
