#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding with the C library's iconv, which knows CP932 (with its NEC and IBM extensions),
/// EUC-JP and ISO-2022-JP.
enum Iconv {
    /// The text, or the offset of the first byte that is not valid in `encoding`.
    static func decode(_ bytes: [UInt8], from encoding: String) -> Result<String, DecodeFailure> {
        guard let cd = Optional(iconv_open("UTF-8", encoding)), Int(bitPattern: cd) != -1 else {
            return .failure(DecodeFailure(offset: 0))
        }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return .success("") }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let (produced, failedAt): (Int?, Int) = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return (nil, inRaw.count - inLeft) }
                // Flush any shift state (ISO-2022-JP).
                _ = iconv(cd, nil, nil, &outPointer, &outLeft)
                return (outRaw.count - outLeft, 0)
            }
        }
        guard let produced else { return .failure(DecodeFailure(offset: failedAt)) }
        return .success(String(decoding: output[..<produced], as: UTF8.self))
    }

    /// Where decoding stopped.
    struct DecodeFailure: Error { var offset: Int }
}
