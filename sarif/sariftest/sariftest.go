// Package sariftest loads the official SARIF 2.1.0 JSON schema for tests
// that validate llmleak's SARIF output. Test support only: nothing but
// tests imports it.
package sariftest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Schema compiles the SARIF 2.1.0 schema committed under testdata/schema
// (draft 2020-12, from the @microsoft/sarif-multitool npm package) with
// format assertions on.
func Schema() (*jsonschema.Schema, error) {
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "testdata", "schema", "sarif-2.1.0.json")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.AssertFormat = true
	const url = "https://llmleak.invalid/sarif-2.1.0.json"
	if err := c.AddResource(url, f); err != nil {
		return nil, err
	}
	return c.Compile(url)
}

// Validate checks a SARIF document against the schema.
func Validate(s *jsonschema.Schema, doc []byte) error {
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		return err
	}
	return s.Validate(v)
}
