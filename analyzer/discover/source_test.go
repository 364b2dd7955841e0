package discover

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "mod.py")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadSourceValid(t *testing.T) {
	src := "# café\nprint('ok')\n"
	got, err := ReadSource(writeFile(t, []byte(src)))
	if err != nil || string(got) != src {
		t.Fatalf("ReadSource = %q, %v", got, err)
	}
	got, err = ReadSource(writeFile(t, nil))
	if err != nil || len(got) != 0 {
		t.Fatalf("empty file: %q, %v", got, err)
	}
}

func TestReadSourceStripsBOM(t *testing.T) {
	got, err := ReadSource(writeFile(t, []byte("\xEF\xBB\xBFimport os\n")))
	if err != nil || string(got) != "import os\n" {
		t.Fatalf("ReadSource = %q, %v", got, err)
	}
	// Only a leading BOM is a BOM.
	got, err = ReadSource(writeFile(t, []byte("x = '\xEF\xBB\xBF'\n")))
	if err != nil || string(got) != "x = '\xEF\xBB\xBF'\n" {
		t.Fatalf("ReadSource = %q, %v", got, err)
	}
}

// sourceError checks err is a *SourceError of kind naming path and
// holding every fragment.
func sourceError(t *testing.T, err error, kind error, path string, line int, fragments ...string) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("err = %v, want kind %v", err, kind)
	}
	var se *SourceError
	if !errors.As(err, &se) {
		t.Fatalf("err %v is not a *SourceError", err)
	}
	if se.Line != line {
		t.Errorf("Line = %d, want %d", se.Line, line)
	}
	if !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("error %q does not name %s", err, path)
	}
	for _, f := range fragments {
		if !strings.Contains(err.Error(), f) {
			t.Errorf("error %q lacks %q", err, f)
		}
	}
}

func TestReadSourceBinary(t *testing.T) {
	p := writeFile(t, []byte("a = 1\n\x00\x01\x02"))
	_, err := ReadSource(p)
	sourceError(t, err, ErrBinary, p, 2, "binary file", "offset 6")

	// A NUL far past the first 8 KiB is found too.
	data := []byte(strings.Repeat("x = 1\n", 3000) + "\x00")
	p = writeFile(t, data)
	_, err = ReadSource(p)
	sourceError(t, err, ErrBinary, p, 3001)
}

func TestReadSourceNotUTF8(t *testing.T) {
	// Latin-1 "é" on line 3, byte 9.
	p := writeFile(t, []byte("import os\n\nname = '\xe9t\xe9'\n"))
	_, err := ReadSource(p)
	sourceError(t, err, ErrNotUTF8, p, 3, "not valid UTF-8", "line 3, byte 9", "0xe9")

	// Line numbers count from after a stripped BOM the same way.
	p = writeFile(t, []byte("\xEF\xBB\xBF# ok\n# \xff\n"))
	_, err = ReadSource(p)
	sourceError(t, err, ErrNotUTF8, p, 2, "line 2, byte 3")

	// A truncated multi-byte sequence at the end of the file.
	p = writeFile(t, []byte("x = 1\ny = 2\nz = '\xe2\x82'"))
	_, err = ReadSource(p)
	sourceError(t, err, ErrNotUTF8, p, 3)

	// UTF-16 is reported as such, not as binary.
	p = writeFile(t, []byte("\xFF\xFEi\x00m\x00"))
	_, err = ReadSource(p)
	sourceError(t, err, ErrNotUTF8, p, 1, "UTF-16")
}

func TestReadSourceTooLarge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.py")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 10); err != nil { // sparse
		t.Fatal(err)
	}
	f.Close()
	_, err = ReadSource(p)
	sourceError(t, err, ErrTooLarge, p, 0, "file too large (4194314 bytes, limit 4194304)")

	// With a small limit: at the limit is fine, one byte more is not.
	open := func(name string) (fs.File, error) { return os.Open(name) }
	p = writeFile(t, []byte("x = 1\n"))
	if _, err := readSource(p, 6, open); err != nil {
		t.Errorf("file at the limit: %v", err)
	}
	_, err = readSource(p, 5, open)
	sourceError(t, err, ErrTooLarge, p, 0, "(6 bytes, limit 5)")
}

// growingFile reports a small size but reads more: a file written to
// while it is read.
type growingFile struct {
	*os.File
	fakeSize int64
}

type fakeInfo struct {
	fs.FileInfo
	size int64
}

func (i fakeInfo) Size() int64 { return i.size }

func (g growingFile) Stat() (fs.FileInfo, error) {
	info, err := g.File.Stat()
	if err != nil {
		return nil, err
	}
	return fakeInfo{info, g.fakeSize}, nil
}

func TestReadSourceFileGrows(t *testing.T) {
	p := writeFile(t, []byte(strings.Repeat("x", 100)))
	open := func(name string) (fs.File, error) {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		return growingFile{f, 1}, nil
	}
	_, err := readSource(p, 10, open)
	sourceError(t, err, ErrTooLarge, p, 0, "(11 bytes, limit 10)")
}

func TestReadSourceUnreadable(t *testing.T) {
	p := writeFile(t, []byte("x = 1\n"))
	denied := func(name string) (fs.File, error) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	_, err := readSource(p, MaxFileSize, denied)
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), p) {
		t.Errorf("err = %v, want a permission error naming %s", err, p)
	}
	if d := DiagnosticFor(File{Path: "mod.py", Abs: p}, err); d.Path != "mod.py" || d.Message != "cannot open file: permission denied" {
		t.Errorf("diagnostic = %+v", d)
	}

	_, err = ReadSource(filepath.Join(t.TempDir(), "missing.py"))
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: err = %v", err)
	}
	_, err = ReadSource(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: err = %v", err)
	}
}

func TestReadSourceUnreadableChmod(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions; TestReadSourceUnreadable simulates the case")
	}
	p := writeFile(t, []byte("x = 1\n"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	_, err := ReadSource(p)
	if !errors.Is(err, fs.ErrPermission) || !strings.Contains(err.Error(), p) {
		t.Errorf("err = %v, want a permission error naming %s", err, p)
	}
}

// BenchmarkReadSource reads a 200 KB source file; with -benchmem it
// shows the bytes allocated per read (the file's size, not twice it).
func BenchmarkReadSource(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.py")
	line := "value = compute(alpha, beta, gamma)  # a line of ordinary code\n"
	if err := os.WriteFile(path, []byte(strings.Repeat(line, 200_000/len(line))), 0o644); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ReadSource(path); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadAllSized reads whole inputs whatever size it was told: more
// than the input, exactly it, and less (a file that grew since Stat).
func TestReadAllSized(t *testing.T) {
	text := strings.Repeat("x = 1\n", 3000)
	for _, size := range []int64{0, 1, int64(len(text)), int64(len(text)) + 1, 1 << 20} {
		got, err := readAllSized(strings.NewReader(text), size)
		if err != nil || string(got) != text {
			t.Errorf("size %d: read %d bytes, err %v; want %d", size, len(got), err, len(text))
		}
	}
}
