import Foundation
import OGIReport

/// The `--out-dir` file names of a batch: `NAME.xml` after each input's name without its
/// extension; when two inputs would get the same name, the first in input order keeps it and
/// the later ones get `NAME-2.xml`, `NAME-3.xml` … (skipping names another input has), so the
/// mapping is the same on every run over the same inputs. Linear: one set and one counter per
/// name.
struct OutputNames: Sendable {
    /// Each input's output name, without the folder and extension (a short name is stored inline
    /// in its String: 100,000 full paths held for a whole batch cost megabytes).
    let names: [String]
    private let prefix: String
    private let ext: String

    /// The output path of input `i`.
    subscript(i: Int) -> String { prefix + names[i] + "." + ext }

    /// The output names for the input paths, in order.
    static func assign<Inputs: Sequence<String>>(_ inputs: Inputs, in dir: String, ext: String = "xml") -> OutputNames {
        let bases = inputs.map(PathName.stem)
        var taken = Set<String>()
        taken.reserveCapacity(bases.count)
        var wanted = Set(bases)
        var nextSuffix: [String: Int] = [:]
        var names: [String] = []
        names.reserveCapacity(bases.count)
        for base in bases {
            var name = base
            if taken.contains(name) {
                var k = nextSuffix[base] ?? 2
                // A plain name another input has (a later "a-2" when "a" collides) is left to it.
                while taken.contains("\(base)-\(k)") || wanted.contains("\(base)-\(k)") { k += 1 }
                name = "\(base)-\(k)"
                nextSuffix[base] = k + 1
            }
            taken.insert(name)
            wanted.remove(base)
            names.append(name)
        }
        return OutputNames(names: names, prefix: dir.hasSuffix("/") ? dir : dir + "/", ext: ext)
    }
}
