package config

import (
	"strconv"
	"strings"
)

// The TOML decoder keeps key positions to itself, so error lines are
// found by reading the file again: each table header and each `key =`
// line, with the table it sits in, is recorded as a full key path. This
// is not a TOML parser — the decoder has accepted the file by the time a
// line is looked up — only enough of one to place keys.

// keyLine is a key path defined on a line. An array-of-tables element is
// a component made by index ("#0" for the first [[sinks]]).
type keyLine struct {
	key  []string
	line int
}

// scanKeys lists the keys defined in data, in file order.
func scanKeys(data []byte) []keyLine {
	var out []keyLine
	var table []string
	counts := map[string]int{} // [[array]] occurrences, by dotted path
	inMultiline := ""          // the closing quote of an open multi-line string
	for i, raw := range strings.Split(string(data), "\n") {
		line := i + 1
		s := strings.TrimSpace(raw)
		if inMultiline != "" {
			if strings.Contains(s, inMultiline) {
				inMultiline = ""
			}
			continue
		}
		switch {
		case s == "" || s[0] == '#':
			continue
		case strings.HasPrefix(s, "[["):
			k, _ := parseKey(strings.TrimSpace(s[2:]))
			path := strings.Join(k, "\x00")
			n := counts[path]
			counts[path] = n + 1
			table = append(k, index(n))
			out = append(out, keyLine{key: append([]string(nil), table...), line: line})
			continue
		case s[0] == '[':
			k, _ := parseKey(strings.TrimSpace(s[1:]))
			table = k
			out = append(out, keyLine{key: append([]string(nil), table...), line: line})
			continue
		}
		k, rest := parseKey(s)
		rest = strings.TrimSpace(rest)
		if len(k) == 0 || !strings.HasPrefix(rest, "=") {
			continue
		}
		out = append(out, keyLine{key: append(append([]string(nil), table...), k...), line: line})
		value := strings.TrimSpace(rest[1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) && !strings.Contains(value[3:], q) {
				inMultiline = q
			}
		}
	}
	return out
}

// parseKey reads a dotted key at the start of s (bare or quoted parts) and
// returns it with the rest of s.
func parseKey(s string) ([]string, string) {
	var key []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return key, s
		}
		var part string
		switch s[0] {
		case '"':
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return nil, ""
			}
			u, err := strconv.Unquote(s[:end+1])
			if err != nil {
				return nil, ""
			}
			part, s = u, s[end+1:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return nil, ""
			}
			part, s = s[1:end+1], s[end+2:]
		default:
			end := 0
			for end < len(s) && isBareKeyByte(s[end]) {
				end++
			}
			if end == 0 {
				return key, s
			}
			part, s = s[:end], s[end:]
		}
		key = append(key, part)
		t := strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(t, ".") {
			return key, t
		}
		s = t[1:]
	}
}

func isBareKeyByte(b byte) bool {
	return b == '_' || b == '-' || (b >= '0' && b <= '9') || (b|0x20 >= 'a' && b|0x20 <= 'z')
}

// line returns the line that defines key, or of its nearest defined
// ancestor (a key inside an inline table is placed on the table's line),
// or 0. A key without array indexes matches any element of an array of
// tables, as the decoder names keys that way.
func (p *parser) line(key []string) int {
	for n := len(key); n > 0; n-- {
		want := key[:n]
		for _, kl := range p.lines {
			if keysMatch(want, kl.key) {
				return kl.line
			}
		}
	}
	return 0
}

func keysMatch(want, have []string) bool {
	if equalKeys(want, have) {
		return true
	}
	for _, w := range want {
		if _, ok := arrayIndex(w); ok {
			return false
		}
	}
	var stripped []string
	for _, h := range have {
		if _, ok := arrayIndex(h); !ok {
			stripped = append(stripped, h)
		}
	}
	return equalKeys(want, stripped)
}
