/// ASCII digit test (`Character.isNumber` alone also accepts other scripts' digits).
extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
