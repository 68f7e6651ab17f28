import CLibXML2
import Foundation
import Testing
@testable import OGIReport

/// libxml2 prints to standard error through its default handlers; the XML layer replaces them
/// for the duration of each operation on the calling thread.
@Suite struct ErrorChannelTests {
    private typealias GenericFunction = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?) -> Void

    @Test func genericChannelIsCollectedAndRestored() {
        let before = __xmlGenericError().pointee
        let sink = XMLErrorSink(fileName: "g.xml")
        XMLParsing.withFallbackErrors(sink) {
            guard let handler = __xmlGenericError().pointee else { Issue.record("no generic handler installed"); return }
            let f = unsafeBitCast(handler, to: GenericFunction.self)
            "something went wrong\n".withCString { f(__xmlGenericErrorContext().pointee, $0) }
        }
        #expect(sink.diagnostics.map(\.description) == ["g.xml: error: libxml2: something went wrong"])
        #expect(__xmlGenericError().pointee == before)
    }

    @Test func structuredFallbackIsCollectedAndRestored() {
        let before = __xmlStructuredError().pointee.map { unsafeBitCast($0, to: UnsafeRawPointer.self) }
        let sink = XMLErrorSink(fileName: "s.xml")
        XMLParsing.withFallbackErrors(sink) {
            #expect(__xmlStructuredError().pointee != nil)
        }
        #expect(__xmlStructuredError().pointee.map { unsafeBitCast($0, to: UnsafeRawPointer.self) } == before)
    }
}
