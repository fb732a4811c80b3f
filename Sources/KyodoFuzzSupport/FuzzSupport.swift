import Foundation

/// What the fuzz executables share: handing a target to libFuzzer's driver, and replaying the
/// files and folders named on a command line through it.
public enum FuzzSupport {
    /// A fuzz target as libFuzzer calls it.
    public typealias Target = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    #if FUZZING
    /// Runs libFuzzer's driver on `target` with the program's arguments.
    public static func runDriver(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ target: Target) -> CInt {
        var argc = argc
        var argv = argv
        return LLVMFuzzerRunDriver(&argc, &argv, target)
    }
    #endif

    /// Feeds every file named, and every file in every folder named (in name order), to `body`;
    /// returns how many were fed. Names that do not exist are passed over.
    public static func replay(_ arguments: [String], _ body: ([UInt8]) -> Void) throws -> Int {
        var count = 0
        for path in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map { (path as NSString).appendingPathComponent($0) }
                : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                body([UInt8](data))
                count += 1
            }
        }
        return count
    }
}

#if FUZZING
/// libFuzzer's driver, for an executable whose `main` SwiftPM names itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzSupport.Target) -> CInt
#endif
