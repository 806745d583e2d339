/// DG1's issuing state against the document signer's and the CSCA's country (ICAO 9303-12: the
/// `C` of both must be the issuing state's).
public enum CountryCheck {
    /// Reasons for a country mismatch (or an unknown issuing-state code).
    public static func run(issuingState: String?, signer: X509Certificate?, anchor: X509Certificate?)
        -> [VerificationReason]
    {
        var reasons: [VerificationReason] = []
        let signerCountry = signer?.subjectCountry?.uppercased()
        let anchorCountry = anchor?.subjectCountry?.uppercased()
        if let signerCountry, let anchorCountry, signerCountry != anchorCountry {
            reasons.append(VerificationReason(
                .countryMismatch, .failure,
                "document signer country \(signerCountry) differs from CSCA country \(anchorCountry)",
                certificate: signer?.subject))
        }
        guard let issuingState else { return reasons }
        let state = issuingState.replacingOccurrences(of: "<", with: "")
        guard let expected = CountryCodes.alpha2(forIssuingState: state) else {
            reasons.append(VerificationReason(
                .countryUnchecked, .warning, "issuing state \(state) has no known ISO 3166 alpha-2 code"))
            return reasons
        }
        for (country, certificate) in [(signerCountry, signer), (anchorCountry, anchor)] {
            guard let country, let certificate else { continue }
            if country != expected {
                reasons.append(VerificationReason(
                    .countryMismatch, .failure,
                    "DG1 issuing state \(state) (\(expected)) differs from certificate country \(country)",
                    certificate: certificate.subject))
            }
        }
        return reasons
    }
}

/// ICAO 9303-3 issuing-state codes (alpha-3 and the special codes) → ISO 3166-1 alpha-2.
enum CountryCodes {
    static func alpha2(forIssuingState code: String) -> String? {
        if code.count == 2 { return code }
        return table[code]
    }

    private static let table: [String: String] = [
        "D": "DE", "DEU": "DE", "VNM": "VN", "NLD": "NL", "UTO": "UT", "FRA": "FR", "GBR": "GB", "USA": "US",
        "AUT": "AT", "BEL": "BE", "CHE": "CH", "CZE": "CZ", "DNK": "DK", "ESP": "ES", "FIN": "FI", "GRC": "GR",
        "HUN": "HU", "IRL": "IE", "ITA": "IT", "LUX": "LU", "NOR": "NO", "POL": "PL", "PRT": "PT", "ROU": "RO",
        "SWE": "SE", "SVK": "SK", "SVN": "SI", "EST": "EE", "LVA": "LV", "LTU": "LT", "HRV": "HR", "BGR": "BG",
        "CYP": "CY", "MLT": "MT", "ISL": "IS", "RUS": "RU", "UKR": "UA", "TUR": "TR", "CHN": "CN", "JPN": "JP",
        "KOR": "KR", "PRK": "KP", "IND": "IN", "IDN": "ID", "MYS": "MY", "SGP": "SG", "THA": "TH", "PHL": "PH",
        "KHM": "KH", "LAO": "LA", "MMR": "MM", "BRN": "BN", "TWN": "TW", "HKG": "HK", "MAC": "MO", "AUS": "AU",
        "NZL": "NZ", "CAN": "CA", "MEX": "MX", "BRA": "BR", "ARG": "AR", "CHL": "CL", "COL": "CO", "PER": "PE",
        "ZAF": "ZA", "EGY": "EG", "NGA": "NG", "KEN": "KE", "MAR": "MA", "ISR": "IL", "SAU": "SA", "ARE": "AE",
        "QAT": "QA", "KWT": "KW", "IRN": "IR", "IRQ": "IQ", "PAK": "PK", "BGD": "BD", "LKA": "LK", "NPL": "NP",
        "KAZ": "KZ", "UZB": "UZ", "GEO": "GE", "ARM": "AM", "AZE": "AZ", "BLR": "BY", "MDA": "MD", "SRB": "RS",
        "BIH": "BA", "MKD": "MK", "ALB": "AL", "MNE": "ME", "XKX": "XK",
    ]
}
