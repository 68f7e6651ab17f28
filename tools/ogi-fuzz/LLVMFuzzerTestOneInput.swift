import Foundation

/// libFuzzer's entry point: one input, run through ``FuzzTarget/selected``.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    FuzzTarget.selected.run(data)
    return 0
}

/// libFuzzer's driver (in the fuzzer runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable target's `main` as `ogi_fuzz_main` (`--defsym main=ogi_fuzz_main`), which
/// would hide libFuzzer's own `main`; this one hands the command line to libFuzzer's driver.
@_cdecl("ogi_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    atexit {
        let line = "ogi-fuzz: \(OutputCheck.runs) outputs written and checked, \(OutputCheck.validated) validated against the schema "
            + "(1 in \(OutputCheck.sampleEvery) by input hash, plus \(OutputCheck.flagged) doubted by the cheap checks)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
    return LLVMFuzzerRunDriver(&argc, &argv) { bytes, count in fuzzOneInput(bytes, count) }
}
