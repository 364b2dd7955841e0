package rules

import (
	"regexp"
	"strings"
)

// Class is a sensitivity class: what kind of data a tainted value holds.
type Class string

const (
	ClassCert       Class = "cert"       // client-certificate identity (mTLS)
	ClassPayload    Class = "payload"    // a whole request body or form
	ClassCredential Class = "credential" // auth headers, cookies, session, credential fields
	ClassPII        Class = "pii"        // user PII
	ClassSecret     Class = "secret"     // settings/env secrets, key literals
	ClassError      Class = "error"      // exception or traceback text
	ClassLog        Class = "log"        // text read from a log
	ClassInput      Class = "input"      // any request-derived value
	ClassResponse   Class = "response"   // a model's response
	ClassPrompt     Class = "prompt"     // a prompt sent to a model
	// ClassFwdCert marks certificate identity read from a header a proxy
	// forwarded (spoofable unless the verify result was checked).
	ClassFwdCert Class = "fwdcert"
	// ClassVerify marks the proxy's certificate verification result.
	ClassVerify Class = "verify"
)

// Describe names a class for messages.
func (c Class) Describe() string {
	switch c {
	case ClassCert:
		return "client-certificate identity"
	case ClassPayload:
		return "whole request payload"
	case ClassCredential:
		return "request credential"
	case ClassPII:
		return "user PII"
	case ClassSecret:
		return "secret"
	case ClassError:
		return "exception text"
	case ClassLog:
		return "log contents"
	case ClassInput:
		return "request input"
	case ClassResponse:
		return "model response"
	case ClassPrompt:
		return "prompt"
	case ClassFwdCert:
		return "forwarded client-certificate header"
	case ClassVerify:
		return "certificate verification result"
	}
	return string(c)
}

// SinkKind is what a sink does with the data it receives.
type SinkKind int

const (
	SinkLLM      SinkKind = iota + 1 // sends text to a model provider
	SinkLog                          // writes a log record or prints
	SinkOutput                       // runs, executes or renders unescaped: code, shell, SQL, HTML
	SinkDecision                     // decides access: a comparison, membership test or user lookup
)

// ArgRole is the part of a prompt an argument fills.
type ArgRole int

const (
	RolePrompt   ArgRole = iota // user content
	RoleSystem                  // system prompt / instructions
	RoleMessages                // a list of role-tagged messages
)

// ArgSpec selects the arguments of a sink call that carry data to it:
// the positional argument at Pos (-1 for none) or the keyword Kw ("" for
// none). All selects every argument.
type ArgSpec struct {
	Pos  int
	Kw   string
	Role ArgRole
	All  bool
}

// Sink is a call that sends its data to a model or a log. Sym is the
// canonical symbol of the called function or method: the import path,
// "()" for an instance, then attributes, e.g.
// "openai.OpenAI().chat.completions.create".
type Sink struct {
	Sym   string
	Kind  SinkKind
	Label string
	Args  []ArgSpec
}

var (
	allArgs    = []ArgSpec{{Pos: -1, All: true}}
	firstOrKw  = func(kw string) []ArgSpec { return []ArgSpec{{Pos: 0, Kw: kw}} }
	messagesKw = ArgSpec{Pos: -1, Kw: "messages", Role: RoleMessages}
)

