/// ISO/IEC 9797-1 padding method 2: append 0x80, then 0x00 up to a multiple of the block size
/// (always at least one byte is added).
public enum ISO9797Padding {
    public static func pad(_ data: [UInt8], blockSize: Int) -> [UInt8] {
        var out = data
        out.reserveCapacity(data.count + blockSize)
        out.append(0x80)
        while out.count % blockSize != 0 { out.append(0x00) }
        return out
    }

    /// Removes method-2 padding; throws when the last non-zero byte is not 0x80 or the padding is
    /// longer than one block.
    public static func unpad(_ data: [UInt8], blockSize: Int) throws(CryptoError) -> [UInt8] {
        var index = data.count - 1
        while index >= 0 && data[index] == 0x00 && data.count - index <= blockSize { index -= 1 }
        guard index >= 0, data[index] == 0x80, data.count - index <= blockSize else { throw .invalidPadding }
        return Array(data[..<index])
    }
}
