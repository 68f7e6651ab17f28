import Foundation
import ZIPFoundation

/// A DOCX package opened in memory (ZIPFoundation), holding only the parts ogi reads, with
/// ``DOCXLimits`` enforced: the entry count and the declared sizes are checked before anything is
/// inflated, and the bytes actually inflated are counted as they come (a header that lies about
/// its size is caught too). Nothing outside the package is ever opened: relationships whose
/// `TargetMode` is `External` are counted, never followed.
struct DOCXPackage {
    /// The parts read, by their path in the package (e.g. `word/document.xml`).
    private(set) var parts: [String: Data] = [:]
    /// The main document part's path (from `_rels/.rels`, else `word/document.xml`).
    private(set) var mainPart = "word/document.xml"
    /// External relationships of the main document (hyperlinks, linked images …), never followed.
    private(set) var externalRelationships: [String] = []
    /// Number of entries in the package.
    private(set) var entryCount = 0

    /// The error every refusal is: one line, `read.docx`, naming the file.
    static func failure(_ message: String, fileName: String) -> DiagnosticError {
        DiagnosticError(.error(message, code: "read.docx", file: fileName))
    }

    /// Opens the package and reads the main document and its numbering, styles and relationships.
    /// - Throws: ``DiagnosticError`` (`read.docx`) for a damaged package, a limit exceeded, or a
    ///   package without a main document.
    static func open(_ data: Data, fileName: String, limits: DOCXLimits = .standard) throws -> DOCXPackage {
        guard data.count <= limits.maxPackageBytes else {
            throw failure("the DOCX package is \(data.count) bytes, over the limit of \(limits.maxPackageBytes)", fileName: fileName)
        }
        if let problem = DOCXZipCheck.problem([UInt8](data), maxEntries: limits.maxEntries) {
            throw failure("the DOCX package is damaged or refused: \(problem)", fileName: fileName)
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw failure("the DOCX package is damaged: not a readable ZIP archive (\(error))", fileName: fileName)
        }
        var package = DOCXPackage()
        var entries: [String: Entry] = [:]
        var declaredTotal: Int64 = 0
        for entry in archive {
            package.entryCount += 1
            guard package.entryCount <= limits.maxEntries else {
                throw failure("the DOCX package has more than \(limits.maxEntries) entries; refused", fileName: fileName)
            }
            let size = Int64(clamping: entry.uncompressedSize), packed = Int64(clamping: entry.compressedSize)
            declaredTotal = declaredTotal.addingReportingOverflow(size).overflow ? .max : declaredTotal + size
            guard declaredTotal <= limits.maxTotalUncompressedBytes else {
                throw failure("the DOCX package would inflate to more than \(limits.maxTotalUncompressedBytes) bytes "
                              + "(entry \(entry.path) declares \(size)); refused as a possible zip bomb", fileName: fileName)
            }
            if size > limits.ratioFloorBytes, packed == 0 || size / max(packed, 1) > limits.maxCompressionRatio {
                throw failure("entry \(entry.path) of the DOCX package is compressed \(size / max(packed, 1)):1 "
                              + "(over \(limits.maxCompressionRatio):1); refused as a possible zip bomb", fileName: fileName)
            }
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        var inflated: Int64 = 0
        func read(_ path: String) throws -> Data? {
            guard let entry = entries[path], entry.type == .file else { return nil }
            let declared = Int64(clamping: entry.uncompressedSize), packed = Int64(clamping: entry.compressedSize)
            guard declared <= limits.maxPartBytes else {
                throw failure("part \(path) of the DOCX package is \(declared) bytes, over the limit of \(limits.maxPartBytes)", fileName: fileName)
            }
            var out = Data()
            out.reserveCapacity(Int(declared))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    out.append(chunk)
                    inflated += Int64(chunk.count)
                    if Int64(out.count) > declared || inflated > limits.maxTotalUncompressedBytes
                        || (Int64(out.count) > limits.ratioFloorBytes && Int64(out.count) / max(packed, 1) > limits.maxCompressionRatio) {
                        throw DOCXInflateLimit()
                    }
                }
            } catch is DOCXInflateLimit {
                throw failure("part \(path) of the DOCX package inflates past its declared size or the limits; refused as a possible zip bomb", fileName: fileName)
            } catch {
                throw failure("part \(path) of the DOCX package is damaged (\(error))", fileName: fileName)
            }
            return out
        }
        if let rels = try read("_rels/.rels"), let target = DOCXRelationships.parse(rels).first(where: {
            $0.type.hasSuffix("/officeDocument") && !$0.external
        })?.target {
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : target
            if entries[path] != nil { package.mainPart = path }
        }
        guard let document = try read(package.mainPart) else {
            throw failure("the ZIP package has no \(package.mainPart): not a Word document (or a damaged one)", fileName: fileName)
        }
        package.parts[package.mainPart] = document
        let folder = (package.mainPart as NSString).deletingLastPathComponent
        let base = folder.isEmpty ? "" : folder + "/"
        let relsPath = base + "_rels/" + (package.mainPart as NSString).lastPathComponent + ".rels"
        var related: [String: String] = [:]  // relationship type suffix → part path
        if let rels = try read(relsPath) {
            for r in DOCXRelationships.parse(rels) {
                if r.external { package.externalRelationships.append(r.target); continue }
                let kind = r.type.split(separator: "/").last.map(String.init) ?? ""
                related[kind] = r.target.hasPrefix("/") ? String(r.target.dropFirst()) : base + r.target
            }
        }
        for (kind, fallback) in [("numbering", base + "numbering.xml"), ("styles", base + "styles.xml")] {
            let path = related[kind].flatMap { entries[$0] != nil ? $0 : nil } ?? fallback
            if let d = try read(path) { package.parts[kind] = d }
        }
        return package
    }

    /// The main document's bytes.
    var document: Data { parts[mainPart] ?? Data() }
    /// `numbering.xml`, when the package has one.
    var numbering: Data? { parts["numbering"] }
    /// `styles.xml`, when the package has one.
    var styles: Data? { parts["styles"] }
}

/// Thrown from ZIPFoundation's consumer to stop inflating at a limit.
private struct DOCXInflateLimit: Error {}
