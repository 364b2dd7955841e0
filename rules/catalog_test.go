package rules

import (
	"reflect"
	"testing"
)

func TestSinkFor(t *testing.T) {
	cases := map[string]SinkKind{
		"openai.OpenAI().chat.completions.create":            SinkLLM,
		"openai.OpenAI().beta.chat.completions.parse":        SinkLLM,
		"openai.ChatCompletion.create":                       SinkLLM,
		"anthropic.Anthropic().messages.stream":              SinkLLM,
		"langchain.ChatModel().ainvoke":                      SinkLLM,
		"litellm.acompletion":                                SinkLLM,
		"logging.Logger().exception":                         SinkLog,
		"builtins.print":                                     SinkLog,
		"sqlite3.connect().cursor().execute":                 SinkOutput,
		"django.db.models.Model.objects.filter().raw":        SinkOutput,
		"django.utils.safestring.mark_safe":                  SinkOutput,
		"boto3.BedrockRuntime().converse":                    SinkLLM,
		"llama_index.QueryEngine().query":                    SinkLLM,
		"google.GenerativeModel().start_chat().send_message": SinkLLM,
	}
	for sym, kind := range cases {
		s := SinkFor(sym)
		if s == nil || s.Kind != kind {
			t.Errorf("SinkFor(%q) = %+v, want kind %d", sym, s, kind)
		}
	}
	for _, sym := range []string{"twilio.rest.Client().messages.create", "app.models.Room.messages.create", "openai.OpenAI().models.list", "builtins.len"} {
		if s := SinkFor(sym); s != nil {
			t.Errorf("SinkFor(%q) = %+v, want none", sym, s)
		}
	}
}

func TestCanonicalClass(t *testing.T) {
	cases := map[string]string{
		"openai.AsyncAzureOpenAI":                                      "openai.OpenAI",
		"groq.Groq":                                                    "openai.OpenAI",
		"langchain_openai.ChatOpenAI":                                  "langchain.ChatModel",
		"langchain_community.chat_models.ChatOllama":                   "langchain.ChatModel",
		"langchain.chains.ConversationalRetrievalChain.from_llm":       "langchain.Runnable",
		"langchain_openai.OpenAIEmbeddings":                            "langchain.Embeddings",
		"llama_index.core.query_engine.RetrieverQueryEngine.from_args": "llama_index.QueryEngine",
		"llama_index.llms.openai.OpenAI":                               "llama_index.LLM",
		"logging.getLogger":                                            "logging.Logger",
		"app.clients.OpenAI":                                           "app.clients.OpenAI",
	}
	for sym, want := range cases {
		if got := CanonicalClass(sym); got != want {
			t.Errorf("CanonicalClass(%q) = %q, want %q", sym, got, want)
		}
	}
}

func TestRequestKeys(t *testing.T) {
	meta := map[string][]Class{
		"SSL_CLIENT_S_DN_CN":       {ClassCert, ClassInput},
		"HTTP_X_SSL_CLIENT_S_DN":   {ClassCert, ClassFwdCert, ClassInput},
		"HTTP_X_SSL_CLIENT_VERIFY": {ClassVerify, ClassInput},
		"HTTP_AUTHORIZATION":       {ClassCredential, ClassInput},
		"REMOTE_ADDR":              {ClassInput},
	}
	for k, want := range meta {
		if got := MetaKey(k); !reflect.DeepEqual(got, want) {
			t.Errorf("MetaKey(%q) = %v, want %v", k, got, want)
		}
	}
	headers := map[string][]Class{
		"X-Forwarded-Client-Cert": {ClassCert, ClassFwdCert, ClassInput},
		"authorization":           {ClassCredential, ClassInput},
		"X_SSL_CLIENT_S_DN":       {ClassCert, ClassFwdCert, ClassInput},
		"Accept-Language":         {ClassInput},
	}
	for k, want := range headers {
		if got := HeaderKey(k); !reflect.DeepEqual(got, want) {
			t.Errorf("HeaderKey(%q) = %v, want %v", k, got, want)
		}
	}
	fields := map[string][]Class{
		"question":      {ClassInput},
		"name":          {ClassInput},
		"max_tokens":    {ClassInput},
		"full_name":     {ClassPII, ClassInput},
		"contact_email": {ClassPII, ClassInput},
		"password":      {ClassCredential, ClassInput},
		"reset_token":   {ClassCredential, ClassInput},
		"author":        {ClassInput},
	}
	for k, want := range fields {
		if got := PayloadField(k); !reflect.DeepEqual(got, want) {
			t.Errorf("PayloadField(%q) = %v, want %v", k, got, want)
		}
	}
}

func TestSecrets(t *testing.T) {
	for _, s := range []string{"sk-proj-9fK2mQ7xLp3vRt8wZy1B", "AKIAIOSFODNN7EXAMPLE"} {
		if !IsSecretLiteral(s) {
			t.Errorf("IsSecretLiteral(%q) = false", s)
		}
	}
	for _, s := range []string{"sk-xxxxxxxxxxxxxxxxxxxxxxxx", "sk-your-key-goes-here-please", "sk-short", "not a key at all, just text"} {
		if IsSecretLiteral(s) {
			t.Errorf("IsSecretLiteral(%q) = true", s)
		}
	}
	if got := Redact("sk-proj-9fK2mQ7xLp3vRt8wZy1B"); got != "sk-pro…" {
		t.Errorf("Redact = %q", got)
	}
	for name, want := range map[string]bool{"SECRET_KEY": true, "OPENAI_API_KEY": true, "DB_PASSWORD": true, "DEBUG": false, "KEYBOARD_LAYOUT": false} {
		if _, got := SettingName(name); got != want {
			t.Errorf("SettingName(%q) = %v, want %v", name, got, want)
		}
	}
	for name, want := range map[string]bool{"AUDIT_LOG_PATH": true, "LOG_FILE": true, "CATALOG_PATH": false} {
		if got := IsLogSetting(name); got != want {
			t.Errorf("IsLogSetting(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestSinkRule(t *testing.T) {
	cases := []struct {
		kind  SinkKind
		class Class
		role  ArgRole
		want  string
	}{
		{SinkLLM, ClassCert, RolePrompt, "LK101"},
		{SinkLLM, ClassInput, RolePrompt, "LK109"},
		{SinkLLM, ClassResponse, RolePrompt, ""},
		{SinkLog, ClassPII, RolePrompt, "LK201"},
		{SinkLog, ClassError, RolePrompt, ""},
		{SinkLog, ClassResponse, RolePrompt, "LK202"},
		{SinkOutput, ClassResponse, RolePrompt, "LK301"},
		{SinkOutput, ClassPayload, RolePrompt, ""},
		{SinkDecision, ClassFwdCert, RolePrompt, "LK401"},
		{SinkDecision, ClassCert, RolePrompt, ""},
	}
	for _, c := range cases {
		if got := SinkRule(c.kind, c.class, c.role); got != c.want {
			t.Errorf("SinkRule(%d, %s) = %q, want %q", c.kind, c.class, got, c.want)
		}
	}
}

func TestOpaque(t *testing.T) {
	for sym, want := range map[string]bool{
		"app.models.Team.objects.filter":       true,
		"django.db.models.QuerySet().restrict": true,
		"~.filter":                             true,
		"django.shortcuts.get_object_or_404":   true,
		"requests.get":                         true,
		"~.search":                             false,
	} {
		if got := Opaque(sym); got != want {
			t.Errorf("Opaque(%q) = %v, want %v", sym, got, want)
		}
	}
}
