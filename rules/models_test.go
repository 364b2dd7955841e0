package rules

import (
	"reflect"
	"testing"

	"github.com/llmleak/llmleak/rules/model"
)

func builtin(t *testing.T) *model.Set {
	t.Helper()
	s, err := Models()
	if err != nil {
		t.Fatalf("built-in models: %v", err)
	}
	return s
}

func TestModelSinks(t *testing.T) {
	s := builtin(t)
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
		r := s.First(model.KindSink, sym)
		if r == nil || r.Sink != kind {
			t.Errorf("sink row for %q = %+v, want kind %d", sym, r, kind)
		}
	}
	for _, sym := range []string{"twilio.rest.Client().messages.create", "app.models.Room.messages.create", "openai.OpenAI().models.list", "builtins.len"} {
		if r := s.First(model.KindSink, sym); r != nil {
			t.Errorf("sink row for %q = %s:%d, want none", sym, r.Pos.File, r.Pos.Line)
		}
	}
}

func TestModelTypes(t *testing.T) {
	s := builtin(t)
	cases := map[string]string{
		"openai.AsyncAzureOpenAI":                                      "openai.OpenAI()",
		"groq.Groq":                                                    "openai.OpenAI()",
		"langchain_openai.ChatOpenAI":                                  "langchain.ChatModel()",
		"langchain_community.chat_models.ChatOllama":                   "langchain.ChatModel()",
		"langchain.chains.ConversationalRetrievalChain.from_llm":       "langchain.Runnable()",
		"langchain_openai.OpenAIEmbeddings":                            "langchain.Embeddings()",
		"llama_index.core.query_engine.RetrieverQueryEngine.from_args": "llama_index.QueryEngine()",
		"llama_index.llms.openai.OpenAI":                               "llama_index.LLM()",
		"logging.getLogger":                                            "logging.Logger()",
		"app.clients.OpenAI":                                           "",
		"langchain_core.embeddings.Embeddings":                         "",
	}
	for sym, want := range cases {
		got := ""
		if r := s.First(model.KindType, sym); r != nil {
			got = r.Returns
		}
		if got != want {
			t.Errorf("type of %q = %q, want %q", sym, got, want)
		}
	}
}

func TestModelLookups(t *testing.T) {
	s := builtin(t)
	for sym, want := range map[string]bool{
		"app.models.Team.objects.filter":         true,
		"django.db.models.QuerySet().restrict":   true,
		"~.filter":                               true,
		"django.shortcuts.get_object_or_404":     true,
		"requests.get":                           true,
		"~.search":                               false,
		"app.models.Team.objects.filter().first": true,
	} {
		if got := s.First(model.KindLookup, sym) != nil; got != want {
			t.Errorf("lookup row for %q: %v, want %v", sym, got, want)
		}
	}
}

// The order rows are tried in: a conditional sink before the lookup that
// answers when its condition fails; an exact propagator before a
// wildcard one.
func TestModelOrder(t *testing.T) {
	s := builtin(t)
	rows := s.Rows("requests.post")
	if len(rows) < 2 || rows[0].Kind != model.KindSink || rows[len(rows)-1].Kind != model.KindLookup {
		t.Errorf("requests.post rows: %v", kindsOf(rows))
	}
	rows = s.Of(model.KindPropagator, "os.path.join")
	if len(rows) < 2 || rows[0].Result != model.ResultNone {
		t.Errorf("os.path.join propagators: first is %+v", rows[0])
	}
}

func kindsOf(rows []*model.Row) []model.Kind {
	out := make([]model.Kind, len(rows))
	for i, r := range rows {
		out[i] = r.Kind
	}
	return out
}

// itemClasses are the classes the first item row of sym that holds for a
// constant key gives.
func itemClasses(t *testing.T, s *model.Set, sym, key string) []Class {
	t.Helper()
	for _, r := range s.Rows(sym) {
		if r.On != model.OnItem {
			continue
		}
		if r.If != nil && (r.If.KeyRe == nil || !r.If.KeyRe.MatchString(key)) {
			continue
		}
		if r.Kind == model.KindSource {
			return r.Classes
		}
		return nil
	}
	return nil
}

func TestRequestKeyRows(t *testing.T) {
	s := builtin(t)
	cases := []struct {
		sym, key string
		want     []Class
	}{
		{"@request.META[]", "SSL_CLIENT_S_DN_CN", []Class{ClassCert, ClassInput}},
		{"@request.META[]", "HTTP_X_SSL_CLIENT_S_DN", []Class{ClassCert, ClassFwdCert, ClassInput}},
		{"@request.META[]", "HTTP_X_SSL_CLIENT_VERIFY", []Class{ClassVerify, ClassInput}},
		{"@request.META[]", "HTTP_X_CLIENT_VERIFY", []Class{ClassVerify, ClassInput}},
		{"@request.META[]", "HTTP_AUTHORIZATION", []Class{ClassCredential, ClassInput}},
		{"@request.META[]", "REMOTE_ADDR", []Class{ClassInput}},
		{"@request.headers[]", "X-Forwarded-Client-Cert", []Class{ClassCert, ClassFwdCert, ClassInput}},
		{"@request.headers[]", "authorization", []Class{ClassCredential, ClassInput}},
		{"@request.headers[]", "X_SSL_CLIENT_S_DN", []Class{ClassCert, ClassFwdCert, ClassInput}},
		{"@request.headers[]", "HTTP_AUTHORIZATION", []Class{ClassCredential, ClassInput}},
		{"@request.headers[]", "Accept-Language", []Class{ClassInput}},
		{"@payload[]", "question", []Class{ClassInput}},
		{"@payload[]", "name", []Class{ClassInput}},
		{"@payload[]", "max_tokens", []Class{ClassInput}},
		{"@payload[]", "full_name", []Class{ClassPII, ClassInput}},
		{"@payload[]", "contact_email", []Class{ClassPII, ClassInput}},
		{"@payload[]", "password", []Class{ClassCredential, ClassInput}},
		{"@payload[]", "reset_token", []Class{ClassCredential, ClassInput}},
		{"@payload[]", "author", []Class{ClassInput}},
		{"os.environ[]", "OPENAI_API_KEY", []Class{ClassSecret}},
		{"os.environ[]", "HOME", nil},
	}
	for _, c := range cases {
		if got := itemClasses(t, s, c.sym, c.key); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q: %v, want %v", c.sym, c.key, got, c.want)
		}
	}
}

func TestNamePatterns(t *testing.T) {
	s := builtin(t)
	for pattern, names := range map[string]map[string]bool{
		"secret_name": {"SECRET_KEY": true, "OPENAI_API_KEY": true, "DB_PASSWORD": true, "DEBUG": false, "KEYBOARD_LAYOUT": false},
		"log_setting": {"AUDIT_LOG_PATH": true, "LOG_FILE": true, "CATALOG_PATH": false},
	} {
		re := s.Pattern(pattern)
		if re == nil {
			t.Fatalf("no pattern %s", pattern)
		}
		for name, want := range names {
			if got := re.MatchString(name); got != want {
				t.Errorf("%s(%q) = %v, want %v", pattern, name, got, want)
			}
		}
	}
}
