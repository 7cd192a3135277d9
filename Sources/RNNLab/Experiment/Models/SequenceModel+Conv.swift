import LabText
import RNNEngine

extension SequenceModel {
    /// The convolutional front end `conv_filters`, `conv_kernel` and `pool` ask for,
    /// or nil when `conv_filters` is 0. Only a regression task's full-length windows
    /// (the forecasts) may go through it; the window is the task's `T`.
    static func convFrontEnd(task: any SequenceTask, configuration c: ExperimentConfiguration,
                             rng: inout SplitMix64) throws -> ConvFrontEnd? {
        guard c.convFilters > 0 else { return nil }
        guard task.kind == .regression, let t = c.taskKnobs["T"] else {
            throw Reason(.run(.convNeedsSeries), ["task": .text(task.name)])
        }
        return try ConvFrontEnd(inputSize: task.inputSize, filters: c.convFilters, kernel: c.convKernel, pool: c.pool,
                                steps: Int(t), rng: &rng)
    }

    /// The steps the recurrent layer walks for a window of `steps` inputs.
    func recurrentSteps(window steps: Int) -> Int {
        guard let front else { return steps }
        return ConvFrontEnd.outputSteps(steps, kernel: front.first.kernelSize, pool: front.pool)
    }

    /// Multiply-adds of one example's forward pass at window T: the front end's,
    /// the recurrent layer's (its input projection and recurrent multiply, every gate,
    /// every step, every layer and direction) and the read-out's.
    func forwardMultiplyAdds(window steps: Int) -> Double {
        let t = Double(recurrentSteps(window: steps))
        let o = recurrent.options
        let (h, g) = (Double(recurrent.hiddenSize), Double(recurrent.kind.gateCount))
        var input = Double(recurrent.inputSize)
        var total = front?.multiplyAdds(steps: steps) ?? 0
        for _ in 0..<o.layers {
            total += Double(o.directions) * t * g * h * (input + h)
            input = Double(o.directions) * h
        }
        return total + Double(head.weight.shape[0] * head.weight.shape[1])
    }
}