// sinkTable lists the sinks. Each entry expands "{a,b}" alternatives in
// its Sym, so one row covers a family of methods.
var sinkTable = []Sink{
	// OpenAI v1 clients (openai.OpenAI() covers AsyncOpenAI and Azure; see families).
	{Sym: "openai.OpenAI().{chat.completions,beta.chat.completions}.{create,parse,stream}", Kind: SinkLLM, Label: "OpenAI chat.completions", Args: []ArgSpec{messagesKw}},
	{Sym: "openai.OpenAI().responses.{create,parse,stream}", Kind: SinkLLM, Label: "OpenAI responses", Args: []ArgSpec{{Pos: -1, Kw: "input", Role: RoleMessages}, {Pos: -1, Kw: "instructions", Role: RoleSystem}}},
	{Sym: "openai.OpenAI().beta.threads.messages.create", Kind: SinkLLM, Label: "OpenAI Assistants thread message", Args: []ArgSpec{{Pos: -1, Kw: "content"}}},
	{Sym: "openai.OpenAI().beta.threads.{create,create_and_run,runs.create}", Kind: SinkLLM, Label: "OpenAI Assistants", Args: []ArgSpec{{Pos: -1, Kw: "messages", Role: RoleMessages}, {Pos: -1, Kw: "thread"}, {Pos: -1, Kw: "instructions", Role: RoleSystem}, {Pos: -1, Kw: "additional_instructions", Role: RoleSystem}}},
	{Sym: "openai.OpenAI().completions.create", Kind: SinkLLM, Label: "OpenAI completions", Args: []ArgSpec{{Pos: -1, Kw: "prompt"}}},
	{Sym: "openai.OpenAI().embeddings.create", Kind: SinkLLM, Label: "OpenAI embeddings", Args: []ArgSpec{{Pos: -1, Kw: "input"}}},
	// OpenAI v0 module-level API.
	{Sym: "openai.ChatCompletion.{create,acreate}", Kind: SinkLLM, Label: "OpenAI ChatCompletion (v0)", Args: []ArgSpec{messagesKw}},
	{Sym: "openai.Completion.{create,acreate}", Kind: SinkLLM, Label: "OpenAI Completion (v0)", Args: []ArgSpec{{Pos: -1, Kw: "prompt"}}},
	{Sym: "openai.Embedding.{create,acreate}", Kind: SinkLLM, Label: "OpenAI Embedding (v0)", Args: []ArgSpec{{Pos: -1, Kw: "input"}}},
	// Anthropic.
	{Sym: "anthropic.Anthropic().{messages,beta.messages}.{create,stream}", Kind: SinkLLM, Label: "Anthropic messages", Args: []ArgSpec{messagesKw, {Pos: -1, Kw: "system", Role: RoleSystem}}},
	{Sym: "anthropic.Anthropic().completions.create", Kind: SinkLLM, Label: "Anthropic completions", Args: []ArgSpec{{Pos: -1, Kw: "prompt"}}},
	// LangChain chat models, LLMs, chains and LCEL runnables.
	{Sym: "langchain.ChatModel().{invoke,ainvoke,stream,astream,batch,abatch,predict,apredict,predict_messages,apredict_messages,generate,agenerate,call_as_llm,__call__}", Kind: SinkLLM, Label: "LangChain chat model", Args: []ArgSpec{{Pos: 0, Kw: "input", Role: RoleMessages}, {Pos: -1, Kw: "messages", Role: RoleMessages}, {Pos: -1, Kw: "text"}}},
	{Sym: "langchain.Embeddings().{embed_query,embed_documents,aembed_query,aembed_documents}", Kind: SinkLLM, Label: "LangChain embeddings", Args: []ArgSpec{{Pos: 0, Kw: "text"}, {Pos: -1, Kw: "texts"}}},
	{Sym: "langchain.Runnable().{invoke,ainvoke,stream,astream,batch,abatch,run,arun,predict,apredict,__call__}", Kind: SinkLLM, Label: "LangChain chain", Args: allArgs},
	// LiteLLM.
	{Sym: "litellm.{completion,acompletion,text_completion,atext_completion,embedding,aembedding}", Kind: SinkLLM, Label: "LiteLLM", Args: []ArgSpec{messagesKw, {Pos: -1, Kw: "prompt"}, {Pos: -1, Kw: "input"}}},

	// LlamaIndex: query and chat engines built from an index, and LLM classes.
	{Sym: "llama_index.QueryEngine().{query,aquery}", Kind: SinkLLM, Label: "LlamaIndex query engine", Args: []ArgSpec{{Pos: 0, Kw: "str_or_query_bundle"}}},
	{Sym: "llama_index.ChatEngine().{chat,achat,stream_chat,astream_chat}", Kind: SinkLLM, Label: "LlamaIndex chat engine", Args: []ArgSpec{{Pos: 0, Kw: "message"}, {Pos: -1, Kw: "chat_history", Role: RoleMessages}}},
	{Sym: "llama_index.LLM().{complete,acomplete,stream_complete,astream_complete}", Kind: SinkLLM, Label: "LlamaIndex LLM", Args: []ArgSpec{{Pos: 0, Kw: "prompt"}}},
	{Sym: "llama_index.LLM().{chat,achat,stream_chat,astream_chat}", Kind: SinkLLM, Label: "LlamaIndex LLM", Args: []ArgSpec{{Pos: 0, Kw: "messages", Role: RoleMessages}}},
	{Sym: "llama_index.LLM().{chat_with_tools,achat_with_tools,structured_predict,astructured_predict,predict,apredict}", Kind: SinkLLM, Label: "LlamaIndex LLM", Args: []ArgSpec{{Pos: 0}, {Pos: -1, Kw: "chat_history", Role: RoleMessages}, {Pos: -1, Kw: "user_msg"}, {Pos: -1, Kw: "prompt"}}},
	// Simon Willison's llm library.
	{Sym: "llm.Model().{prompt,chat}", Kind: SinkLLM, Label: "llm model", Args: []ArgSpec{{Pos: 0, Kw: "prompt"}, {Pos: -1, Kw: "system", Role: RoleSystem}}},
	{Sym: "llm.Model().conversation().{prompt,chain}", Kind: SinkLLM, Label: "llm conversation", Args: []ArgSpec{{Pos: 0, Kw: "prompt"}, {Pos: -1, Kw: "system", Role: RoleSystem}}},
	// Google Gemini: google-generativeai, Vertex AI, and the google-genai client.
	{Sym: "google.GenerativeModel().{generate_content,generate_content_async,count_tokens}", Kind: SinkLLM, Label: "Gemini generate_content", Args: []ArgSpec{{Pos: 0, Kw: "contents", Role: RoleMessages}}},
	{Sym: "google.GenerativeModel().start_chat().{send_message,send_message_async}", Kind: SinkLLM, Label: "Gemini chat", Args: []ArgSpec{{Pos: 0, Kw: "content"}}},
	{Sym: "google.genai.Client().{models,aio.models}.{generate_content,generate_content_stream,embed_content}", Kind: SinkLLM, Label: "Gemini generate_content", Args: []ArgSpec{{Pos: -1, Kw: "contents", Role: RoleMessages}}},
	{Sym: "google.genai.Client().{chats,aio.chats}.create().{send_message,send_message_stream}", Kind: SinkLLM, Label: "Gemini chat", Args: []ArgSpec{{Pos: 0, Kw: "message"}}},
	// Cohere.
	{Sym: "cohere.Client().{chat,chat_stream}", Kind: SinkLLM, Label: "Cohere chat", Args: []ArgSpec{{Pos: -1, Kw: "message"}, messagesKw, {Pos: -1, Kw: "preamble", Role: RoleSystem}, {Pos: -1, Kw: "chat_history", Role: RoleMessages}}},
	{Sym: "cohere.Client().generate", Kind: SinkLLM, Label: "Cohere generate", Args: []ArgSpec{{Pos: -1, Kw: "prompt"}}},
	{Sym: "cohere.Client().{embed,rerank}", Kind: SinkLLM, Label: "Cohere embed", Args: []ArgSpec{{Pos: -1, Kw: "texts"}, {Pos: -1, Kw: "query"}, {Pos: -1, Kw: "documents"}}},
	// Mistral.
	{Sym: "mistralai.Mistral().chat.{complete,complete_async,stream,stream_async}", Kind: SinkLLM, Label: "Mistral chat", Args: []ArgSpec{messagesKw}},
	{Sym: "mistralai.Mistral().fim.{complete,complete_async}", Kind: SinkLLM, Label: "Mistral FIM", Args: []ArgSpec{{Pos: -1, Kw: "prompt"}}},
	{Sym: "mistralai.Mistral().embeddings.create", Kind: SinkLLM, Label: "Mistral embeddings", Args: []ArgSpec{{Pos: -1, Kw: "inputs"}}},
	{Sym: "mistralai.client.MistralClient().{chat,chat_stream}", Kind: SinkLLM, Label: "Mistral chat", Args: []ArgSpec{{Pos: -1, Kw: "messages", Role: RoleMessages}, {Pos: 1, Kw: ""}}},
	// Ollama.
	{Sym: "ollama.{chat,generate,embeddings,embed}", Kind: SinkLLM, Label: "Ollama", Args: []ArgSpec{{Pos: 1, Kw: "messages", Role: RoleMessages}, {Pos: -1, Kw: "prompt"}, {Pos: -1, Kw: "input"}, {Pos: -1, Kw: "system", Role: RoleSystem}}},
	{Sym: "ollama.Client().{chat,generate,embeddings,embed}", Kind: SinkLLM, Label: "Ollama", Args: []ArgSpec{{Pos: 1, Kw: "messages", Role: RoleMessages}, {Pos: -1, Kw: "prompt"}, {Pos: -1, Kw: "input"}, {Pos: -1, Kw: "system", Role: RoleSystem}}},
	// AWS Bedrock runtime (boto3.client("bedrock-runtime")).
	{Sym: "boto3.BedrockRuntime().{invoke_model,invoke_model_with_response_stream}", Kind: SinkLLM, Label: "Bedrock invoke_model", Args: []ArgSpec{{Pos: -1, Kw: "body"}}},
	{Sym: "boto3.BedrockRuntime().{converse,converse_stream}", Kind: SinkLLM, Label: "Bedrock converse", Args: []ArgSpec{messagesKw, {Pos: -1, Kw: "system", Role: RoleSystem}}},
	{Sym: "boto3.BedrockAgentRuntime().{retrieve_and_generate,invoke_agent}", Kind: SinkLLM, Label: "Bedrock agent", Args: []ArgSpec{{Pos: -1, Kw: "input"}, {Pos: -1, Kw: "inputText"}}},
	// Hugging Face.
	{Sym: "huggingface_hub.InferenceClient().{text_generation,summarization,translation,question_answering,feature_extraction,sentence_similarity,text_classification}", Kind: SinkLLM, Label: "Hugging Face inference", Args: []ArgSpec{{Pos: 0, Kw: "prompt"}, {Pos: -1, Kw: "text"}, {Pos: -1, Kw: "question"}, {Pos: -1, Kw: "context"}}},
	{Sym: "huggingface_hub.InferenceClient().chat_completion", Kind: SinkLLM, Label: "Hugging Face chat", Args: []ArgSpec{{Pos: 0, Kw: "messages", Role: RoleMessages}}},
	{Sym: "huggingface_hub.InferenceClient().chat.completions.create", Kind: SinkLLM, Label: "Hugging Face chat", Args: []ArgSpec{messagesKw}},
	{Sym: "transformers.pipeline().__call__", Kind: SinkLLM, Label: "Hugging Face pipeline", Args: []ArgSpec{{Pos: 0, Kw: "text_inputs"}, {Pos: -1, Kw: "inputs"}}},

	// Output handling (LK301): code, shell, SQL and HTML.
	{Sym: "builtins.{eval,exec,compile}", Kind: SinkOutput, Label: "eval/exec", Args: []ArgSpec{{Pos: 0, Kw: "source"}}},
	{Sym: "subprocess.{run,call,check_call,check_output,Popen,getoutput,getstatusoutput}", Kind: SinkOutput, Label: "subprocess", Args: []ArgSpec{{Pos: 0, Kw: "args"}, {Pos: -1, Kw: "cmd"}}},
	{Sym: "os.{system,popen,execl,execlp,execv,execvp,spawnl,spawnv}", Kind: SinkOutput, Label: "os shell", Args: []ArgSpec{{Pos: 0, Kw: "command"}, {Pos: 1}}},
	{Sym: "asyncio.{create_subprocess_shell,create_subprocess_exec}", Kind: SinkOutput, Label: "subprocess", Args: []ArgSpec{{Pos: 0, Kw: "cmd"}}},
	{Sym: "django.db.models.{RawSQL,expressions.RawSQL}", Kind: SinkOutput, Label: "RawSQL", Args: []ArgSpec{{Pos: 0, Kw: "sql"}}},
	{Sym: "django.utils.safestring.{mark_safe,SafeString,SafeText}", Kind: SinkOutput, Label: "mark_safe", Args: []ArgSpec{{Pos: 0, Kw: "s"}}},
	{Sym: "django.utils.html.format_html", Kind: SinkOutput, Label: "format_html format string", Args: []ArgSpec{{Pos: 0, Kw: "format_string"}}},
	{Sym: "markupsafe.Markup", Kind: SinkOutput, Label: "Markup", Args: []ArgSpec{{Pos: 0}}},

	// Logging.
	{Sym: "logging.Logger().{debug,info,warning,warn,error,exception,critical,fatal,log}", Kind: SinkLog, Label: "logging", Args: allArgs},
	{Sym: "logging.{debug,info,warning,warn,error,exception,critical,fatal,log}", Kind: SinkLog, Label: "logging", Args: allArgs},
	{Sym: "structlog.Logger().{debug,info,warning,warn,error,exception,critical,fatal,msg,log}", Kind: SinkLog, Label: "structlog", Args: allArgs},
	{Sym: "loguru.logger.{trace,debug,info,success,warning,error,critical,exception,log}", Kind: SinkLog, Label: "loguru", Args: allArgs},
	{Sym: "builtins.print", Kind: SinkLog, Label: "print", Args: allArgs},
}

