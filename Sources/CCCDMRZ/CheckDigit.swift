/// ICAO 9303-3 §4.9 check digits: weights 7, 3, 1 repeating; digits count as themselves, letters
/// A–Z as 10–35, the filler `<` as 0; the digit is the sum modulo 10.
public enum CheckDigit {
    private static let weights = [7, 3, 1]

    /// The check digit of `field`, or nil when the field holds a character the MRZ does not allow.
    public static func compute(_ field: some StringProtocol) -> Character? {
        var sum = 0
        for (i, c) in field.utf8.enumerated() {
            guard let value = characterValue(c) else { return nil }
            sum += value * weights[i % 3]
        }
        return Character(String(sum % 10))
    }

    /// Value of one MRZ character, nil outside `0-9 A-Z <`.
    static func characterValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "<"): return 0
        default: return nil
        }
    }

    /// True when `digit` is the check digit of `field`. ICAO allows `<` as the check digit of an
    /// optional-data field that is entirely filler.
    public static func verify(_ field: some StringProtocol, digit: Character) -> Bool {
        if digit == "<" { return field.allSatisfy { $0 == "<" } }
        return compute(field) == digit
    }
}
