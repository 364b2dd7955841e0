//go:build cgo

package pyparse

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchDir is the corpus of the benchmarks; LLMLEAK_BENCH_DIR overrides it
// (e.g. /usr/lib/python3.11 where Django is not installed).
func benchDir() string {
	if d := os.Getenv("LLMLEAK_BENCH_DIR"); d != "" {
		return d
	}
	return "/usr/lib/python3/dist-packages/django"
}

// loadCorpus reads every .py file under the benchmark directory once.
func loadCorpus(b *testing.B) ([][]byte, int64) {
	b.Helper()
	dir := benchDir()
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("benchmark corpus %s absent", dir)
	}
	var files [][]byte
	var total int64
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		files = append(files, data)
		total += int64(len(data))
		return nil
	})
	if err != nil || len(files) == 0 {
		b.Skipf("no Python files under %s", dir)
	}
	return files, total
}

func BenchmarkParseOnly(b *testing.B) {
	files, total := loadCorpus(b)
	p := New()
	defer p.Close()
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if err := p.ParseOnly(f); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkParseIR(b *testing.B) {
	files, total := loadCorpus(b)
	p := New()
	defer p.Close()
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if _, err := p.Parse("bench.py", f); err != nil {
				b.Fatal(err)
			}
		}
	}
}
