/// File-name arithmetic on path strings, as Foundation's `URL(fileURLWithPath:)` gives it for a
/// file's path (its `lastPathComponent` and `deletingPathExtension()`), without touching the file
/// system: `URL(fileURLWithPath:)` asks the file system whether the path is a folder, a
/// `stat` for each name, thousands of them in a batch.
public enum PathName {
    /// The last component of a path ("dir/a.txt" → "a.txt"; trailing slashes ignored; "/" → "/").
    public static func lastComponent(_ path: String) -> String {
        var u = Substring(path).utf8
        while u.count > 1, u.last == 0x2F { u = u.dropLast() }
        if u.count == 1, u.first == 0x2F { return "/" }
        guard let slash = u.lastIndex(of: 0x2F) else { return String(Substring(u)) }
        return String(Substring(u[u.index(after: slash)...]))
    }

    /// A file name without its extension ("a.tar.gz" → "a.tar"). A name with nothing but dots
    /// before its last dot (".hidden", "..a") or nothing after it ("a.") has no extension.
    public static func deletingExtension(_ name: String) -> String {
        let u = name.utf8
        guard let dot = u.lastIndex(of: 0x2E), u.index(after: dot) != u.endIndex else { return name }
        guard u[..<dot].contains(where: { $0 != 0x2E }) else { return name }
        return String(Substring(u[..<dot]))
    }

    /// The path without its last component ("out/r.xml" → "out", "r.xml" → ".", "/r.xml" → "/").
    public static func directory(_ path: String) -> String {
        var u = Substring(path).utf8
        while u.count > 1, u.last == 0x2F { u = u.dropLast() }
        guard let slash = u.lastIndex(of: 0x2F) else { return "." }
        var d = u[..<slash]
        while d.count > 1, d.last == 0x2F { d = d.dropLast() }
        return d.isEmpty ? "/" : String(Substring(d))
    }

    /// The last component of a path without its extension ("dir/r01.html" → "r01").
    public static func stem(_ path: String) -> String { deletingExtension(lastComponent(path)) }
}
