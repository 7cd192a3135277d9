import LabText
import RNNEngine

/// Forecasting a real series from a window of its past: T values in, the value
/// h steps after the window out.
///
/// The series is cut in time order into 70 % train, 15 % validation, 15 %
/// test, and a window (inputs and target) lies wholly inside one part, so no
/// two splits share a value. Values are standardised with the mean and
/// standard deviation of the training part; errors are reported in the
/// series' own units. For CO2, missing weeks are interpolated for inputs but
/// a window whose target was missing is left out, so every score is against a
/// real observation.
///
/// Inputs (B, T, 1); outputs (B, 1).
enum ForecastTasks {
    struct Format: Sendable {
        var name: String
        var file: String
        var summary: Phrase
        var defaultWindow: Int
        /// The seasonal period in steps (sunspot cycle ≈ 11 years = 132 months; 52 weeks);
        /// nil for a series whose season the lab does not know (an imported one).
        var season: Int?
        var load: @Sendable (String) throws -> TimeSeries
    }

    static let sunspots = Format(name: "sunspots", file: "sunspot.month.csv",
                                 summary: Phrase(.task(.sunspots)),
                                 defaultWindow: 48, season: 132, load: TimeSeries.loadSunspots)
    static let co2 = Format(name: "co2", file: "co2_weekly.csv",
                            summary: Phrase(.task(.co2)),
                            defaultWindow: 52, season: 52, load: TimeSeries.loadCO2)

    static func knobs(_ format: Format) -> [Knob] {
        [Knob("T", .windowLength, range: 1...400, default: Double(format.defaultWindow)),
         Knob("horizon", .horizon, range: 1...52, default: 1)]
    }

    static func make(_ format: Format, _ k: KnobValues, directory: DataDirectory) throws -> ExampleTask {
        let path = directory.file(format.file)
        let series = try format.load(path)
        let t = k.int("T"), h = k.int("horizon")
        let ranges = Splitting.cut(Array(0..<series.count), validation: 0.15, test: 0.15)
        // A window of T inputs and the target h steps later must fit inside every split.
        for (split, indices) in ranges.all where indices.count < t + h {
            throw DataError(path: path, .windowDoesNotFit, ["window": .integer(t), "horizon": .integer(h), "values": .integer(t + h),
                                                     "split": .text(split.rawValue), "held": .integer(indices.count), "total": .integer(series.count)])
        }
        let standardizer = Standardizer(fitting: ranges.train.filter { series.observed[$0] }.map { Float(series.values[$0]) },
                                        features: 1)
        let scaled = series.values.map { Float(standardizer.apply($0)) }
        let examples = ranges.map { indices -> [SequenceExample] in
            guard let first = indices.first, let last = indices.last else { return [] }
            var windows: [SequenceExample] = []
            var start = first
            while start + t - 1 + h <= last {
                let origin = start + t - 1
                if series.observed[origin + h] {
                    windows.append(SequenceExample(steps: t, features: Array(scaled[start...origin]),
                                                   values: [scaled[origin + h]], origin: origin))
                }
                start += 1
            }
            return windows
        }
        if let empty = examples.firstEmpty {
            throw DataError(path: path, .windowsAllMissing, ["window": .integer(t), "horizon": .integer(h), "split": .text(empty.rawValue)])
        }
        let info = TaskInfo(name: format.name, summary: format.summary, kind: .regression, inputSize: 1, outputSize: 1,
                            preview: .series, targetScale: standardizer.std[0], targetShift: standardizer.mean[0])
        let season = format.season
        return ExampleTask(info: info, examples: examples) { task, split in
            var baselines = [task.baseline(Phrase(.baseline(.lastValue)), on: split) { $0.map { [scaled[$0.origin]] } }]
            if let season {
                // The value one season before the target; it is in the past at the forecast origin.
                baselines.append(task.baseline(Phrase(.baseline(.seasonalNaive), ["season": .integer(season)]), on: split) {
                    $0.map { [scaled[max($0.origin + h - season, 0)]] }
                })
            }
            baselines.append(task.baseline(Phrase(.baseline(.trainingMean)), on: split) { $0.map { _ in [0] } })
            return baselines
        }
    }
}
