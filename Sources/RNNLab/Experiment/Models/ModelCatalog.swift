import LabText
import RNNEngine

/// Every kind of model a lesson can train, in the order they are tried: the
/// first that fits the task is built. A new model kind is one file conforming
/// to ``LabModel`` and one line here.
enum ModelCatalog {
    /// Computed, not stored: a stored array of metatypes is global mutable state to Swift 6.
    static var kinds: [any LabModel.Type] {[
        TreeLabModel.self,
        RCNNModel.self,
        SequenceModel.self,
        TranslationModel.self,
    ]}

    /// The model for `task`, built from `configuration`.
    static func model(for task: any SequenceTask, configuration: ExperimentConfiguration,
                      rng: inout SplitMix64) throws -> any LabModel {
        guard let kind = kinds.first(where: { $0.fits(task, configuration: configuration) }) else {
            throw Reason(.run(.noModel), ["task": .text(task.name), "kind": .text("\(task.kind)")])
        }
        return try kind.init(task: task, configuration: configuration, rng: &rng)
    }
}
