import Foundation
import Testing
@testable import OGIReport

@Suite struct PathNameTests {
    /// File paths as inputs and outputs name them (folders "." and ".." are never files here).
    static let paths = ["a.txt", "dir/a.txt", "/abs/a.b.c", ".hidden", "dir/.hidden", "a.", "a..b", "a b.txt",
                        "报告.html", "noext", "dir.d/noext", "a.txt/", "./a.txt", "../x.y", "a/.x.y", "r.TXT",
                        "a.tar.gz", "x.-", "x.ä", "a.verylongextension", "a.b/", "//a.b", "a//b.c", "..a",
                        "a.b.", ".a.", "x.報告", "x. ", "x.a/b", "/", "in/r01.pdf.html"]

    /// The same names as Foundation's URL gives, without asking the file system.
    @Test(arguments: paths)
    func agreesWithURL(path: String) {
        let url = URL(fileURLWithPath: path)
        #expect(PathName.lastComponent(path) == url.lastPathComponent)
        #expect(PathName.stem(path) == url.deletingPathExtension().lastPathComponent)
    }

    @Test func directory() {
        #expect(PathName.directory("out/r.xml") == "out")
        #expect(PathName.directory("r.xml") == ".")
        #expect(PathName.directory("/r.xml") == "/")
        #expect(PathName.directory("a//b/") == "a")
        #expect(PathName.directory("/a/b/c.xml") == "/a/b")
        #expect(PathName.directory("/") == "/")
    }
}
