package rules

import "regexp"

// The raw chat-template formats models are prompted with as one string:
// markers that open and close a role's section. Request input inside a
// system (or instruction) section is in the system role (LK108).
var templateMarker = regexp.MustCompile(`<\|im_start\|>\s*([A-Za-z_]+)|<\|im_end\|>|<</?SYS>>|<\|start_header_id\|>\s*([A-Za-z_]+)\s*<\|end_header_id\|>|<\|eot_id\|>|<\|(system|user|assistant)\|>|<\|end\|>|<start_of_turn>\s*([A-Za-z_]+)|<end_of_turn>|###\s*(System|Instruction|Input|Response|User|Assistant)\s*:`)

// SystemSections reports, for each of the holes of a template text (each
// "{}" in it, in order), whether the hole lies in a system or instruction
// section of a chat template: ChatML (<|im_start|>system), Llama 2
// (<<SYS>> ... <</SYS>>), Llama 3 (<|start_header_id|>system), Phi
// (<|system|>), Gemma (<start_of_turn>system) and Alpaca (### System: /
// ### Instruction:). It returns nil when no hole is in one, or when the
// text does not have holes holes.
func SystemSections(text string, holes int) []bool {
	if holes == 0 || !templateMarker.MatchString(text) {
		return nil
	}
	out := make([]bool, 0, holes)
	in, any := false, false
	rest := text
	for {
		hole := indexHole(rest)
		seg := rest
		if hole >= 0 {
			seg = rest[:hole]
		}
		for _, m := range templateMarker.FindAllStringSubmatch(seg, -1) {
			in = opensSystem(m)
		}
		if hole < 0 {
			break
		}
		out = append(out, in)
		any = any || in
		rest = rest[hole+2:]
	}
	if len(out) != holes || !any {
		return nil
	}
	return out
}

func indexHole(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '{' && s[i+1] == '}' {
			return i
		}
	}
	return -1
}

// opensSystem is the state a marker leaves: inside a system section or
// not.
func opensSystem(m []string) bool {
	switch {
	case m[1] != "":
		return m[1] == "system"
	case m[2] != "":
		return m[2] == "system"
	case m[3] != "":
		return m[3] == "system"
	case m[4] != "":
		return m[4] == "system"
	case m[5] != "":
		return m[5] == "System" || m[5] == "Instruction"
	}
	return m[0] == "<<SYS>>"
}