// families maps a class symbol to the canonical symbol of its family, so
// one sink row covers AsyncOpenAI, AzureOpenAI and the rest.
var families = map[string]string{
	"openai.OpenAI":                         "openai.OpenAI",
	"openai.AsyncOpenAI":                    "openai.OpenAI",
	"openai.AzureOpenAI":                    "openai.OpenAI",
	"openai.AsyncAzureOpenAI":               "openai.OpenAI",
	"openai.Client":                         "openai.OpenAI",
	"openai.AsyncClient":                    "openai.OpenAI",
	"anthropic.Anthropic":                   "anthropic.Anthropic",
	"anthropic.AsyncAnthropic":              "anthropic.Anthropic",
	"anthropic.AnthropicBedrock":            "anthropic.Anthropic",
	"anthropic.AnthropicVertex":             "anthropic.Anthropic",
	"anthropic.AsyncAnthropicBedrock":       "anthropic.Anthropic",
	"anthropic.AsyncAnthropicVertex":        "anthropic.Anthropic",
	"anthropic.Client":                      "anthropic.Anthropic",
	"logging.Logger":                        "logging.Logger",
	"logging.getLogger":                     "logging.Logger",
	"logging.getLoggerClass":                "logging.Logger",
	"structlog.get_logger":                  "structlog.Logger",
	"structlog.getLogger":                   "structlog.Logger",
	"structlog.stdlib.get_logger":           "structlog.Logger",
	"structlog.Logger().bind":               "structlog.Logger",
	"structlog.Logger().new":                "structlog.Logger",
	"loguru.logger.bind":                    "loguru.logger",
	"loguru.logger.opt":                     "loguru.logger",
	"langchain.chat_models.init_chat_model": "langchain.ChatModel",
	// Methods that return a configured copy of a client or model.
	"openai.OpenAI().with_options":                 "openai.OpenAI",
	"openai.OpenAI().copy":                         "openai.OpenAI",
	"anthropic.Anthropic().with_options":           "anthropic.Anthropic",
	"langchain.ChatModel().with_structured_output": "langchain.Runnable",
	"langchain.ChatModel().bind_tools":             "langchain.Runnable",
	"langchain.ChatModel().bind":                   "langchain.Runnable",
	"langchain.ChatModel().with_config":            "langchain.ChatModel",
	"langchain.ChatModel().with_retry":             "langchain.Runnable",
	"langchain.ChatModel().with_fallbacks":         "langchain.Runnable",
	"langchain.Runnable().with_config":             "langchain.Runnable",
	"langchain.Runnable().with_retry":              "langchain.Runnable",
	"langchain.Runnable().with_fallbacks":          "langchain.Runnable",
	"langchain.Runnable().with_structured_output":  "langchain.Runnable",
	"langchain.Runnable().bind":                    "langchain.Runnable",
	// OpenAI-compatible clients share the OpenAI v1 surface.
	"groq.Groq":                                          "openai.OpenAI",
	"groq.AsyncGroq":                                     "openai.OpenAI",
	"together.Together":                                  "openai.OpenAI",
	"together.AsyncTogether":                             "openai.OpenAI",
	"cerebras.cloud.sdk.Cerebras":                        "openai.OpenAI",
	"fireworks.client.Fireworks":                         "openai.OpenAI",
	"google.generativeai.GenerativeModel":                "google.GenerativeModel",
	"vertexai.generative_models.GenerativeModel":         "google.GenerativeModel",
	"vertexai.preview.generative_models.GenerativeModel": "google.GenerativeModel",
	"google.genai.Client":                                "google.genai.Client",
	"cohere.Client":                                      "cohere.Client",
	"cohere.ClientV2":                                    "cohere.Client",
	"cohere.AsyncClient":                                 "cohere.Client",
	"cohere.AsyncClientV2":                               "cohere.Client",
	"mistralai.Mistral":                                  "mistralai.Mistral",
	"mistralai.client.MistralClient":                     "mistralai.client.MistralClient",
	"ollama.Client":                                      "ollama.Client",
	"ollama.AsyncClient":                                 "ollama.Client",
	"huggingface_hub.InferenceClient":                    "huggingface_hub.InferenceClient",
	"huggingface_hub.AsyncInferenceClient":               "huggingface_hub.InferenceClient",
	"transformers.pipeline":                              "transformers.pipeline",
	"llm.get_model":                                      "llm.Model",
	"llm.get_async_model":                                "llm.Model",
}

