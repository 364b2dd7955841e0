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
	ClassSecret     = model.ClassSecret
	ClassError      = model.ClassError
	ClassLog        = model.ClassLog
	ClassInput      = model.ClassInput
	ClassResponse   = model.ClassResponse
	ClassPrompt     = model.ClassPrompt
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

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// RequestAttr says what reading an attribute of a Django or DRF request
// yields. Type is the symbolic type of the result ("" when it is plain
// data); Classes the sensitivity of the value as a whole.
type RequestAttr struct {
	Type    string
	Classes []Class
}

// Symbolic types of request parts. Values of these types are governed by
// the catalog: their attributes and keys are classified here, not
// inherited from the whole.
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
	TypePayloadKey = "@payload.key"
	TypeScope      = "@channels.scope"
	TypeSettings   = "django.conf.settings"
	TypeEnviron    = "os.environ"
)

var requestAttrs = map[string]RequestAttr{
	"META":           {TypeMeta, []Class{ClassCredential, ClassInput}},
	"environ":        {TypeMeta, []Class{ClassCredential, ClassInput}},
	"headers":        {TypeHeaders, []Class{ClassCredential, ClassInput}},
	"data":           {TypePayload, []Class{ClassPayload, ClassInput}},
	"POST":           {TypePayload, []Class{ClassPayload, ClassInput}},
	"GET":            {TypePayload, []Class{ClassPayload, ClassInput}},
	"body":           {TypePayload, []Class{ClassPayload, ClassInput}},
	"query_params":   {TypePayload, []Class{ClassPayload, ClassInput}},
	"FILES":          {TypeFiles, []Class{ClassPayload, ClassInput}},
	"COOKIES":        {TypeCookies, []Class{ClassCredential, ClassInput}},
	"session":        {TypeSession, []Class{ClassCredential, ClassInput}},
	"auth":           {"", []Class{ClassCredential, ClassInput}},
	"user":           {TypeUser, []Class{ClassPII}},
	"path":           {"", []Class{ClassInput}},
	"path_info":      {"", []Class{ClassInput}},
	"content_type":   {"", []Class{ClassInput}},
	"content_params": {"", []Class{ClassInput}},
}

// requestMethods are request methods whose result is request input.
var requestMethods = map[string][]Class{
	"get_full_path":      {ClassInput},
	"get_full_path_info": {ClassInput},
	"build_absolute_uri": {ClassInput},
	"get_host":           {ClassInput},
	"read":               {ClassPayload, ClassInput},
	"readlines":          {ClassPayload, ClassInput},
}

// RequestAttribute classifies request.<name>.
func RequestAttribute(name string) (RequestAttr, bool) {
	a, ok := requestAttrs[name]
	return a, ok
}

// RequestMethod classifies request.<name>(...).
func RequestMethod(name string) ([]Class, bool) {
	c, ok := requestMethods[name]
	return c, ok
}

var (
	fwdMetaKey    = regexp.MustCompile(`^(HTTP_X_SSL_CLIENT_|HTTP_X_CLIENT_CERT|HTTP_X_FORWARDED_CLIENT_CERT|HTTP_SSL_CLIENT_|HTTP_X_CLIENT_DN)`)
	fwdHeader     = regexp.MustCompile(`^(x-ssl-client-|x-client-cert|x-forwarded-client-cert|ssl-client-|x-client-dn|x-amzn-mtls-clientcert)`)
	verifyKey     = regexp.MustCompile(`(?i)verify`)
	certMetaKey   = regexp.MustCompile(`^(SSL_CLIENT_|HTTP_X_SSL_CLIENT_|HTTP_X_CLIENT_CERT|HTTP_X_FORWARDED_CLIENT_CERT|HTTP_SSL_CLIENT_|HTTP_X_CLIENT_DN|HTTP_X_CLIENT_VERIFY)`)
	credMetaKey   = regexp.MustCompile(`^(HTTP_AUTHORIZATION|HTTP_COOKIE|HTTP_PROXY_AUTHORIZATION|HTTP_X_API_KEY|HTTP_X_AUTH_TOKEN|HTTP_X_CSRFTOKEN|CSRF_COOKIE)$`)
	certHeader    = regexp.MustCompile(`^(x-ssl-client-|x-client-cert|x-forwarded-client-cert|ssl-client-|x-client-dn|x-client-verify|x-amzn-mtls-clientcert)`)
	credHeader    = regexp.MustCompile(`^(authorization|cookie|proxy-authorization|x-api-key|x-auth-token|x-csrftoken|x-access-token|x-amz-security-token)$`)
	credFieldName = regexp.MustCompile(`(?i)(passw|pwd|(^|_)(api_|access_|refresh_|auth_|id_|csrf_|bearer_|session_|reset_|verification_)?token($|_)|secret|api_?key|apikey|(^|_)otp($|_)|credential|private_?key|session_?id|(^|_)auth($|_)|cvv|pin_?code)`)
	piiFieldName  = regexp.MustCompile(`(?i)(e_?mail|phone|mobile|address|(^|_)ssn($|_)|social_security|birth|(^|_)dob($|_)|(full|first|last|given|family|middle|display|real|user|legal|maiden)_?name|surname|passport|national_id|tax_id|iban|card_number|credit_card)`)
	secretName    = regexp.MustCompile(`(?i)(^|_)(SECRET_KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|PRIVATE_KEY|CREDENTIALS?)$`)
	secretLiteral = regexp.MustCompile(`^(sk-(proj-|ant-|live-|test-)?[A-Za-z0-9_\-]{20,}|AKIA[0-9A-Z]{16}|xox[abp]-[A-Za-z0-9\-]{10,}|ghp_[A-Za-z0-9]{30,}|AIza[0-9A-Za-z_\-]{35})$`)
)

