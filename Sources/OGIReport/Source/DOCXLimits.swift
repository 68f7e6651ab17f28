/// The limits the DOCX front end enforces on a package before and while it reads it, so that a
/// hostile file (a zip bomb, a package of a million entries) is refused in milliseconds with one
/// clear line instead of exhausting memory or time.
public struct DOCXLimits: Sendable, Hashable {
    /// Largest package (the .docx file itself) read, in bytes.
    public var maxPackageBytes: Int
    /// Most entries the package may have.
    public var maxEntries: Int
    /// Largest total of the uncompressed sizes of all entries, as declared and as read.
    public var maxTotalUncompressedBytes: Int64
    /// Largest uncompressed size of one part ogi reads (document.xml, styles.xml …).
    public var maxPartBytes: Int64
    /// Largest ratio of uncompressed to compressed size for an entry over ``ratioFloorBytes``.
    public var maxCompressionRatio: Int64
    /// Entries smaller than this (uncompressed) are not held to ``maxCompressionRatio``.
    public var ratioFloorBytes: Int64

    public init(maxPackageBytes: Int = 64 << 20, maxEntries: Int = 10_000, maxTotalUncompressedBytes: Int64 = 64 << 20,
                maxPartBytes: Int64 = 48 << 20, maxCompressionRatio: Int64 = 200, ratioFloorBytes: Int64 = 1 << 20) {
        self.maxPackageBytes = maxPackageBytes; self.maxEntries = maxEntries
        self.maxTotalUncompressedBytes = maxTotalUncompressedBytes; self.maxPartBytes = maxPartBytes
        self.maxCompressionRatio = maxCompressionRatio; self.ratioFloorBytes = ratioFloorBytes
    }

    /// The defaults: 64 MB package, 10 000 entries, 64 MB uncompressed in all, 48 MB per part,
    /// ratio 200 : 1 for entries over 1 MB.
    public static let standard = DOCXLimits()
}
