import COpenSSL

/// Where a certificate's issuer publishes things: the URIs of the CRL distribution points
/// (RFC 5280 §4.2.1.13) and of the authority information access `caIssuers` entries (§4.2.2.1).
/// Used by `cccd trust update` to refresh CRLs and CSCAs; nothing here is trusted by itself.
extension X509Certificate {
    /// The `uniformResourceIdentifier` full names of the CRL distribution points.
    public var crlDistributionPointURIs: [String] {
        guard let raw = X509_get_ext_d2i(x509, NID_crl_distribution_points, nil, nil) else {
            ERR_clear_error()
            return []
        }
        let points = OpaquePointer(raw)
        defer { CRL_DIST_POINTS_free(points) }
        var uris: [String] = []
        for index in 0..<max(OPENSSL_sk_num(points), 0) {
            guard let point = OPENSSL_sk_value(points, index)?.assumingMemoryBound(to: DIST_POINT.self),
                let name = point.pointee.distpoint, name.pointee.type == 0,
                let names = name.pointee.name.fullname
            else { continue }
            uris += Self.uris(in: names)
        }
        return uris
    }

    /// The `caIssuers` URIs of the authority information access extension.
    public var caIssuersURIs: [String] {
        guard let raw = X509_get_ext_d2i(x509, NID_info_access, nil, nil) else {
            ERR_clear_error()
            return []
        }
        let access = OpaquePointer(raw)
        defer { AUTHORITY_INFO_ACCESS_free(access) }
        var uris: [String] = []
        for index in 0..<max(OPENSSL_sk_num(access), 0) {
            guard let entry = OPENSSL_sk_value(access, index)?.assumingMemoryBound(to: ACCESS_DESCRIPTION.self),
                OBJ_obj2nid(entry.pointee.method) == NID_ad_ca_issuers,
                let location = entry.pointee.location, let uri = Self.uri(location)
            else { continue }
            uris.append(uri)
        }
        return uris
    }

    /// The URIs of a GENERAL_NAMES stack.
    private static func uris(in names: OpaquePointer) -> [String] {
        (0..<max(OPENSSL_sk_num(names), 0)).compactMap { index in
            OPENSSL_sk_value(names, index).flatMap { uri($0.assumingMemoryBound(to: GENERAL_NAME.self)) }
        }
    }

    private static func uri(_ name: UnsafeMutablePointer<GENERAL_NAME>) -> String? {
        guard name.pointee.type == GEN_URI, let text = name.pointee.d.uniformResourceIdentifier,
            let bytes = OSSL.bytes(ofString: UnsafePointer(text))
        else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