// moduleClients are SDK modules that act as a default client: the OpenAI
// v1 module proxies openai.chat.completions.create to an implicit OpenAI().
var moduleClients = map[string]map[string]bool{
	"openai": setOf("chat", "responses", "completions", "embeddings", "beta", "moderations", "files", "models", "images", "audio"),
}

// ModuleClient returns the instance symbol a module attribute stands for
// ("openai" + "chat" -> "openai.OpenAI()"), or "".
func ModuleClient(module, attr string) string {
	if moduleClients[module][attr] {
		return CanonicalClass(module+".OpenAI") + "()"
	}
	return ""
}

// langchainModelNames are LangChain chat model and LLM classes; imported
// from any langchain package they construct a langchain.ChatModel.
var langchainModelNames = setOf(
	"ChatOpenAI", "AzureChatOpenAI", "ChatAnthropic", "ChatOllama", "ChatBedrock", "ChatBedrockConverse",
	"ChatGoogleGenerativeAI", "ChatVertexAI", "ChatMistralAI", "ChatCohere", "ChatGroq", "ChatTogether",
	"ChatFireworks", "ChatHuggingFace", "ChatLiteLLM", "ChatDeepSeek", "ChatXAI", "ChatPerplexity",
	"OpenAI", "AzureOpenAI", "Ollama", "OllamaLLM", "Anthropic", "Bedrock", "BedrockLLM", "VertexAI",
	"HuggingFaceEndpoint", "HuggingFacePipeline", "Cohere", "GoogleGenerativeAI",
)

