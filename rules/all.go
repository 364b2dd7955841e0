package rules

// All returns every rule in ID order, with its documentation attached.
func All() []*Rule { return table }

func init() {
	for _, r := range table {
		if d, ok := docs[r.ID]; ok {
			r.Doc = d
		}
	}
}
