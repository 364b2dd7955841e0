package discover

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/llmleak/llmleak/analyzer/finding"
)

// MaxFileSize is the largest file analyzed, in bytes. Larger .py files
// are nearly always generated data, and one would hold up the whole run.
const MaxFileSize = 4 << 20

// Error kinds of ReadSource. Test with errors.Is; errors.As gives the
// *SourceError with the details.
var (
	// ErrTooLarge: the file is larger than MaxFileSize.
	ErrTooLarge = errors.New("file too large")
	// ErrBinary: the file holds a NUL byte, so it is not Python source.
	ErrBinary = errors.New("binary file")
	// ErrNotUTF8: the file is not valid UTF-8 (UTF-16 included); Python
	// source in other encodings is not supported.
	ErrNotUTF8 = errors.New("not valid UTF-8")
)

// SourceError says why a file cannot be analyzed. It unwraps to one of
// the Err kinds above.
type SourceError struct {
	// Path is the file as given to ReadSource.
	Path string
	// Kind is ErrTooLarge, ErrBinary or ErrNotUTF8.
	Kind error
	// Line is the 1-based line of the problem, or 0 when it has none.
	Line int
	// Detail completes Kind: "(5000000 bytes, limit 4194304)".
	Detail string
}

func (e *SourceError) Error() string { return e.Path + ": " + e.Cause() }

// Cause is the message without the path.
func (e *SourceError) Cause() string {
	if e.Detail == "" {
		return e.Kind.Error()
	}
	return e.Kind.Error() + " " + e.Detail
}

func (e *SourceError) Unwrap() error { return e.Kind }

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// ReadSource reads a Python file as UTF-8 text, without its byte order
// mark. It fails on files larger than MaxFileSize, binary files and files
// that are not UTF-8; an error names the file and the cause. I/O errors
// are the os package's (errors.Is(err, fs.ErrPermission) and so on).
func ReadSource(abs string) ([]byte, error) {
	return readSource(abs, MaxFileSize, func(name string) (fs.File, error) { return os.Open(name) })
}

func readSource(abs string, limit int64, open func(string) (fs.File, error)) ([]byte, error) {
	f, err := open(abs)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &fs.PathError{Op: "read", Path: abs, Err: errors.New("is a directory")}
	}
	if info.Size() > limit {
		return nil, tooLarge(abs, info.Size(), limit)
	}
	// Read one byte past the limit: the file may have grown since Stat.
	// The buffer is sized from Stat, so a file is read without the copies
	// a growing buffer makes (a byte more shows whether it grew).
	data, err := readAllSized(io.LimitReader(f, limit+1), info.Size()+1)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: abs, Err: unwrapPathError(err)}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(abs, int64(len(data)), limit)
	}
	return checkSource(abs, data)
}

// readAllSized is io.ReadAll into a buffer of size bytes to start with.
func readAllSized(r io.Reader, size int64) ([]byte, error) {
	buf := make([]byte, 0, size)
	for {
		if len(buf) == cap(buf) {
			// Larger than Stat said: grow as io.ReadAll does.
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

func tooLarge(abs string, size, limit int64) error {
	return &SourceError{Path: abs, Kind: ErrTooLarge, Detail: fmt.Sprintf("(%d bytes, limit %d)", size, limit)}
}

// checkSource validates the bytes of a file and strips a UTF-8 BOM.
func checkSource(abs string, data []byte) ([]byte, error) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return nil, &SourceError{Path: abs, Kind: ErrNotUTF8, Line: 1, Detail: "(UTF-16 byte order mark; only UTF-8 is supported)"}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, &SourceError{Path: abs, Kind: ErrBinary, Line: lineAt(data, i), Detail: fmt.Sprintf("(NUL byte at offset %d)", i)}
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if enc := declaredEncoding(data); enc != "" {
		decoded, err := decodeDeclared(abs, data, enc)
		if err != nil {
			return nil, err
		}
		data = decoded
	}
	if off := invalidUTF8(data); off >= 0 {
		line := lineAt(data, off)
		col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
		return nil, &SourceError{Path: abs, Kind: ErrNotUTF8, Line: line, Detail: fmt.Sprintf("(invalid byte 0x%02x at line %d, byte %d)", data[off], line, col)}
	}
	return data, nil
}

// codingLine is a PEP 263 encoding declaration, on line 1 or 2.
var codingLine = regexp.MustCompile(`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`)

// declaredEncoding is the encoding a PEP 263 comment on one of the first
// two lines declares, normalized ("latin-1", "cp1252"), or "".
func declaredEncoding(data []byte) string {
	for i, line := range bytes.SplitN(data, []byte{'\n'}, 3) {
		if i == 2 {
			break
		}
		if m := codingLine.FindSubmatch(line); m != nil {
			return strings.ReplaceAll(strings.ToLower(string(m[1])), "_", "-")
		}
	}
	return ""
}

// cp1252High are the characters of Windows-1252 bytes 0x80-0x9f (0 where
// the code page leaves a byte undefined).
var cp1252High = [32]rune{
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
}

// decodeDeclared decodes a file in the single-byte encoding its coding
// line declares (Latin-1 or Windows-1252) to UTF-8; UTF-8 and ASCII
// declarations leave it as it is. Another encoding is an error naming it.
func decodeDeclared(abs string, data []byte, enc string) ([]byte, error) {
	var high func(b byte) (rune, bool)
	switch enc {
	case "utf-8", "utf8", "ascii", "us-ascii":
		return data, nil
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1":
		high = func(b byte) (rune, bool) { return rune(b), true }
	case "cp1252", "windows-1252":
		high = func(b byte) (rune, bool) {
			if b >= 0x80 && b < 0xa0 {
				r := cp1252High[b-0x80]
				return r, r != 0
			}
			return rune(b), true
		}
	default:
		return nil, &SourceError{Path: abs, Kind: ErrNotUTF8, Line: 1, Detail: fmt.Sprintf("(declared encoding %q; UTF-8, Latin-1 and Windows-1252 are supported)", enc)}
	}
	if utf8.Valid(data) && !bytes.ContainsFunc(data, func(r rune) bool { return r >= utf8.RuneSelf }) {
		return data, nil
	}
	out := make([]byte, 0, len(data)+len(data)/8)
	for i, b := range data {
		if b < utf8.RuneSelf {
			out = append(out, b)
			continue
		}
		r, ok := high(b)
		if !ok {
			line := lineAt(data, i)
			return nil, &SourceError{Path: abs, Kind: ErrNotUTF8, Line: line, Detail: fmt.Sprintf("(byte 0x%02x at line %d is not %s)", b, line, enc)}
		}
		out = utf8.AppendRune(out, r)
	}
	return out, nil
}

// invalidUTF8 returns the offset of the first byte that is not part of a
// valid UTF-8 sequence, or -1.
func invalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineAt returns the 1-based line holding byte offset off.
func lineAt(data []byte, off int) int {
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// DiagnosticFor turns an error of ReadSource for f into the diagnostic a
// run reports: the Root-relative path, the line when there is one, and
// the cause without the absolute path.
func DiagnosticFor(f File, err error) finding.Diagnostic {
	d := finding.Diagnostic{Path: f.Path}
	var se *SourceError
	switch {
	case errors.As(err, &se):
		d.Line = se.Line
		d.Message = se.Cause()
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			d.Message = "cannot " + pe.Op + " file: " + pe.Err.Error()
		} else {
			d.Message = err.Error()
		}
	}
	return d
}
