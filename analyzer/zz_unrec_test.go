package analyzer

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestZZUnrecognised(t *testing.T) {
	corpus := os.Getenv("LLMLEAK_REALWORLD")
	if corpus == "" {
		t.Skip()
	}
	var sites []rwCallSite
	rwReadJSON(t, filepath.Join(rwDir, "callsites.json"), &sites)
	done := map[string][]string{}
	for _, s := range sites {
		done[s.Repo] = nil
	}
	calls := map[string]*Result{}
	for _, s := range sites {
		res := calls[s.Repo]
		if res == nil {
			var err error
			res, err = Run(context.Background(), Config{Root: filepath.Join(corpus, strings.Replace(s.Repo, "/", "+", 1)), Select: []string{"ALL"}})
			if err != nil {
				t.Fatal(err)
			}
			calls[s.Repo] = res
		}
		if !rwRecognised(res.ModelCalls, s) {
			b, _ := json.Marshal(s)
			t.Log(string(b))
		}
	}
}
