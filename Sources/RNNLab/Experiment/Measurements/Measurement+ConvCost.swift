import LabText
import RNNEngine

extension Measurement {
    /// `recurrent_steps`: the steps the recurrent layer walks for one validation window
    /// (T, or T' after a convolutional front end); `forward_macs`: multiply-adds of one
    /// example's forward pass (front end, recurrent layer, read-out), counted by
    /// formula (`SequenceModel.forwardMultiplyAdds`), not timed, so a speed claim does
    /// not depend on how busy the machine is.
    static let convCost: Measurement = Measurement(
        yields: [MetricKind(MetricID("recurrent_steps"), label: .recurrentSteps, lowerIsBetter: true, range: MetricKind.nonNegative),
                 MetricKind(MetricID("forward_macs"), label: .forwardMultiplyAdds, lowerIsBetter: true, range: MetricKind.nonNegative)],
        unavailable: { _, task, _ in task == .seq2seq ? Phrase(.check(.needsDirectInputs)) : nil },
        compute: { e in
            guard let model = e.model as? SequenceModel, let steps = e.validation.first?.steps else { return ([], nil) }
            let k = convCost.yields
            return ([Metric(k[0], Double(model.recurrentSteps(window: steps))),
                     Metric(k[1], model.forwardMultiplyAdds(window: steps))], nil)
        })
}