// MetaKey classifies request.META[key].
func MetaKey(key string) []Class {
	k := strings.ToUpper(key)
	switch {
	case certMetaKey.MatchString(k) && verifyKey.MatchString(k):
		return []Class{ClassVerify, ClassInput}
	case fwdMetaKey.MatchString(k):
		return []Class{ClassCert, ClassFwdCert, ClassInput}
	case certMetaKey.MatchString(k):
		return []Class{ClassCert, ClassInput}
	case credMetaKey.MatchString(k):
		return []Class{ClassCredential, ClassInput}
	}
	return []Class{ClassInput}
}

// HeaderKey classifies request.headers[key] (names are case-insensitive;
// underscores count as dashes, as Django's HttpHeaders does).
func HeaderKey(key string) []Class {
	k := strings.ReplaceAll(strings.ToLower(key), "_", "-")
	k = strings.TrimPrefix(k, "http-")
	switch {
	case certHeader.MatchString(k) && verifyKey.MatchString(k):
		return []Class{ClassVerify, ClassInput}
	case fwdHeader.MatchString(k):
		return []Class{ClassCert, ClassFwdCert, ClassInput}
	case certHeader.MatchString(k):
		return []Class{ClassCert, ClassInput}
	case credHeader.MatchString(k):
		return []Class{ClassCredential, ClassInput}
	}
	return []Class{ClassInput}
}

// PayloadField classifies one field of a request payload read by a
// constant key: the user's own content, unless the key names a
// credential or PII.
func PayloadField(key string) []Class {
	switch {
	case credFieldName.MatchString(key):
		return []Class{ClassCredential, ClassInput}
	case piiFieldName.MatchString(key):
		return []Class{ClassPII, ClassInput}
	}
	return []Class{ClassInput}
}

// userPII are the attributes and methods of request.user that are PII.
var userPII = setOf("email", "username", "first_name", "last_name", "get_full_name", "get_short_name", "get_username", "phone", "phone_number", "address")

// UserAttr reports whether request.user.<name> is PII.
func UserAttr(name string) bool { return userPII[name] }

// SettingName classifies settings.<name>: a secret, a log path, or
// nothing.
func SettingName(name string) (Class, bool) {
	if secretName.MatchString(name) {
		return ClassSecret, true
	}
	return "", false
}

// IsLogSetting reports whether a settings name holds a log file path.
func IsLogSetting(name string) bool { return logSettingName.MatchString(name) }

// logSettingName matches settings names with LOG as a whole segment
// (AUDIT_LOG_PATH, LOG_FILE, LOGFILE), not CATALOG_PATH.
var logSettingName = regexp.MustCompile(`(?i)(^|_)(LOG|LOGS|LOGFILE|LOG_FILE|LOGDIR)(_|$)`)

// EnvName classifies os.environ[name] / os.getenv(name).
func EnvName(name string) bool { return secretName.MatchString(strings.ToUpper(name)) }

// IsSecretLiteral reports whether a string literal looks like a provider key.
func IsSecretLiteral(s string) bool {
	if len(s) < 20 || !secretLiteral.MatchString(s) {
		return false
	}
	// Placeholders ("sk-xxxxxxxx...", "sk-your-key-here") are not keys.
	l := strings.ToLower(s)
	for _, p := range []string{"xxxx", "your", "placeholder", "changeme", "<", "..."} {
		if strings.Contains(l, p) {
			return false
		}
	}
	distinct := map[rune]bool{}
	for _, r := range s[3:] {
		distinct[r] = true
	}
	return len(distinct) >= 6
}

// IsCredentialName reports whether a keyword argument or field name names
// a credential (api_key=, token=, password=).
func IsCredentialName(name string) bool { return credFieldName.MatchString(name) }

// Redact keeps a short prefix of a secret and hides the rest.
func Redact(s string) string {
	n := 6
	if len(s) <= n {
		return "…"
	}
	return s[:n] + "…"
}

// SystemRole reports whether a role name puts content in the system
// prompt.
func SystemRole(role string) bool { return role == "system" || role == "developer" }

// ScopeKey classifies a Django Channels consumer's self.scope[key]: the
// connection's request parts.
func ScopeKey(key string) (typ string, classes []Class) {
	switch key {
	case "user":
		return TypeUser, []Class{ClassPII}
	case "session":
		return TypeSession, []Class{ClassCredential, ClassInput}
	case "headers", "cookies":
		return "", []Class{ClassCredential, ClassInput}
	}
	return "", []Class{ClassInput}
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

// responseMeta are attributes of a model response that are metadata, not
// model output: token counts, ids, model names, timing.
var responseMeta = setOf("usage", "id", "model", "created", "object", "system_fingerprint", "response_metadata",
	"usage_metadata", "prompt_tokens", "completion_tokens", "total_tokens", "input_tokens", "output_tokens",
	"stop_reason", "finish_reason", "role", "type", "status", "created_at", "model_version", "index", "logprobs",
	// HTTP response metadata, for raw HTTP calls to a model endpoint.
	"headers", "status_code", "url", "cookies", "elapsed", "reason", "ok", "encoding", "history", "links",
	"is_redirect", "next", "request")

// ResponseMeta reports whether response.<name> is metadata.
func ResponseMeta(name string) bool { return responseMeta[name] }
