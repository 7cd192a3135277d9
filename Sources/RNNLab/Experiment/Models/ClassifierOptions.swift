/// Which model a classification experiment builds (the `architecture` setting).
public enum ClassifierArchitecture: String, Sendable, CaseIterable {
    /// One recurrent layer read at its last state or max over time (Liu, Qiu & Huang's single-task Text-RNN).
    case rnn
    /// The recurrent convolutional network of Lai et al. (2015), ``RCNNModel``.
    case rcnn
}

/// What a sequence classifier's head reads (the `readout` setting).
public enum ClassifierReadout: String, Sendable, CaseIterable {
    /// The state after the last real step (B, D·H).
    case last
    /// Each unit's maximum over the real steps (B, D·H).
    case max
}
