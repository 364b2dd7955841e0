package analyzer

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"

	"github.com/llmleak/llmleak/analyzer/discover"
	"github.com/llmleak/llmleak/analyzer/pyparse"
)

// Third-party corpora from Debian packages: Django (python3-django) and
// the CPython standard library. Benchmarks skip when they are absent.
// LLMLEAK_BENCH_CORPORA replaces them: NAME=DIR pairs separated by commas
// (scripts/bench.sh passes a real project this way).
var corpora = map[string]string{
	"Django": "/usr/lib/python3/dist-packages/django",
	"Stdlib": "/usr/lib/python3.11",
}

// corpusNames are the corpora the benchmarks run on, in order.
func corpusNames() []string {
	env := os.Getenv("LLMLEAK_BENCH_CORPORA")
	if env == "" {
		return []string{"Django", "Stdlib"}
	}
	var names []string
	for _, pair := range strings.Split(env, ",") {
		name, dir, ok := strings.Cut(pair, "=")
		if !ok || name == "" || dir == "" {
			continue
		}
		corpora[name] = dir
		names = append(names, name)
	}
	return names
}

// cliMemory applies the collector settings the CLI uses for a scan of
// this size (cmd/llmleak tuneMemory), so the figures are what users get;
// it returns a function that restores the previous settings.
func cliMemory() func() {
	gc := debug.SetGCPercent(200)
	limit := debug.SetMemoryLimit(256 << 20)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

func corpus(b *testing.B, name string) string {
	dir := corpora[name]
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("%s not installed", dir)
	}
	return dir
}

// BenchmarkPipeline is the whole analysis: discovery, reading, parsing to
// IR, module resolution, the taint fixpoint and filtering.
func BenchmarkPipeline(b *testing.B) {
	for _, name := range corpusNames() {
		b.Run(name, func(b *testing.B) {
			dir := corpus(b, name)
			defer cliMemory()()
			for i := 0; i < b.N; i++ {
				res, err := Run(context.Background(), Config{Root: dir})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(res.Lines), "lines")
			}
		})
	}
}

// BenchmarkParseOnly is the baseline: discovery, reading and tree-sitter
// parsing of the same files over the same workers, trees closed at once,
// no IR.
func BenchmarkParseOnly(b *testing.B) {
	for _, name := range corpusNames() {
		b.Run(name, func(b *testing.B) {
			dir := corpus(b, name)
			defer cliMemory()()
			for i := 0; i < b.N; i++ {
				files, _ := discover.Walk(discover.Options{Root: dir, Paths: []string{dir}})
				next := make(chan discover.File)
				var wg sync.WaitGroup
				for w := 0; w < runtime.NumCPU(); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						p := pyparse.New()
						defer p.Close()
						for f := range next {
							src, err := discover.ReadSource(f.Abs)
							if err == nil {
								_ = p.ParseOnly(src)
							}
						}
					}()
				}
				for _, f := range files {
					next <- f
				}
				close(next)
				wg.Wait()
			}
		})
	}
}
