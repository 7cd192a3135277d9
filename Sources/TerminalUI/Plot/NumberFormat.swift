import LabText

/// Axis and legend labels use the lab's one number formatter, which lives in
/// `LabText` so every screen and the command line format numbers alike.
public typealias NumberFormat = LabText.NumberFormat
