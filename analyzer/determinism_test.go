package analyzer

import (
	"bytes"
	"context"
	"testing"

	"github.com/llmleak/llmleak/analyzer/report"
	"github.com/llmleak/llmleak/rules"
)

// TestDeterministicAcrossJobs scans every fixture project with one, two
// and eight workers, twice each, and requires byte-identical JSON.
func TestDeterministicAcrossJobs(t *testing.T) {
	for _, dir := range fixtureProjects(t) {
		var first []byte
		// 99999999 asks for more workers than there are files: capped.
		for _, jobs := range []int{1, 2, 8, 1, 99999999} {
			res, err := Run(context.Background(), Config{Root: dir, Jobs: jobs, Select: []string{"ALL"}})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			in := &report.Input{Findings: res.Findings, Diagnostics: res.Diagnostics, Rules: rules.All(), Root: res.Root, Files: res.Files, Lines: res.Lines, Version: "test"}
			if err := report.JSON(&b, in); err != nil {
				t.Fatal(err)
			}
			if first == nil {
				first = b.Bytes()
				continue
			}
			if !bytes.Equal(first, b.Bytes()) {
				t.Errorf("%s: output with --jobs %d differs from --jobs 1", dir, jobs)
			}
		}
	}
}

func TestCapJobs(t *testing.T) {
	for _, c := range []struct{ jobs, files, want int }{
		{1, 10, 1}, {8, 3, 3}, {99999999, 100000, maxJobs}, {4, 0, 1},
	} {
		if got := capJobs(c.jobs, c.files); got != c.want {
			t.Errorf("capJobs(%d, %d) = %d, want %d", c.jobs, c.files, got, c.want)
		}
	}
}
