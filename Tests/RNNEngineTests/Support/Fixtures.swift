import Foundation

/// The URL of a committed fixture file, e.g. `fixture("engine/engine.json")`.
func fixture(_ relativePath: String) -> URL {
    Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(relativePath)
}

/// Decodes a committed JSON fixture.
func loadFixture<T: Decodable>(_ type: T.Type, _ relativePath: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(contentsOf: fixture(relativePath)))
}
