import Foundation
import LabText

extension RunRecord {
    /// The record as JSON: settings as their text, the loss both as a number and
    /// as its exact bits (hex), the fingerprint as hex.
    public func json() -> Data {
        var object: [String: Any] = [
            "format": RunRecord.format, "lesson": lesson, "task": task, "steps": steps, "threads": threads,
            "settings": settings.mapValues(\.description),
            "changes": changes.map { c -> [String: Any] in
                switch c.event {
                case let .set(name, value): return ["after_step": c.afterStep, "set": name, "value": value.description]
                case .rollBack: return ["after_step": c.afterStep, "roll_back": true]
                case .rollBackLowerRate: return ["after_step": c.afterStep, "roll_back": true, "lower_rate": true]
                }
            },
        ]
        if let e = ending {
            object["ending"] = ["step": e.step, "loss": e.loss.isFinite ? e.loss as Any : NSNull(),
                                "loss_bits": String(e.loss.bitPattern, radix: 16), "parameters": String(e.parameters, radix: 16)]
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
    }

    /// Reads a record; a malformed one is refused with the field and what it should hold.
    public init(json data: Data, file: String) throws {
        func bad(_ field: String, _ want: String) -> Reason {
            Reason(.export(.badRunFile), ["file": .text(file), "field": .text(field), "expected": .text(want)])
        }
        guard case .object(let o)? = JSONValue.parse(data) else { throw bad("(the whole file)", "a JSON object") }
        guard case .string(RunRecord.format)? = o["format"] else { throw bad("format", "\"\(RunRecord.format)\"") }
        guard case .string(let lesson)? = o["lesson"] else { throw bad("lesson", "a lesson id") }
        guard case .string(let task)? = o["task"] else { throw bad("task", "a task name") }
        func whole(_ v: JSONValue?, _ field: String) throws -> Int {
            guard case .number(let n)? = v, n >= 0, n == n.rounded(), n <= 1e9 else { throw bad(field, "a whole number ≥ 0") }
            return Int(n)
        }
        func setting(_ text: String) -> SettingValue { Double(text).map(SettingValue.number) ?? .choice(text) }
        guard case .object(let s)? = o["settings"] else { throw bad("settings", "an object of setting texts") }
        var settings: [String: SettingValue] = [:]
        for (name, value) in s {
            guard case .string(let text) = value else { throw bad("settings.\(name)", "a text such as \"0.01\" or \"lstm\"") }
            settings[name] = setting(text)
        }
        guard case .array(let list)? = o["changes"] else { throw bad("changes", "a list") }
        var changes: [Change] = []
        for (i, item) in list.enumerated() {
            guard case .object(let c) = item else { throw bad("changes[\(i)]", "an object") }
            let after = try whole(c["after_step"], "changes[\(i)].after_step")
            if case .string(let name)? = c["set"] {
                guard case .string(let value)? = c["value"] else { throw bad("changes[\(i)].value", "a setting's text") }
                changes.append(Change(afterStep: after, event: .set(name: name, value: setting(value))))
            } else if case .bool(true)? = c["roll_back"] {
                let lower = c["lower_rate"] == .bool(true)
                changes.append(Change(afterStep: after, event: lower ? .rollBackLowerRate : .rollBack))
            } else {
                throw bad("changes[\(i)]", "\"set\" with \"value\", or \"roll_back\": true")
            }
        }
        let steps = try whole(o["steps"], "steps")
        let threads = try whole(o["threads"], "threads")
        var ending: Ending?
        if case .object(let e)? = o["ending"] {
            guard case .string(let bits)? = e["loss_bits"], let lossBits = UInt64(bits, radix: 16) else {
                throw bad("ending.loss_bits", "the loss's bits in hex")
            }
            guard case .string(let hash)? = e["parameters"], let parameters = UInt64(hash, radix: 16) else {
                throw bad("ending.parameters", "a hex fingerprint")
            }
            ending = Ending(step: try whole(e["step"], "ending.step"), loss: Double(bitPattern: lossBits), parameters: parameters)
        }
        self.init(lesson: lesson, task: task, settings: settings, changes: changes, steps: steps, threads: threads, ending: ending)
    }
}
