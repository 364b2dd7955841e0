package rules

import (
	"sync"

	"github.com/llmleak/llmleak/rules/model"
	"github.com/llmleak/llmleak/rules/models"
)

var (
	builtinOnce sync.Once
	builtinSet  *model.Set
	builtinErr  error
)

// Models returns the built-in library models (rules/models/*.toml),
// loaded and checked once. An error means a model file is broken: a bug
// of the build, which the tests catch.
func Models() (*model.Set, error) {
	builtinOnce.Do(func() {
		builtinSet, builtinErr = model.Load(models.FS)
	})
	return builtinSet, builtinErr
}

// Rows turns the project's catalog into model rows, in front of which
// its own [[models]] rows stand: the shorthands [[sources]], [[sinks]]
// and sanitizers are rows of one kind each.
func (c UserCatalog) Rows() []*model.Row {
	rows := append([]*model.Row{}, c.Models...)
	for _, s := range c.Sinks {
		r := &model.Row{Kind: model.KindSink, Sym: s.Name, Sink: s.Kind, Label: s.Name, User: true}
		for _, p := range s.Positions {
			r.Args = append(r.Args, ArgSpec{Pos: p})
		}
		for _, k := range s.Keywords {
			r.Args = append(r.Args, ArgSpec{Pos: -1, Kw: k})
		}
		rows = append(rows, r)
	}
	for _, s := range c.Sanitizers {
		rows = append(rows, &model.Row{Kind: model.KindSanitizer, Sym: s, User: true})
	}
	for _, s := range c.Sources {
		classes := []Class{s.Class}
		// What the request carries is request input as well.
		if s.Class != ClassInput && s.Class != ClassSecret && s.Class != ClassLog && s.Class != ClassError {
			classes = append(classes, ClassInput)
		}
		rows = append(rows, &model.Row{Kind: model.KindSource, Sym: s.Name, Classes: classes, User: true})
	}
	for _, r := range rows {
		r.User = true
	}
	return rows
}
