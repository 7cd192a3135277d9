/// Whether ops record the tape, and who counts the nodes they record; scoped to
/// the current task (or thread), so two tests or a trainer and the UI never see
/// each other's setting.
struct TapeScope: Sendable {
    var recording = true
    var counter: TapeNodeCounter? = nil

    @TaskLocal static var current = TapeScope()
}

/// Counts tape nodes recorded inside `Variable.countingTapeNodes`.
final class TapeNodeCounter: @unchecked Sendable {
    var count = 0
}

/// Runs `body` without recording the tape (PyTorch's `torch.no_grad()`): every op
/// inside returns a plain value with no parents and no backward step, and the
/// recurrent layers keep none of the activations BPTT would need, so evaluation
/// and decoding cost the forward pass and nothing more. Results are bit for bit
/// those of the taped forward pass. Calling `backward()` on a result made here is
/// refused. Nests; applies to the current task or thread only.
public func withNoGrad<R>(_ body: () throws -> R) rethrows -> R {
    var scope = TapeScope.current
    scope.recording = false
    return try TapeScope.$current.withValue(scope, operation: body)
}

extension Variable {
    /// False inside `withNoGrad`: ops record nothing.
    public static var isRecordingTape: Bool { TapeScope.current.recording }

    /// Runs `body` and counts the tape nodes its ops record (nodes that keep a
    /// backward step): a debugging hook, and how tests see that `withNoGrad` records none.
    public static func countingTapeNodes<R>(_ body: () throws -> R) rethrows -> (result: R, nodes: Int) {
        let counter = TapeNodeCounter()
        var scope = TapeScope.current
        scope.counter = counter
        let result = try TapeScope.$current.withValue(scope, operation: body)
        return (result, counter.count)
    }
}
