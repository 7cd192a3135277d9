/// What each setting of the experiment's schema does, keyed by the setting's
/// own name (`learning_rate`): the knob panel shows it when a lesson gives no
/// summary of its own. None takes a placeholder.
public enum SettingSummaryKey: String, CaseIterable, Sendable {
    case cell, hidden, layers, bidirectional
    case goBackwards = "go_backwards"
    case spectralRadius = "spectral_radius"
    case recurrentInit = "recurrent_init"
    case forgetBias = "forget_bias"
    case seed, optimizer
    case learningRate = "learning_rate"
    case momentum
    case weightDecay = "weight_decay"
    case clipNorm = "clip_norm"
    case clipValue = "clip_value"
    case temperature
    case dropout
    case inputDropout = "input_dropout"
    case recurrentDropout = "recurrent_dropout"
    case batch, attention, score, embedding
    case teacherForcing = "teacher_forcing"
    case bridge
    case beamWidth = "beam_width"
    case evalEvery = "eval_every"
    case bpttWindow = "bptt_window"
    case dropoutMasks = "dropout_masks"
    case tokenEmbedding = "token_embedding"
    case rtrlDropIndirect = "rtrl_drop_indirect"
    case forgetGateClamp = "forget_gate_clamp"
    case architecture, readout, mask
    case convFilters = "conv_filters"
    case convKernel = "conv_kernel"
    case pool
    /// An imported data set in place of the lesson's (`rnnlab data import`).
    case data
}
