// Package model is the schema of llmleak's library models: what an SDK,
// Django or the standard library does, one fact a row. The engine applies
// rows; it does not know libraries by name. Built-in rows live in
// rules/models/*.toml; users write rows of the same schema in their
// configuration.
//
// This package is a leaf: it must not import the rest of llmleak.
package model

import "regexp"

// Class is a sensitivity class: what kind of data a tainted value holds.
type Class string

const (
	ClassCert       Class = "cert"       // client-certificate identity (mTLS)
	ClassPayload    Class = "payload"    // a whole request body or form
	ClassCredential Class = "credential" // auth headers, cookies, session, credential fields
	ClassPII        Class = "pii"        // user PII
	// ClassUserID is the acting user's own identifier (request.user
	// rendered, its username): PII in a prompt, never a log finding.
	ClassUserID   Class = "userid"
	ClassSecret   Class = "secret"   // settings/env secrets, key literals
	ClassError    Class = "error"    // exception or traceback text
	ClassLog      Class = "log"      // text read from a log
	ClassInput    Class = "input"    // any request-derived value
	ClassResponse Class = "response" // a model's response
	// ClassToolArg is one argument of a tool call a model asked for, read
	// by its name: model output, but a part, not the response text.
	ClassToolArg Class = "toolarg"
	ClassPrompt  Class = "prompt" // a prompt sent to a model
	// ClassFwdCert marks certificate identity read from a header a proxy
	// forwarded (spoofable unless the verify result was checked).
	ClassFwdCert Class = "fwdcert"
	// ClassVerify marks the proxy's certificate verification result.
	ClassVerify Class = "verify"
)

// rowClasses are the classes a row may name.
var rowClasses = []Class{ClassCert, ClassPayload, ClassCredential, ClassPII, ClassUserID, ClassSecret, ClassError, ClassLog,
	ClassInput, ClassResponse, ClassFwdCert, ClassVerify}

