/// The reader's driver as far as its PC/SC name tells it (pcsc-lite does not report the driver):
/// vpcd's virtual readers, and the CCID families counters use.
enum ReaderDriver {
    static func describe(_ readerName: String) -> String {
        let name = readerName.lowercased()
        if name.hasPrefix("virtual pcd") { return "vpcd (vsmartcard, virtual)" }
        let ccidFamilies = ["acs ", "acr", "omnikey", "identiv", "scm ", "utrust", "gemalto", "feitian", "cherry", "ccid"]
        if ccidFamilies.contains(where: { name.contains($0) }) { return "CCID (libccid)" }
        return "unknown"
    }
}
