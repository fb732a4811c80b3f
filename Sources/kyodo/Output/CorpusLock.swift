import Foundation

/// An exclusive lock on a corpus, held by `kyodo add` from reading the manifest to renaming
/// the new one in, so that two adds at once take turns and neither loses the other's line.
///
/// It is flock(2) on `.kyodo.lock` in the corpus folder: a hidden file (folder reading skips
/// it), created once and left there, since removing a lock file lets two processes each lock a
/// file of that name. The lock goes with the process, however it ends. Readers take no lock:
/// the manifest and documents are only ever replaced whole by rename, so they see the corpus
/// before an add or after it.
final class CorpusLock {
    /// The lock file's name in the corpus folder.
    static let name = ".kyodo.lock"

    private let fd: Int32
    private var released = false

    /// Waits for and takes the lock on the corpus at `folder`; a note says when another
    /// add holds it.
    init(folder: String) throws {
        let path = (folder as NSString).appendingPathComponent(Self.name)
        // No link followed, no FIFO waited on; 0666 minus the umask, like any new file.
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CommandError.cannotCreate(path: path, reason: "cannot lock the corpus: \(systemReason())") }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw CommandError.cannotCreate(path: path, reason: "cannot lock the corpus: not a regular file")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var code = errno
            if code == EWOULDBLOCK {
                Diagnostics.write("kyodo: note: another kyodo add is writing to \(folder); waiting for it to finish")
                repeat { code = flock(fd, LOCK_EX) == 0 ? 0 : errno } while code == EINTR
            }
            guard code == 0 else {
                close(fd)
                throw CommandError.cannotCreate(path: path, reason: "cannot lock the corpus: \(systemReason(code))")
            }
        }
    }

    /// Releases the lock (closing the file releases it).
    func release() {
        guard !released else { return }
        released = true
        close(fd)
    }

    deinit { release() }
}
