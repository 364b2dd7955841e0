package analyzer_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/llmleak/llmleak/analyzer"
)

// TestLoggedPromptShowsOrigin checks that a prompt a helper logs (LK202)
// keeps the helper's own flow first and also shows, as a second flow,
// the request field a view passed in two calls up.
func TestLoggedPromptShowsOrigin(t *testing.T) {
	root := filepath.Join("..", "testdata", "projects", "logging_sinks")
	res, err := analyzer.Run(context.Background(), analyzer.Config{Root: root})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Findings {
		if f.Rule != "LK202" || f.Location.Path != "audit/questions.py" {
			continue
		}
		if len(f.Flows) != 2 {
			t.Fatalf("LK202 at %s:%d has %d flows, want the helper's own and one from the view", f.Location.Path, f.Location.Line, len(f.Flows))
		}
		own, origin := f.Flows[0], f.Flows[1]
		if own.Class != "prompt" || own.Steps[0].Path != "audit/questions.py" {
			t.Errorf("first flow is %s from %s, want the helper's prompt", own.Class, own.Steps[0].Path)
		}
		first, last := origin.Steps[0], origin.Steps[len(origin.Steps)-1]
		if first.Kind != "source" || first.Line != 21 || origin.Source != `request.POST['question']` {
			t.Errorf("origin flow starts at %s:%d (%s %q), want the view's request field at line 21", first.Path, first.Line, first.Kind, origin.Source)
		}
		if last.Kind != "sink" || last.Line != f.Location.Line {
			t.Errorf("origin flow ends at %s:%d (%s), want the log call", last.Path, last.Line, last.Kind)
		}
		if f.Message != "Prompt `prompt` is written to a log by logger.debug" {
			t.Errorf("message %q: the helper's own flow should name the finding", f.Message)
		}
		return
	}
	t.Fatal("no LK202 finding in audit/questions.py")
}
