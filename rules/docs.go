package rules

// docs holds each rule's documentation, keyed by rule ID.
var docs = map[string]Doc{}
