import Foundation
import OGIReport

/// The `--out-dir` file names of a batch: `NAME.xml` after each input's name without its
/// extension; when two inputs would get the same name, the first in input order keeps it and
/// the later ones get `NAME-2.xml`, `NAME-3.xml` … (skipping names another input has), so the
/// mapping is the same on every run over the same inputs. Linear: one set and one counter per
/// name.
enum OutputNames {
    /// The output path for each input path, in order.
    static func assign(_ inputs: [String], in dir: String, ext: String = "xml") -> [String] {
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
        let prefix = dir.hasSuffix("/") ? dir : dir + "/"
        return names.map { prefix + $0 + "." + ext }
    }
}
