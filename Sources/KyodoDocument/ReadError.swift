import Foundation

/// Why a PDF, web page or Word file could not be read; each names the file and says what to do.
public enum ReadError: Error, LocalizedError, Equatable {
    case pdfDamaged(path: String)
    case pdfLocked(path: String)
    case pdfNoText(path: String, pages: Int)
    case pdfNoPages(path: String)
    case pdfGarbled(path: String, pages: String)
    case htmlNoText(path: String)
    case tooDeep(path: String, format: String, limit: Int)
    case notWord(path: String, reason: String)
    case zipDamaged(path: String, reason: String)
    case zipTooLarge(path: String, member: String, limit: Int)
    case xmlDamaged(path: String, member: String, line: Int, reason: String)
    case wordNoText(path: String)

    public var errorDescription: String? {
        switch self {
        case .pdfDamaged(let path):
            "\(path): a damaged PDF that cannot be read (truncated, or not a PDF though it starts like one); save or download it again"
        case .pdfLocked(let path):
            "\(path): the PDF is encrypted and opens only with a password; save an unprotected copy (print to PDF, or qpdf --decrypt with the password) and read that"
        case .pdfNoText(let path, let pages):
            "\(path): the PDF has no text layer in its \(pages) page\(pages == 1 ? "" : "s") (a scan?): run OCR on it first (e.g. ocrmypdf -l jpn in.pdf out.pdf) and read the result"
        case .pdfNoPages(let path): "\(path): the PDF has no pages"
        case .pdfGarbled(let path, let pages):
            "\(path): the PDF's fonts map their characters to no Unicode (pages \(pages)), so its text cannot be read: run OCR on it (e.g. ocrmypdf --force-ocr -l jpn in.pdf out.pdf) and read the result"
        case .htmlNoText(let path): "\(path): the web page holds no text outside its menus, header and footer"
        case .tooDeep(let path, let format, let limit):
            "\(path): the \(format) nests elements more than \(limit) deep; no guideline does, so it is not read"
        case .notWord(let path, let reason): "\(path): \(reason)"
        case .zipDamaged(let path, let reason): "\(path): a damaged Word file (\(reason)); save it again from Word or LibreOffice"
        case .zipTooLarge(let path, let member, let limit):
            "\(path): \(member) inflates beyond \(limit / 1_000_000) MB (a ZIP bomb?); not read"
        case .xmlDamaged(let path, let member, let line, let reason):
            "\(path): \(member):\(line): not well-formed XML (\(reason))"
        case .wordNoText(let path): "\(path): the Word document holds no text"
        }
    }
}
