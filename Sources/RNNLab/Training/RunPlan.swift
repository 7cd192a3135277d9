/// Everything a trainer needs to start a lesson's run, as one value: the run
/// loop starts it without reading any other state.
public struct RunPlan: Sendable, Equatable {
    /// The task or data set, by its `TaskCatalog` name.
    public var task: String
    public var settings: [String: SettingValue]
    /// What to measure at each evaluation besides the task's metrics (``Experiment/measurements``).
    public var measurements: Set<String>
    /// Steps to evaluate at besides every `eval_every` (``Experiment/evaluationSteps``).
    public var evaluationSteps: Set<Int>

    /// The lesson's id and its own settings, for a saved run's file and command (`W`).
    public var lesson = ""
    public var lessonSettings: [String: SettingValue] = [:]

    public init(task: String, settings: [String: SettingValue], measurements: Set<String> = [], evaluationSteps: Set<Int> = []) {
        self.task = task
        self.settings = settings
        self.measurements = measurements
        self.evaluationSteps = evaluationSteps
    }
}

extension Lesson {
    /// The plan of this lesson's live run with `settings`: it measures what the
    /// checks and panels name and evaluates at every step a one-run check ends on.
    public func runPlan(settings: [String: SettingValue]) -> RunPlan {
        var plan = RunPlan(task: task, settings: settings, measurements: measurementNames, evaluationSteps: checkEvaluationSteps)
        (plan.lesson, plan.lessonSettings) = (id, self.settings)
        return plan
    }
}
