import RNNLab

/// What the dashboard shows of the probes: the trainer's own values, the latest
/// of each probe id (``RunData/probes``). Its fields (`hidden`, `gates`,
/// `attention`, `gradientNorms`, …) read the well-known probes.
public typealias ProbeView = ProbeSet
