package rules

import (
	"slices"
	"testing"
)

func TestSystemSections(t *testing.T) {
	for _, c := range []struct {
		text  string
		holes int
		want  []bool
	}{
		{"<|im_start|>system\n{}<|im_end|>\n<|im_start|>user\n{}<|im_end|>", 2, []bool{true, false}},
		{"[INST] <<SYS>>\n{}\n<</SYS>>\n\n{} [/INST]", 2, []bool{true, false}},
		{"<|start_header_id|>system<|end_header_id|>\n\n{}<|eot_id|><|start_header_id|>user<|end_header_id|>\n\n{}<|eot_id|>", 2, []bool{true, false}},
		{"<|system|>\n{}<|end|>\n<|user|>\n{}<|end|>", 2, []bool{true, false}},
		{"### Instruction:\n{}\n\n### Input:\n{}\n\n### Response:\n", 2, []bool{true, false}},
		{"<start_of_turn>user\n{}<end_of_turn>", 1, nil},
		{"Answer the question: {}", 1, nil},
		{"<|im_start|>system\n{}", 2, nil},
	} {
		if got := SystemSections(c.text, c.holes); !slices.Equal(got, c.want) {
			t.Errorf("SystemSections(%q, %d) = %v, want %v", c.text, c.holes, got, c.want)
		}
	}
}
