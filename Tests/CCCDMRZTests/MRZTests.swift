import CCCDMRZ
import CCCDTestSupport
import Foundation
import Testing

/// The MRZ examples of the ICAO worked examples (TestVectors/icao9303).
private func entries(_ key: String) throws -> [[String: Any]] {
    let root = try ICAOVectors.load()
    let section = try #require(root["mrz_check_digits"] as? [String: Any])
    return try #require(section[key] as? [[String: Any]], "\(key)")
}

@Test func checkDigitsOfEveryICAOFieldExample() throws {
    let examples = try entries("field_examples")
    #expect(examples.count >= 10)
    for e in examples {
        let data = e["data"] as! String
        let digit = Character(e["check_digit"] as! String)
        #expect(CheckDigit.compute(data) == digit, "\(data)")
        #expect(CheckDigit.verify(data, digit: digit))
    }
    #expect(CheckDigit.compute("abc") == nil)
    #expect(CheckDigit.verify("<<<<", digit: "<"))
    #expect(!CheckDigit.verify("12<<", digit: "<"))
}

/// Completes the lines a vector leaves out with fillers so the format is recognisable.
private func lines(_ e: [String: Any], format: MRZ.Format) -> [String] {
    if let l = e["lines"] as? [String] {
        return l.count == 3 ? l : l + [String(repeating: "<", count: 30)]
    }
    let width = format == .td2 ? 36 : 44
    let line1 = e["line1"] as? String ?? "P<UTO" + String(repeating: "<", count: width - 5)
    return [line1, e["line2"] as! String]
}

@Test(arguments: [("td1", MRZ.Format.td1), ("td2", .td2), ("td3", .td3)])
func parsesEveryICAOSpecimenOrNamesTheBrokenDigit(key: String, format: MRZ.Format) throws {
    for e in try entries(key) {
        let text = lines(e, format: format).joined(separator: "\n")
        let status = e["status"] as? String ?? "ok"
        if status.hasPrefix("source_error") {
            // The printed composite digit is wrong in the source: we must say so, naming the field.
            let error = #expect(throws: MRZError.self) { try MRZ(text) }
            guard case .checkDigitMismatch(let field, _, _) = error else {
                Issue.record("expected a check-digit error, got \(String(describing: error))")
                continue
            }
            #expect(field == .composite)
        } else {
            let mrz = try MRZ(text)
            #expect(mrz.format == format)
        }
    }
}

@Test func td1LongDocumentNumberContinuesInOptionalData() throws {
    let mrz = try MRZ(
        "I<UTOD23145890<7349<<<<<<<<<<<\n3407127M9507122UTO<<<<<<<<<<<2\nSTEVENSON<<PETER<JOHN<<<<<<<<<")
    #expect(mrz.documentNumber == "D23145890734")
    #expect(mrz.accessKey.information == "D231458907349" + "3407127" + "9507122")
    #expect(mrz.primaryIdentifier == "STEVENSON")
    #expect(mrz.secondaryIdentifier == "PETER JOHN")
}

@Test func td3FieldsAndAccessKey() throws {
    let mrz = try MRZ("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10")
    #expect(mrz.format == .td3)
    #expect(mrz.documentNumber == "L898902C3")
    #expect(mrz.dateOfBirth.text == "740812")
    #expect(mrz.dateOfBirth.iso(for: .dateOfBirth, currentYear: 2026) == "1974-08-12")
    #expect(mrz.dateOfExpiry.iso(for: .dateOfExpiry, currentYear: 2026) == "2012-04-15")
    #expect(mrz.sex == "F")
    #expect(mrz.fullName == "ERIKSSON ANNA MARIA")
    #expect(mrz.optionalData == ["ZE184226B<<<<<"])
}

@Test func bacKeyInformationOfAppendixD() throws {
    let key = try MRZKey(parsing: "L898902C,690806,940623")
    #expect(key.information == "L898902C<369080619406236")
}

@Test func wrongCheckDigitNamesTheField() {
    // Date of birth check digit changed from 2 to 3.
    #expect(throws: MRZError.checkDigitMismatch(field: .dateOfBirth, expected: "2", found: "3")) {
        try MRZ("I<UTOD231458907<<<<<<<<<<<<<<<\n7408123F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<")
    }
    #expect(throws: MRZError.invalidCharacter(line: 1, position: 3)) { try MRZ("I<ütoD231458907<<<<<<<<<<<<<<<") }
    #expect(throws: MRZError.unknownFormat(lineLengths: [5])) { try MRZ("ABCDE") }
    #expect(throws: MRZError.self) { try MRZKey(parsing: "L898902C,691306,940623") }
    #expect(throws: MRZError.self) { try MRZKey(parsing: "L898902C,690806") }
    #expect(throws: MRZError.self) { try MRZKey(parsing: "L89é902C,690806,940623") }
}

@Test func vietnameseCardConveniences() throws {
    // A synthetic CCCD MRZ: document number = last 9 digits of the ID, the full ID in optional data.
    let id = try VietnameseID("001099012345")
    #expect(id.documentNumber == "099012345")
    #expect(id.cardAccessNumber == "012345")
    #expect(!"\(id)".contains("001099012345"))
    let number = id.documentNumber
    let line1Body = number + String(CheckDigit.compute(number)!) + "001099012345<<" + String(CheckDigit.compute("001099012345")!)
    let line1 = "IDVNM" + line1Body
    let dob = "990214" + String(CheckDigit.compute("990214")!)
    let expiry = "390214" + String(CheckDigit.compute("390214")!)
    let line2Start = dob + "M" + expiry + "VNM"
    let optional2 = String(repeating: "<", count: 11)
    let composite = CheckDigit.compute(line1Body + dob + expiry + optional2)!
    let line2 = line2Start + optional2 + String(composite)
    let line3 = "NGUYEN<<VAN<AN" + String(repeating: "<", count: 16)
    let mrz = try MRZ([line1, line2, line3].joined(separator: "\n"))
    #expect(mrz.vietnamesePersonalNumber == "001099012345")
    #expect(mrz.documentNumber == "099012345")
    #expect(mrz.fullName == "NGUYEN VAN AN")

    let birth = try MRZDate(iso: "1999-02-14", field: .dateOfBirth)
    let key = try MRZKey(vietnameseID: id, dateOfBirth: birth, dateOfExpiry: nil)
    #expect(key.dateOfExpiry.text == MRZKey.vietnameseNoExpiry)
    #expect(key.information.hasPrefix("099012345"))
    #expect(throws: MRZError.self) { try VietnameseID("12345") }
    #expect(throws: MRZError.self) { try MRZDate(iso: "1999-2-14", field: .dateOfBirth) }
}
