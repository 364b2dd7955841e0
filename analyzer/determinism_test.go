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
		for _, jobs := range []int{1, 2, 8, 1, 8} {
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