// langchainChainNames are chain classes that call a model when run.
var langchainChainNames = setOf(
	"LLMChain", "ConversationChain", "ConversationalRetrievalChain", "RetrievalQA", "RetrievalQAWithSourcesChain",
	"StuffDocumentsChain", "MapReduceDocumentsChain", "AgentExecutor", "SequentialChain", "SimpleSequentialChain",
)

// langchainChainConstructors are class methods that build a chain.
var langchainChainConstructors = setOf("from_llm", "from_chain_type", "from_llm_and_tools", "from_agent_and_tools")

// langchainTemplateNames build prompts; piped into a model they make a chain.
var langchainTemplateNames = setOf("PromptTemplate", "ChatPromptTemplate", "MessagesPlaceholder", "FewShotPromptTemplate")

// CanonicalClass returns the family symbol of a class or factory symbol
// (before "()" is added), or the symbol itself.
func CanonicalClass(sym string) string {
	if c, ok := families[sym]; ok {
		return c
	}
	name := sym[strings.LastIndexByte(sym, '.')+1:]
	switch {
	case strings.HasPrefix(sym, "langchain"):
		switch {
		case langchainModelNames[name]:
			return "langchain.ChatModel"
		case langchainChainNames[name]:
			return "langchain.Runnable"
		case strings.HasSuffix(name, "Embeddings") && name != "Embeddings":
			return "langchain.Embeddings"
		case langchainChainConstructors[name]:
			// ConversationalRetrievalChain.from_llm(...), RetrievalQA.from_chain_type(...)
			owner := strings.TrimSuffix(sym, "."+name)
			if langchainChainNames[owner[strings.LastIndexByte(owner, '.')+1:]] {
				return "langchain.Runnable"
			}
		}
	case strings.HasPrefix(sym, "llama_index"):
		owner := strings.TrimSuffix(sym, "."+name)
		ownerName := owner[strings.LastIndexByte(owner, '.')+1:]
		switch {
		case name == "as_query_engine" || name == "as_retriever_query_engine":
			return "llama_index.QueryEngine"
		case name == "as_chat_engine":
			return "llama_index.ChatEngine"
		case strings.HasSuffix(name, "QueryEngine") || (strings.HasPrefix(name, "from_") && strings.HasSuffix(ownerName, "QueryEngine")):
			return "llama_index.QueryEngine"
		case strings.HasSuffix(name, "ChatEngine") || (strings.HasPrefix(name, "from_") && strings.HasSuffix(ownerName, "ChatEngine")):
			return "llama_index.ChatEngine"
		case strings.Contains(sym, ".llms.") && !strings.Contains(sym, "()"):
			return "llama_index.LLM"
		}
	case strings.HasPrefix(sym, "google.genai.") && strings.HasSuffix(sym, ".Client"):
		return "google.genai.Client"
	}
	return sym
}

// IsLangChainPromptSym reports whether sym is a LangChain prompt template
// or something built from one (PromptTemplate.from_template(...)).
func IsLangChainPromptSym(sym string) bool {
	if !strings.HasPrefix(sym, "langchain") {
		return false
	}
	for name := range langchainTemplateNames {
		if strings.Contains(sym, "."+name) {
			return true
		}
	}
	return false
}

