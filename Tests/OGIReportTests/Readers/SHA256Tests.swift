import Foundation
import Testing
@testable import OGIReport

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(Array("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu".utf8))
                == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    /// Lengths around the padding boundaries (55/56 and 64-byte blocks), checked against sha256sum.
    @Test(arguments: [
        (55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        (64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        (65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        (119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"),
        (120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        (1000, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"),
    ])
    func paddingBoundaries(length: Int, expected: String) {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: length)) == expected)
    }

    /// Data (read in place, also a slice that does not start at 0), arrays, slices and a
    /// non-contiguous collection give the same digest.
    @Test func everyKindOfCollectionGivesTheSameDigest() {
        let bytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        for cut in [0, 1, 55, 64, 130] {
            let tail = Array(bytes.dropFirst(cut))
            let expected = SHA256.hex(tail)
            #expect(SHA256.hex(Data(bytes)[cut...]) == expected)
            #expect(SHA256.hex(bytes[cut...]) == expected)
            #expect(SHA256.hex(bytes.lazy.dropFirst(cut).map { $0 }) == expected)
        }
    }

    /// The CPU's SHA extensions (where it has them) and the portable code agree on every length
    /// around the block and padding boundaries and on a few large inputs.
    @Test func acceleratedAndPortableCodeAgree() {
        var rng = SplitMix64(seed: 0x5A25_6000)
        let bytes = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        for n in Array(0...200) + [255, 256, 257, 1000, 4095, 4096, 65_536, 70_000] {
            bytes.withUnsafeBytes { all in
                let part = UnsafeRawBufferPointer(rebasing: all[0..<n])
                #expect(SHA256.digest(part, accelerated: true) == SHA256.digest(part, accelerated: false), "length \(n)")
            }
        }
    }

    /// The seeds' fingerprints as computed by sha256sum, and recorded in the report's metadata.
    @Test func seedFingerprints() throws {
        let expected = [
            "000_44f90c379b4f7fce.txt": "3f33329b28307effd20699c6722030ba6d93db4bf11ce0510910d2643e53d27c",
            "004_bbe5ed0d0ae48369.txt": "7f92f40b0ccd9f37fc2d01f65531f3196dfce63e872145554ea82ad5fad49230",
        ]
        for (name, hex) in expected {
            let data = try Fixtures.data("seeds/" + name)
            #expect(SHA256.hex(data) == hex)
            let report = try TextReportReader.read(data, fileName: name).report
            #expect(report.metadata.source?.sha256 == hex)
            #expect(report.metadata.source?.fileName == name)
        }
    }
}
