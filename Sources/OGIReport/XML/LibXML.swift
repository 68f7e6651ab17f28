import CLibXML2

/// libxml2 set-up shared by the XML layer.
enum LibXML {
    /// Initialises libxml2 once per process (thread-safe initialisation of its globals).
    static let initialised: Bool = {
        xmlInitParser()
        return true
    }()
}
