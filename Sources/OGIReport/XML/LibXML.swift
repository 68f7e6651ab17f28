import CLibXML2
import Foundation

/// libxml2 set-up shared by the XML layer.
enum LibXML {
    /// Initialises libxml2 once per process (thread-safe initialisation of its globals) and
    /// installs an external entity loader that refuses every external resource (files, URLs,
    /// DTDs): canonical XML never needs one, so nothing outside the document is ever read.
    /// Before anything else, libxml2's allocations are routed through per-thread caches of small
    /// blocks (`thread_cache.h` in `CLibXML2`): without them, every allocation a validation
    /// makes on a worker thread takes the C library's arena lock.
    static let initialised: Bool = {
        _ = ogi_xml_install_thread_caches()
        xmlInitParser()
        xmlSetExternalEntityLoader(refusingEntityLoader)
        return true
    }()
}

/// The process-wide external entity loader: counts the attempt and loads nothing.
private let refusingEntityLoader: xmlExternalEntityLoader = { _, _, ctxt in
    ExternalLoadCounter.increment()
    return nil
}

/// How many times libxml2 asked to load an external resource (always refused). Tests use it to
/// prove that hostile documents read nothing from outside.
enum ExternalLoadCounter {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var value = 0

    static func increment() { lock.withLock { value += 1 } }
    static var count: Int { lock.withLock { value } }
}
