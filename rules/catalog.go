package rules

import (
	"regexp"
	"strings"

	"github.com/llmleak/llmleak/rules/model"
)

// The vocabulary of the catalog is the model schema's (package model):
// these names keep the rest of llmleak independent of where it lives.
type (
	Class    = model.Class
	SinkKind = model.SinkKind
	ArgRole  = model.ArgRole
	ArgSpec  = model.ArgSpec
)

const (
	ClassCert       = model.ClassCert
	ClassPayload    = model.ClassPayload
	ClassCredential = model.ClassCredential
	ClassPII        = model.ClassPII
	ClassUserID     = model.ClassUserID
	ClassSecret     = model.ClassSecret
	ClassError      = model.ClassError
	ClassLog        = model.ClassLog
	ClassInput      = model.ClassInput
	ClassResponse   = model.ClassResponse
	ClassPrompt     = model.ClassPrompt
	ClassToolArg    = model.ClassToolArg
	ClassFwdCert    = model.ClassFwdCert
	ClassVerify     = model.ClassVerify

	SinkLLM      = model.SinkLLM
	SinkLog      = model.SinkLog
	SinkOutput   = model.SinkOutput
	SinkDecision = model.SinkDecision

	RolePrompt   = model.RolePrompt
	RoleSystem   = model.RoleSystem
	RoleMessages = model.RoleMessages
)

// Symbolic kinds of objects the models describe (rules/models/request.toml
// and others): their attributes, methods, items and elements are what the
// rows for "KIND.name", "KIND[]" and "KIND.__iter__" say, not what the
// whole holds.
const (
	TypeRequest    = "@request"
	TypeMeta       = "@request.META"
	TypeHeaders    = "@request.headers"
	TypePayload    = "@payload"
	TypeCookies    = "@request.COOKIES"
	TypeSession    = "@request.session"
	TypeUser       = "@request.user"
	TypeFiles      = "@request.FILES"
	TypeUpload     = "@upload"
	TypeException  = "@exception"
	TypeLogFile    = "@logfile"
	TypeLogPath    = "@logpath"
	TypeLogRecord  = "@logrecord"
	TypeSerializer = "@serializer"
	TypeResponse   = "@response"
	// TypeScalarField is a form or serializer field whose cleaned value
	// is a number, a truth value, a date or a UUID.
	TypeScalarField = "@scalarfield"
	// TypeFileField is a form or serializer field whose cleaned value is
	// an uploaded file: read from cleaned_data or validated_data, it is
	// the upload.
	TypeFileField = "@filefield"
	// TypeModelObject stands for an object of a project model in rows on
	// the methods every model inherits ("@model.save").
	TypeModelObject = "@model"
	// TypeQuerySet is a manager or query of a project model: its element
	// is an object of the model.
	TypeQuerySet = "@queryset"
	// TypeModelField is a field a model class declares: on an object of
	// the model it is the row's value, not the field.
	TypeModelField = "@modelfield"
	// TypePIIField is a model field that holds personal data by its type
	// (an e-mail or IP address field).
	TypePIIField   = "@piifield"
	TypePayloadKey = "@payloadkey"
	TypeScope      = "@channels.scope"
	TypeSettings   = "django.conf.settings"
	TypeEnviron    = "os.environ"
)

var secretLiteral = regexp.MustCompile(`^(sk-(proj-|ant-|live-|test-)?[A-Za-z0-9_\-]{20,}|AKIA[0-9A-Z]{16}|xox[abp]-[A-Za-z0-9\-]{10,}|ghp_[A-Za-z0-9]{30,}|AIza[0-9A-Za-z_\-]{35})$`)

// IsSecretLiteral reports whether a string literal looks like a provider key.
func IsSecretLiteral(s string) bool {
	if len(s) < 20 || !secretLiteral.MatchString(s) {
		return false
	}
	// Placeholders ("sk-xxxxxxxx...", "sk-your-key-here") are not keys.
	return !placeholder(s) && distinctRunes(s[3:]) >= 6
}

// placeholder reports whether a key-shaped string is a stand-in for one.
func placeholder(s string) bool {
	l := strings.ToLower(s)
	for _, p := range []string{"xxxx", "your", "placeholder", "changeme", "<", "..."} {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// distinctRunes counts the different characters of s.
func distinctRunes(s string) int {
	distinct := map[rune]bool{}
	for _, r := range s {
		distinct[r] = true
	}
	return len(distinct)
}

// secretToken finds provider keys and bearer tokens inside any text: an
// f-string, a log format string, a comment, "Bearer sk-...".
var secretToken = regexp.MustCompile(`(sk-(proj-|ant-|live-|test-)?[A-Za-z0-9_\-]{20,}|AKIA[0-9A-Z]{16}|xox[abprs]-[A-Za-z0-9\-]{10,}|gh[pousr]_[A-Za-z0-9]{30,}|AIza[0-9A-Za-z_\-]{35}|(sk|rk)_(live|test)_[0-9A-Za-z]{16,})`)

// bearerToken is the credential after "Bearer " in a header value.
var bearerToken = regexp.MustCompile(`(?i)(bearer\s+)([A-Za-z0-9._~+/=\-]{16,})`)

// RedactTokens cuts every provider key and bearer token inside s to a
// short prefix (Redact), wherever it stands in the text. Placeholders
// ("sk-xxxxxxxx...") are left as they are.
func RedactTokens(s string) string {
	if !strings.ContainsAny(s, "-_") && !strings.Contains(strings.ToLower(s), "bearer") {
		return s
	}
	s = secretToken.ReplaceAllStringFunc(s, func(m string) string {
		if !plausibleKey(m) {
			return m
		}
		return Redact(m)
	})
	return bearerToken.ReplaceAllStringFunc(s, func(m string) string {
		sub := bearerToken.FindStringSubmatch(m)
		if !plausibleKey(sub[2]) {
			return m
		}
		return sub[1] + Redact(sub[2])
	})
}

// plausibleKey reports whether a token could be a real key: no
// placeholder words, and enough distinct characters.
func plausibleKey(s string) bool {
	return !placeholder(s) && distinctRunes(s) >= 8
}

// Redact keeps a short prefix of a secret and hides the rest.
func Redact(s string) string {
	n := 6
	if len(s) <= n {
		return "…"
	}
	return s[:n] + "…"
}

// ChannelsReceive reports whether a consumer method receives the
// client's message in its parameters.
func ChannelsReceive(method string) bool {
	switch method {
	case "receive", "receive_json", "websocket_receive", "receive_bytes", "decode_json":
		return true
	}
	return false
}