// IsModelSym reports whether an instance symbol is a LangChain model or
// runnable: piping anything into it makes a runnable that calls a model.
func IsModelSym(sym string) bool {
	return sym == "langchain.ChatModel()" || sym == "langchain.Runnable()"
}

var sinkIndex = func() map[string]*Sink {
	idx := map[string]*Sink{}
	for i := range sinkTable {
		s := &sinkTable[i]
		for _, sym := range expandBraces(s.Sym) {
			idx[sym] = s
		}
	}
	return idx
}()

// specialSyms are external symbols the engine gives a meaning of their
// own (sources, sanitizers, builtins it models).
var specialSyms = []string{
	"os.environ", "os.getenv", "builtins.open", "io.open", "codecs.open", "pathlib.Path", "pathlib.PurePath",
	"os.path.join", "json.loads", "json.dumps", "copy.copy", "copy.deepcopy", "ast.literal_eval",
	"django.conf.settings", "traceback", "sys.exc_info", "sys.exception", "hashlib", "hmac", "uuid", "secrets",
	"boto3.client", "boto3.Session().client", "boto3.session.Session().client",
	"requests", "httpx", "aiohttp.ClientSession()", "requests.Session()", "httpx.Client()", "httpx.AsyncClient()",
}

// knownPrefixes holds every dotted prefix of a symbol the catalog knows.
var knownPrefixes = func() map[string]bool {
	m := map[string]bool{}
	add := func(sym string) {
		for i := 0; i < len(sym); i++ {
			if sym[i] == '.' || sym[i] == '(' {
				m[sym[:i]] = true
			}
		}
		m[sym] = true
	}
	for sym := range sinkIndex {
		add(sym)
	}
	for member, canon := range families {
		add(member)
		add(canon + "()")
	}
	for _, s := range specialSyms {
		add(s)
	}
	for s := range CallSources {
		add(s)
	}
	for s := range httpPosts {
		add(s)
	}
	for s := range responseEscapers {
		add(s)
	}
	add("django.http.HttpResponse")
	add("django.http.response.HttpResponse")
	add("django.db.connection.cursor()")
	add("django.db.connections[].cursor()")
	add("django.contrib.auth.authenticate")
	return m
}()

// KnownSym reports whether the engine can do anything with a symbol: a
// catalog type, or a prefix of a sink, source, family or modelled call.
// Values stored in summaries keep only known symbols, so unrelated
// library calls do not churn the fixpoint.
func KnownSym(sym string) bool {
	if sym == "" || sym == "~" || strings.HasPrefix(sym, "@") || strings.HasPrefix(sym, "langchain") || strings.HasPrefix(sym, "llama_index") || strings.HasPrefix(sym, "django.conf.settings") {
		return true
	}
	if knownPrefixes[sym] {
		return true
	}
	for _, p := range []string{"hashlib.", "hmac.", "uuid.", "secrets.", "traceback.", "django.utils.crypto.", "django.contrib.auth.hashers."} {
		if strings.HasPrefix(sym, p) {
			return true
		}
	}
	return false
}

// sqlExecute is the sink of a DB-API cursor's execute: any symbol
// ending in "cursor().execute", whatever the driver.
var sqlExecute = &Sink{Kind: SinkOutput, Label: "cursor.execute", Args: []ArgSpec{{Pos: 0, Kw: "sql"}, {Pos: 0, Kw: "query"}, {Pos: -1, Kw: "operation"}}}

// ormRaw is the sink of QuerySet.raw and .extra.
var ormRaw = &Sink{Kind: SinkOutput, Label: "QuerySet.raw/extra", Args: []ArgSpec{{Pos: 0, Kw: "raw_query"}, {Pos: -1, Kw: "where"}, {Pos: -1, Kw: "select"}, {Pos: -1, Kw: "tables"}, {Pos: -1, Kw: "order_by"}}}

// httpResponse is the sink of an HTML HttpResponse.
var httpResponse = &Sink{Kind: SinkOutput, Label: "HttpResponse (HTML)", Args: []ArgSpec{{Pos: 0, Kw: "content"}}}

// SinkFor returns the sink a canonical call symbol names, or nil.
func SinkFor(sym string) *Sink {
	if s := sinkIndex[sym]; s != nil {
		return s
	}
	switch {
	case strings.HasSuffix(sym, "cursor().execute"), strings.HasSuffix(sym, "cursor().executemany"), strings.HasSuffix(sym, "cursor().executescript"):
		return sqlExecute
	case strings.Contains(sym, ".objects") && (strings.HasSuffix(sym, ".raw") || strings.HasSuffix(sym, ".extra")):
		return ormRaw
	}
	return nil
}

// IsHTMLResponse reports whether sym builds a Django HttpResponse whose
// content type is decided by a content_type argument (HTML by default).
func IsHTMLResponse(sym string) bool {
	return sym == "django.http.HttpResponse" || sym == "django.http.response.HttpResponse"
}

// HTMLResponseSink returns the HttpResponse sink.
func HTMLResponseSink() *Sink { return httpResponse }

// responseEscapers make model output safe for the sink they prepare it
// for (HTML, shell); they do not make other data less sensitive.
var responseEscapers = setOf("django.utils.html.escape", "django.utils.html.conditional_escape", "html.escape",
	"shlex.quote", "bleach.clean", "markupsafe.escape", "django.utils.html.escapejs", "django.utils.html.strip_tags")

