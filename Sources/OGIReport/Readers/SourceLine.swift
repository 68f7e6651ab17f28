/// One line of a decoded submission: its 1-based number and its text without the line
/// terminator (and without a BOM on line 1).
public struct SourceLine: Sendable, Hashable {
    public let number: Int
    public let text: String

    public init(number: Int, text: String) {
        self.number = number; self.text = text
    }
}
