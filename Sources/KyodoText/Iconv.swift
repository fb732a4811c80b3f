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
        guard let cd = iconv_open("UTF-8", encoding), Int(bitPattern: cd) != -1 else {
            return .failure(DecodeFailure(offset: 0))
        }
        defer { iconv_close(cd) }
        if bytes.isEmpty { return .success("") }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let run = convert(cd, &input, into: &output, flush: true)
        if run.result == -1 || run.consumed != bytes.count { return .failure(DecodeFailure(offset: run.consumed)) }
        return .success(String(decoding: output[..<run.produced], as: UTF8.self))
    }

    /// One call of iconv on `input` from byte `start` into `output`: its result and errno, the
    /// bytes it consumed and produced; with `flush`, a shift state left at the end (ISO-2022-JP)
    /// is closed when all went well.
    static func convert(_ cd: iconv_t, _ input: inout [UInt8], from start: Int = 0, into output: inout [UInt8],
                        flush: Bool = false) -> (result: Int, error: Int32, consumed: Int, produced: Int) {
        input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress.map { $0.assumingMemoryBound(to: CChar.self) + start }
                var inLeft = inRaw.count - start
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let result = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                let error = errno
                if flush && result != -1 && inLeft == 0 { _ = iconv(cd, nil, nil, &outPointer, &outLeft) }
                return (result, error, inRaw.count - start - inLeft, outRaw.count - outLeft)
            }
        }
    }

    /// The text in `encoding`, or nil where a character has no form in it.
    static func encode(_ string: String, to encoding: String) -> [UInt8]? {
        guard let cd = iconv_open(encoding, "UTF-8"), Int(bitPattern: cd) != -1 else { return nil }
        defer { iconv_close(cd) }
        var input = Array(string.utf8)
        if input.isEmpty { return [] }
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let run = convert(cd, &input, into: &output, flush: true)
        guard run.result != -1, run.consumed == string.utf8.count else { return nil }
        return Array(output[..<run.produced])
    }

    /// Where decoding stopped.
    struct DecodeFailure: Error { var offset: Int }
}