// IsResponseEscaper reports whether sym neutralizes model output.
func IsResponseEscaper(sym string) bool { return responseEscapers[sym] }

// IsAccessLookup reports whether a call looks a user or a permission up
// by the values it is given: ORM queries and authentication.
func IsAccessLookup(sym string) bool {
	return Opaque(sym) || sym == "django.contrib.auth.authenticate" || strings.HasSuffix(sym, ".get_by_natural_key") ||
		sym == "django.contrib.auth.get_user_model().objects.get"
}

// expandBraces expands each "{a,b}" group into its alternatives.
func expandBraces(s string) []string {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i:], '}') + i
	var out []string
	for _, alt := range strings.Split(s[i+1:j], ",") {
		for _, rest := range expandBraces(s[j+1:]) {
			out = append(out, s[:i]+alt+rest)
		}
	}
	return out
}

func setOf(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// ---------------------------------------------------------------------------
// Sources

// Sanitizers are calls whose result carries none of their arguments'
// sensitive data. A trailing ".*" covers a whole module.
var sanitizers = []string{
	"builtins.len", "builtins.bool", "builtins.int", "builtins.float", "builtins.hash", "builtins.id",
	"builtins.isinstance", "builtins.issubclass", "builtins.callable", "builtins.type", "builtins.round",
	"builtins.abs", "builtins.hasattr",
	"hashlib.*", "hmac.*", "uuid.*", "secrets.*",
	"django.utils.crypto.*", "django.contrib.auth.hashers.*",
}

// IsSanitizer reports whether calling sym yields clean data.
func IsSanitizer(sym string) bool {
	for _, s := range sanitizers {
		if strings.HasSuffix(s, ".*") {
			if strings.HasPrefix(sym, s[:len(s)-1]) {
				return true
			}
		} else if sym == s {
			return true
		}
	}
	return false
}

// Opaque reports whether a call's result should not inherit its
// arguments' taint: ORM queries and lookups return model instances, not
// the values they were filtered by.
func Opaque(sym string) bool {
	if strings.Contains(sym, ".objects.") || strings.HasSuffix(sym, ".objects") ||
		strings.Contains(sym, "._default_manager") || strings.Contains(sym, "._base_manager") ||
		sym == "django.shortcuts.get_object_or_404" || sym == "django.shortcuts.get_list_or_404" {
		return true
	}
	// Calling a view in-process (View.as_view()(request)) returns a
	// response, not the request it was given.
	if strings.HasSuffix(sym, ".as_view().__call__") {
		return true
	}
	// An HTTP client call returns the server's response, not the headers
	// or body it sent (a POST to a model endpoint is a sink of its own).
	for _, p := range []string{"requests.", "httpx.", "aiohttp.", "urllib.request.", "urllib3."} {
		if strings.HasPrefix(sym, p) {
			return true
		}
	}
	// A QuerySet or Manager method (on a project subclass, or chained).
	name := sym[strings.LastIndexByte(sym, '.')+1:]
	owner := strings.TrimSuffix(sym, "."+name)
	if !ormMethods[name] {
		return false
	}
	if owner == "~" || strings.Contains(owner, "QuerySet") || strings.Contains(owner, "Manager") || strings.Contains(owner, ".models.Model") {
		return true
	}
	// A query chained on a query: X.objects.filter(...).filter(...).first()
	return strings.HasSuffix(owner, "()") && Opaque(strings.TrimSuffix(owner, "()"))
}

// ormMethods return rows (or counts) selected by their arguments, not
// the arguments.
var ormMethods = func() map[string]bool {
	m := setOf("filter", "exclude", "get", "get_or_create", "update_or_create", "annotate", "order_by", "values",
		"values_list", "select_related", "prefetch_related", "only", "defer", "distinct", "all", "first", "last", "count",
		"exists", "aggregate", "none", "union", "intersection", "difference", "in_bulk", "latest", "earliest", "using",
		"restrict", "create", "bulk_create", "bulk_update", "update", "delete", "iterator", "select_for_update", "contains")
	// The async twins (acreate, aget, aupdate_or_create...).
	for name := range m {
		m["a"+name] = true
	}
	return m
}()

// CallSources are calls whose result is sensitive on its own.
var CallSources = map[string]Class{
	"traceback.format_exc":                        ClassError,
	"traceback.format_exception":                  ClassError,
	"traceback.format_exception_only":             ClassError,
	"traceback.format_tb":                         ClassError,
	"traceback.format_stack":                      ClassError,
	"traceback.extract_tb":                        ClassError,
	"traceback.TracebackException.from_exception": ClassError,
	"sys.exc_info":                                ClassError,
	"sys.exception":                               ClassError,
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

// encoders are library calls whose result is their input re-encoded: a
// secret passed through them is still the secret. Any other library call
// is given a secret to use (a key, a signing secret), not to return.
var encoders = []string{"base64.", "binascii.", "codecs.", "urllib.parse.", "json.", "textwrap.", "html.", "string.",
	"shlex.", "pprint.", "reprlib.", "builtins.", "copy.", "operator.", "functools.", "itertools.", "collections."}

// KeepsSecret reports whether the result of calling sym carries the
// secrets it was given.
func KeepsSecret(sym string) bool {
	for _, p := range encoders {
		if strings.HasPrefix(sym, p) {
			return true
		}
	}
	// A regex's or string-like object's transformation returns its input
	// transformed (PATTERN.sub("", value)).
	return transformers[sym[strings.LastIndexByte(sym, '.')+1:]] || strings.HasPrefix(sym, "re.")
}

var transformers = setOf("sub", "subn", "replace", "strip", "lstrip", "rstrip", "lower", "upper", "title", "casefold",
	"format", "format_map", "join", "encode", "decode", "split", "rsplit", "splitlines", "partition", "rpartition",
	"expandtabs", "zfill", "ljust", "rjust", "center", "removeprefix", "removesuffix", "quote", "quote_plus",
	"unquote", "unquote_plus", "escape", "dumps", "b64encode", "urlsafe_b64encode", "hexlify", "translate")

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

// langchainMessageRoles maps LangChain message classes (and message
// prompt templates) to the role their content lands in.
var langchainMessageRoles = map[string]string{
	"SystemMessage": "system", "HumanMessage": "user", "AIMessage": "assistant", "ChatMessage": "",
	"SystemMessagePromptTemplate": "system", "HumanMessagePromptTemplate": "user", "AIMessagePromptTemplate": "assistant",
	"ChatMessagePromptTemplate": "",
}

// LangChainMessageRole returns the role of a LangChain message class
// symbol ("langchain_core.messages.SystemMessage" -> "system"), and
// whether sym is one. A constructor like from_template keeps the role.
func LangChainMessageRole(sym string) (string, bool) {
	if strings.HasPrefix(sym, "llama_index") && strings.HasSuffix(sym, ".ChatMessage") {
		return "user", true
	}
	if !strings.HasPrefix(sym, "langchain") {
		return "", false
	}
	parts := strings.Split(sym, ".")
	for i := len(parts) - 1; i >= 0 && i >= len(parts)-2; i-- {
		if r, ok := langchainMessageRoles[parts[i]]; ok {
			return r, true
		}
	}
	return "", false
}

// SystemRole reports whether a role name puts content in the system
// prompt.
func SystemRole(role string) bool { return role == "system" || role == "developer" }

// llmURL matches URLs of model endpoints: API paths and provider hosts.
var llmURL = regexp.MustCompile(`(?i)(/chat/completions|/v1/completions|/v1/messages|/v1/responses|/v1/embeddings|/api/(generate|chat|embed|embeddings)([/?]|$)|:generatecontent|:streamgeneratecontent|api\.openai\.com|\.openai\.azure\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|aiplatform\.googleapis\.com|api\.mistral\.ai|api\.groq\.com|api\.together\.(xyz|ai)|openrouter\.ai|api\.cohere\.(ai|com)|api\.deepseek\.com|api-inference\.huggingface\.co|bedrock-runtime\.)`)

// IsLLMURL reports whether a URL (or URL template) names a model endpoint.
func IsLLMURL(u string) bool { return llmURL.MatchString(u) }

// httpPosts are HTTP client calls that send a body: requests, httpx and
// aiohttp. The URL is the first argument or url=.
var httpPosts = setOf(
	"requests.post", "requests.put", "requests.patch", "requests.request",
	"requests.Session().post", "requests.Session().put", "requests.Session().request",
	"requests.sessions.Session().post", "requests.session().post",
	"httpx.post", "httpx.put", "httpx.request", "httpx.stream",
	"httpx.Client().post", "httpx.Client().put", "httpx.Client().request", "httpx.Client().stream",
	"httpx.AsyncClient().post", "httpx.AsyncClient().put", "httpx.AsyncClient().request", "httpx.AsyncClient().stream",
	"aiohttp.ClientSession().post", "aiohttp.ClientSession().put", "aiohttp.ClientSession().request",
	"urllib.request.Request",
)

// IsHTTPPost reports whether sym is an HTTP call that sends a body.
func IsHTTPPost(sym string) bool { return httpPosts[sym] }

// HTTPBodySink is the sink used for a POST to a model endpoint.
var HTTPBodySink = &Sink{Kind: SinkLLM, Label: "HTTP request to a model endpoint", Args: []ArgSpec{
	{Pos: -1, Kw: "json", Role: RoleMessages}, {Pos: -1, Kw: "data"}, {Pos: -1, Kw: "content"}, {Pos: -1, Kw: "body"},
}}

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

// IsLogPath reports whether a literal path names a log file.
func IsLogPath(s string) bool {
	l := strings.ToLower(s)
	return strings.HasSuffix(l, ".log") || strings.Contains(l, ".log.")
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

// SinkRule maps a class reaching a sink kind to the rule it breaks, or "".
func SinkRule(kind SinkKind, c Class, role ArgRole) string {
	switch kind {
	case SinkLLM:
		switch c {
		case ClassCert:
			return "LK101"
		case ClassPayload:
			return "LK102"
		case ClassCredential:
			return "LK103"
		case ClassPII:
			return "LK104"
		case ClassSecret:
			return "LK105"
		case ClassError:
			return "LK106"
		case ClassLog:
			return "LK107"
		case ClassInput:
			return "LK109"
		}
	case SinkLog:
		switch c {
		case ClassCert, ClassPayload, ClassCredential, ClassPII, ClassSecret:
			return "LK201"
		case ClassResponse, ClassPrompt:
			return "LK202"
		}
	case SinkOutput:
		if c == ClassResponse {
			return "LK301"
		}
	case SinkDecision:
		if c == ClassFwdCert {
			return "LK401"
		}
	}
	return ""
}
