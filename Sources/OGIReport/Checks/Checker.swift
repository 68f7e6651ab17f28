/// Runs the consistency rules (勾稽关系 R1–R5) and advisories over a report.
///
/// STUB: the checks helper replaces the body; the signature is the contract.
public enum Checker {
    /// Every rule result for the report, in a stable order.
    public static func run(_ report: Report) -> [CheckResult] {
        []
    }
}
