import RNNEngine

/// A model whose mode, probes and recurrent size are those of one recurrent
/// layer (the classifier's, the seq2seq encoder's): the parts of ``LabModel``
/// such models share, written once.
protocol RecurrentLabModel: LabModel {
    /// The recurrent layer whose probes the dashboard shows.
    var recurrent: RecurrentLayer { get }
}

extension RecurrentLabModel {
    var isTraining: Bool {
        get { recurrent.training }
        set { recurrent.training = newValue }
    }

    var recordsProbes: Bool {
        get { recurrent.probeSample != nil }
        set { recurrent.probeSample = newValue ? 0 : nil }
    }

    var recurrentParameterCount: Int { recurrent.parameterCount }

    func probes() -> [ProbeID: Probe] { recurrent.probeValues(parameters: namedParameters) }
}