// Describe names a class for messages.
func (c Class) Describe() string {
	switch c {
	case ClassCert:
		return "client-certificate identity"
	case ClassPayload:
		return "whole request payload"
	case ClassCredential:
		return "request credential"
	case ClassPII, ClassUserID:
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
	case ClassToolArg:
		return "tool-call argument"
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

var sinkKinds = map[string]SinkKind{"llm": SinkLLM, "log": SinkLog, "output": SinkOutput, "decision": SinkDecision}

// ArgRole is the part of a prompt an argument fills.
type ArgRole int

const (
	RolePrompt   ArgRole = iota // user content
	RoleSystem                  // system prompt / instructions
	RoleMessages                // a list of role-tagged messages
)

var argRoles = map[string]ArgRole{"user": RolePrompt, "system": RoleSystem, "messages": RoleMessages}

// ArgSpec selects arguments of a call: the positional argument at Pos (-1
// for none) or the keyword Kw ("" for none). All selects every argument.
// Role is the part of a prompt the argument fills, for LLM sinks.
type ArgSpec struct {
	Pos  int
	Kw   string
	Role ArgRole
	All  bool
	// Recv selects the object a method is called on.
	Recv bool
}

// Kind is the kind of fact a row states.
type Kind string

const (
	// KindSink: the call sends the selected arguments to a model, a log,
	// a dangerous output, or an access decision.
	KindSink Kind = "sink"
	// KindSource: the call's result (or, with read, the attribute's
	// value) is sensitive data of the row's classes.
	KindSource Kind = "source"
	// KindSanitizer: the result carries the selected arguments without
	// the removed classes.
	KindSanitizer Kind = "sanitizer"
	// KindPropagator: the result carries the selected arguments' data.
	KindPropagator Kind = "propagator"
	// KindType: the call builds an object of a known type (a client, a
	// chat model, a logger).
	KindType Kind = "type"
	// KindCalls: the call calls one of its arguments with the rest.
	KindCalls Kind = "calls"
	// KindSignal: the call sends a signal: it runs the project functions
	// connected to its object (@receiver(sig), sig.connect(f)) with its
	// keyword arguments, the sender as "sender".
	KindSignal Kind = "signal"
	// KindImports: the call imports what its argument's constant names: a
	// dotted path to a class or function, or (Names "module") a module.
	KindImports Kind = "imports"
	// KindWraps: the call returns the callable it is given.
	KindWraps Kind = "wraps"
	// KindPartial: the call binds arguments to a callable for later.
	KindPartial Kind = "partial"
	// KindLookup: the result is what the call looks up by its arguments
	// (a row, a response), which does not carry them; the arguments
	// decide access.
	KindLookup Kind = "lookup"
	// KindMessage: the call builds a chat message of a role.
	KindMessage Kind = "message"
	// KindTemplate: the call builds a chat prompt template from a list of
	// (role, text) messages.
	KindTemplate Kind = "template"
	// KindBinds: the call binds data to a form, schema or serializer; a
	// whole request payload bound this way is read field by field.
	KindBinds Kind = "binds"
	// KindAlias: attributes of a module that stand for attributes of a
	// default instance (openai.chat is openai.OpenAI().chat).
	KindAlias Kind = "alias"
	// KindTransparent: reading the attribute yields the object itself
	// (client.with_raw_response.create is client.create).
	KindTransparent Kind = "transparent"
	// KindPipe: values that make a chain when piped (`a | b`).
	KindPipe Kind = "pipe"
	// KindBase: a project class deriving from a matching library class
	// plays a role the engine knows (Is): a serializer, a form or schema
	// bound to data, a websocket consumer, a log handler.
	KindBase Kind = "base"
	// KindAnnotation: a parameter annotated with a matching name (as
	// written) plays a role (Is): the request.
	KindAnnotation Kind = "annotation"
	// KindDecorator: a function decorated with a matching name (as
	// written) plays a role (Is): a task queue's task, a property.
	KindDecorator Kind = "decorator"
)

// Roles a class, annotation or decorator row may give (Row.Is).
const (
	RoleSerializer = "serializer"  // instances given request data (data=) are the serializer of a payload
	RoleBound      = "bound"       // instances built from a whole payload are that payload, read by field
	RoleBody       = "body"        // a view parameter annotated with the class is the request body
	RoleConsumer   = "consumer"    // a websocket consumer: receive() parameters and self.scope are the client's
	RoleLogHandler = "log-handler" // emit(self, record) receives log records
	RoleRecord     = "record"      // rendered whole, an instance shows all its fields (dataclass, attrs, pydantic, namedtuple)
	RoleRequest    = "request"     // a parameter annotated so is the request
	RoleTask       = "task"        // a task queue's task: bind=True makes its first parameter the task
	RoleProperty   = "property"    // reading the attribute calls the method
	RoleReceiver   = "receiver"    // a signal's receiver: the signals in the decorator's first argument run it
	RoleModel      = "model"       // a database model: its managers' queries return its objects
	RoleRemoteUser = "remote-user" // middleware that logs in the user a request header (its header attribute) names
	RoleTool       = "tool"        // a function (or a tool class's _run) a model calls: its result is sent back to the model
)

var roles = map[Kind][]string{
	KindBase:       {RoleSerializer, RoleBound, RoleBody, RoleConsumer, RoleLogHandler, RoleRecord, RoleModel, RoleRemoteUser, RoleTool},
	KindAnnotation: {RoleRequest},
	KindDecorator:  {RoleTask, RoleProperty, RoleRecord, RoleReceiver, RoleTool},
}

// kinds lists the row kinds in the order a call's rows are tried: the
// first row whose kind produces a result decides it.
var kinds = []Kind{KindSink, KindSource, KindSanitizer, KindMessage, KindTemplate, KindBinds, KindCalls, KindImports, KindSignal, KindWraps,
	KindPartial, KindType, KindLookup, KindPropagator, KindAlias, KindTransparent, KindPipe, KindBase, KindAnnotation,
	KindDecorator}

// CalleeElements is a calls row's Callee when the call runs every
// callable its receiver holds as an element (a graph's nodes).
const CalleeElements = -2

// CalleeTaskName is a calls row's Callee when the call's first argument
// is a constant naming a task queue's task (send_task("app.tasks.run")):
// the call runs the task registered under that name.
const CalleeTaskName = -3

// Result says what a call returns, where a row's kind leaves a choice.
type Result string

const (
	ResultDefault  Result = ""         // the kind's own
	ResultResponse Result = "response" // a model response (LLM sinks)
	ResultNone     Result = "none"     // no data
	ResultObject   Result = "object"   // a fresh object of the called symbol, carrying nothing
	ResultText     Result = "text"     // the selected inputs rendered: all their data, no shape
	ResultSame     Result = "same"     // the first input itself, keyword arguments as its fields
	ResultDerived  Result = "derived"  // the inputs' sources, without the caller's parameters
	ResultGeneric  Result = "generic"  // an object of the called symbol carrying its inputs
	// For members of an object (on = read, call, item, iter):
	ResultSelf  Result = "self"  // the object itself
	ResultWhole Result = "whole" // the object's kind and all its data, its parts aside
	ResultTaint Result = "taint" // the object's data, nothing of its kind
	ResultItem  Result = "item"  // the object's item at the key in argument 0 (argument 1 the default)
	// ResultElement is an element of the object (a query's row).
	ResultElement Result = "element"
	// ResultElementPair is an element of the object and a flag
	// (get_or_create's (row, created)).
	ResultElementPair Result = "element-pair"
	// ResultPart is one named part of a model's structured output (a tool
	// call's argument): its response data becomes ClassToolArg.
	ResultPart Result = "part"
)

// On is where a row applies: a call of the symbol, a read of it as an
// attribute, a subscript of an object of that kind (sym "T[]"), or the
// elements of iterating one (sym "T.__iter__").
type On string

const (
	OnCall On = "call"
	OnRead On = "read"
	OnItem On = "item"
	OnIter On = "iter"
)

var results = map[string]Result{"response": ResultResponse, "none": ResultNone, "object": ResultObject, "text": ResultText,
	"same": ResultSame, "derived": ResultDerived, "generic": ResultGeneric, "self": ResultSelf, "whole": ResultWhole,
	"taint": ResultTaint, "item": ResultItem, "part": ResultPart, "element": ResultElement,
	"element-pair": ResultElementPair}

// Cond is a condition on one argument of a call: the row applies when
// the argument is one of the constants Matches names (a pattern), has
// the symbolic type Type, or, with Absent, is not given.
type Cond struct {
	Arg     ArgSpec
	Any     bool   // any argument, not just Arg
	Matches string // a pattern's name, or a regular expression
	Type    string
	Absent  bool
	// Re is Matches compiled: the named pattern, or the expression.
	Re *regexp.Regexp
	// Name matches the member's name (an attribute, a method) and Key a
	// subscript's constant key, as Matches does; KeyType tests the key's
	// kind.
	Name, Key     string
	NameRe, KeyRe *regexp.Regexp
	KeyType       string
}

// Pos is where a row was written.
type Pos struct {
	File string
	Line int
}

// Row is one fact about a library.
type Row struct {
	Pos  Pos
	Kind Kind
	// User is set for a project's own rows, which win over built-in ones.
	User bool
	// Sym is the symbol pattern as written: dotted names, "()" for an
	// instance, "{a,b}" alternatives, "*" for any run of characters within
	// one name and "**" for any run at all.
	Sym string

	Sink    SinkKind  // sink
	Label   string    // sink: the sink's name in messages
	Args    []ArgSpec // sink, sanitizer, propagator, binds: the arguments that matter (nil: all)
	Classes []Class   // source: its classes; sanitizer: the classes removed (nil: all)
	Type    string    // source, binds: the result's symbolic type
	On      On        // source, sanitizer, propagator, type: where the row applies (default: a call)
	Shape   string    // source: "list" or "pairs" for a collection of the sensitive values, "pair" for one (key, value)
	// Gathers marks iteration rows whose elements, all gathered (a
	// comprehension over them), make the whole their object holds.
	Gathers bool
	// Mapping marks a source that is a request mapping read whole: a
	// credential as a whole, not what a library extracts from it.
	Mapping bool
	If      *Cond    // sink, source, type: the row applies only when this holds
	Result  Result   // what the call returns, where the kind leaves a choice
	Secrets bool     // propagator: the result keeps the secrets it is given
	Returns string   // type: the symbol of the object built; pipe: of the chain
	By      *ArgSpec // type: the argument whose constant picks the type
	Cases   map[string]string
	Carries bool // type: the object carries its arguments' data
	// Holds are arguments the object keeps and sends with every model
	// call made on it or with it, in their role (type rows: Gemini's
	// system_instruction=, an agent's instructions=).
	Holds []ArgSpec
	// Into is where a propagator's data goes besides the result, for a
	// call that changes its object: "receiver" (its data grows:
	// buf.write(x)), "element" (the argument becomes an element:
	// list.append), "elements" (the argument's elements do: list.extend),
	// "fields" (keyword arguments and a mapping's keys become fields:
	// dict.update), "field" (argument 1 becomes the field argument 0
	// names, unless it is set; the result is the field: dict.setdefault).
	Into    string
	Callee  int       // calls: the position of the callable (-1: the receiver; CalleeElements: the receiver's elements; CalleeTaskName: a task named by argument 0)
	Star    string    // calls: the keyword (or first positional) holding the positional arguments
	StarKw  string    // calls: the keyword holding the keyword arguments
	Role    string    // message: the message's role
	Content []ArgSpec // message: where the content is, first given wins
	RoleArg string    // message: the keyword that names the role
	Chained bool      // lookup: also on the result of a lookup (qs.filter(...).first())
	Names   string    // imports: "object" (a dotted path's last name) or "module"
	Is      string    // base, annotation, decorator: the role
	To      string    // alias: the instance symbol
	Attrs   []string  // alias: the attributes that stand for the instance's
	// Sends, for a signal row on a model object's method (save, delete),
	// names the signals it sends, with the object as instance and its
	// class as sender.
	Sends []string
}

// SysRole reports whether a role name puts content in the privileged
// part of a prompt.
func SysRole(role string) bool { return role == "system" || role == "developer" }
