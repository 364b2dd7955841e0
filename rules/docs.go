package rules

// docs holds each rule's documentation, keyed by rule ID.
//
// Conventions the renderers in render.go rely on:
//   - What and Why are prose; a blank line separates paragraphs. Inline
//     code is written in backticks, which reads well both as plain text
//     and as Markdown, so every `_` and `*` stays inside backticks.
//   - Bad and Good are complete, syntactically valid Python snippets
//     (a test parses them), without a trailing newline.
//   - Fix is a list of steps, one per line; renderers number them.
var docs = map[string]Doc{
	"LK101": {
		What: "Finds values taken from the client certificate of a mutual-TLS connection that reach a call to an LLM. " +
			"Sources are the `SSL_CLIENT_*` variables in `request.META` or `request.environ` (subject and issuer DN, CN, serial, the PEM itself), " +
			"their proxy-forwarded forms `HTTP_X_SSL_CLIENT_*`, `HTTP_X_CLIENT_CERT*` and `HTTP_X_FORWARDED_CLIENT_CERT`, " +
			"and the same headers read through `request.headers` (`X-SSL-Client-S-DN`, `X-Client-Cert`, `X-Forwarded-Client-Cert`). " +
			"The sink is any LLM call llmleak recognises (OpenAI, Anthropic, LangChain, LlamaIndex, LiteLLM, Gemini, Bedrock, embeddings, raw HTTP to a model endpoint) " +
			"or a project function that passes its argument on to one, across files, classes and Celery tasks.",
		Why: "Mutual TLS proves which client opened the connection and protects the bytes on the wire. " +
			"It has no say over what the application does with that identity afterwards. " +
			"A certificate subject usually names a person, a device or a partner organisation, and the serial and issuer pin it down exactly. " +
			"Put into a prompt, it leaves your infrastructure: the provider may keep it in request logs or abuse-monitoring storage, " +
			"your tracing and evaluation tools store it again, and a prompt-injected model can repeat it to another user. " +
			"The certificate had to be shown to your TLS terminator and to nobody else.",
		Bad: `from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


def ask(request):
    subject = request.META.get("SSL_CLIENT_S_DN", "")
    question = request.POST.get("question", "")
    prompt = f"Partner {subject} asks: {question}"
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
    )
    return JsonResponse({"answer": reply.choices[0].message.content})`,
		Good: `from django.http import HttpResponseForbidden, JsonResponse
from openai import OpenAI

from partners.models import Partner

client = OpenAI()


def ask(request):
    # The certificate decides access here, in Django; it is not prompt material.
    subject = request.META.get("SSL_CLIENT_S_DN", "")
    if not Partner.objects.filter(cert_subject=subject, active=True).exists():
        return HttpResponseForbidden()
    question = request.POST.get("question", "")
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    return JsonResponse({"answer": reply.choices[0].message.content})`,
		Fix: "Use the certificate identity for authentication, authorization and rate limiting inside Django, and leave it out of the prompt.\n" +
			"If the model or your LLM call logs need a stable caller reference, send an opaque internal ID or a keyed hash (`hmac` with a dedicated key) instead of the DN, CN or serial.\n" +
			"If a project helper already strips identity before the LLM call, declare it as a sanitizer in the llmleak configuration so the flow is cleared.",
	},

	"LK102": {
		What: "Finds a whole request body or form reaching an LLM call: `request.data`, `request.POST`, `request.GET`, `request.query_params`, `request.body`, " +
			"the contents of an upload in `request.FILES`, `json.loads(request.body)`, and `serializer.validated_data`, `serializer.data` or `form.cleaned_data` taken as a whole, " +
			"including `.dict()`, `dict(...)`, `str(...)` and `json.dumps(...)` of any of them. " +
			"A single field read with a constant key, such as `request.POST.get(\"question\")` or `validated_data[\"title\"]`, counts as the user's own content and is not reported here " +
			"unless its key names PII or a credential (see LK103 and LK104). " +
			"Copying named fields out of the payload in a loop over a literal tuple of keys is recognised as safe.",
		Why: "A payload forwarded whole carries every field the client chose to send, not only the ones the feature needs: " +
			"hidden form fields, CSRF tokens, e-mail addresses, phone numbers, internal IDs, and whatever fields the API gains next year. " +
			"Nobody reviews that list when the prompt is written, and the provider then keeps it under its own retention rules. " +
			"It also gives an attacker a convenient place for prompt-injection text: a field your code never reads but the model does.",
		Bad: `import json

from openai import OpenAI
from rest_framework.response import Response
from rest_framework.views import APIView

client = OpenAI()


class TicketTriageView(APIView):
    def post(self, request):
        reply = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[
                {"role": "system", "content": "Label the support ticket: billing, bug or other."},
                {"role": "user", "content": json.dumps(request.data)},
            ],
        )
        return Response({"label": reply.choices[0].message.content})`,
		Good: `import json

from openai import OpenAI
from rest_framework.response import Response
from rest_framework.views import APIView

client = OpenAI()


class TicketTriageView(APIView):
    def post(self, request):
        ticket = {}
        for key in ("subject", "body", "product"):
            if key in request.data:
                ticket[key] = request.data[key]
        reply = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[
                {"role": "system", "content": "Label the support ticket: billing, bug or other."},
                {"role": "user", "content": json.dumps(ticket)},
            ],
        )
        return Response({"label": reply.choices[0].message.content})`,
		Fix: "Build the prompt from the named fields the feature needs, read one at a time or copied over a literal tuple of keys.\n" +
			"Validate those fields with a form or serializer and use them individually, not `cleaned_data` or `validated_data` as a whole.\n" +
			"Leave out, or redact, any field that can hold personal data or credentials.",
	},

	"LK103": {
		What: "Finds request credentials and request metadata reaching an LLM call: `request.META` or `request.headers` as a whole, " +
			"the `Authorization` and `Cookie` headers (`HTTP_AUTHORIZATION`, `HTTP_COOKIE`), `request.COOKIES`, `request.session` and its `session_key`, " +
			"DRF's `request.auth`, and payload fields whose key looks like a password, token, secret, API key or one-time code. " +
			"The finding is placed on the LLM call, or on the call of the project wrapper that leads to one, whatever path the value took in between.",
		Why: "A bearer token, session cookie or API key in a prompt is a working credential stored by somebody else. " +
			"Anyone who can read the provider's request logs, your traces of LLM calls, or the model's reply after a prompt injection asked for it, can replay it until it expires. " +
			"`request.META` is broader than it looks: it is the whole WSGI environment, not only the headers, and under `runserver` it also contains every environment variable of the process, secrets included.",
		Bad: `import anthropic
from django.http import JsonResponse

client = anthropic.Anthropic()


def explain_denial(request):
    context = "\n".join(f"{name}: {value}" for name, value in request.headers.items())
    reply = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=400,
        messages=[{"role": "user", "content": "Why could this request get a 403?\n" + context}],
    )
    return JsonResponse({"hint": reply.content[0].text})`,
		Good: `import anthropic
from django.http import JsonResponse

client = anthropic.Anthropic()


def explain_denial(request):
    has_auth = "Authorization" in request.headers
    context = (
        f"method: {request.method}\n"
        f"path: {request.path}\n"
        f"credentials sent: {'yes' if has_auth else 'no'}"
    )
    reply = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=400,
        messages=[{"role": "user", "content": "Why could this request get a 403?\n" + context}],
    )
    return JsonResponse({"hint": reply.content[0].text})`,
		Fix: "Never forward `request.META`, `request.headers`, `request.COOKIES` or the session as a whole; pick the individual headers the task needs.\n" +
			"Replace a credential with facts about it: whether one was sent, its scheme, the role of the authenticated user.\n" +
			"Drop password, token, secret and one-time-code fields before a prompt is built.\n" +
			"Rotate any credential that has already been sent to a provider.",
	},

	"LK104": {
		What: "Finds personal data about the requesting user reaching an LLM call: `request.user` rendered into text, its `email`, `username`, `first_name` and `last_name`, " +
			"`get_full_name()` and `get_username()`, and payload fields whose key names an e-mail address, phone number, postal address, national ID such as `ssn`, date of birth or a person's name. " +
			"The user reached through `self.request.user` in class-based views and DRF viewsets counts the same way.",
		Why: "Sending a name or an e-mail address to a model provider discloses personal data to a processor. " +
			"Under the GDPR and similar laws that needs a legal basis, a processing agreement and an entry in your records of processing, and many providers keep inputs for a while for abuse review. " +
			"Most tasks do not need to know who the user is: a summary, a classification or a draft reply is just as good with a placeholder, and the real value can be filled in after the response arrives.",
		Bad: `from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


@login_required
def draft_answer(request):
    question = request.POST.get("question", "")
    prompt = (
        f"Write a short, friendly answer addressed to {request.user.get_full_name()} "
        f"({request.user.email}).\nQuestion: {question}"
    )
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
    )
    return JsonResponse({"draft": reply.choices[0].message.content})`,
		Good: `from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()
NAME_SLOT = "[[customer]]"


@login_required
def draft_answer(request):
    question = request.POST.get("question", "")
    prompt = (
        "Write a short, friendly answer. Address the customer as "
        + NAME_SLOT
        + " and do not invent a name.\nQuestion: "
        + question
    )
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
    )
    draft = reply.choices[0].message.content.replace(NAME_SLOT, request.user.first_name)
    return JsonResponse({"draft": draft})`,
		Fix: "Leave names, e-mail addresses and other identifiers out of the prompt; use a placeholder and substitute the real value into the response in your own code.\n" +
			"When the model must tell users apart, pass an internal ID or a keyed hash, not contact details.\n" +
			"If a field such as free text can contain PII, run it through a redaction helper and declare that helper as a sanitizer in the llmleak configuration.",
	},

	"LK105": {
		What: "Finds secrets reaching an LLM call: `settings.SECRET_KEY`, settings and environment values (`os.environ[...]`, `os.environ.get`, `os.getenv`) whose name ends in KEY, TOKEN, SECRET or PASSWORD, " +
			"and string literals shaped like provider keys, such as `sk-...` API keys or AWS `AKIA...` access key IDs. " +
			"The usual path is a system prompt or tool description that embeds a key so the model can hand it to a tool. " +
			"Reports never show a detected secret in full: everything after a short prefix is redacted.",
		Why: "Treat anything in a prompt as readable by whoever can talk to the model. " +
			"System prompts can be extracted with a few lines of prompt injection, and they are stored with every request by the provider and by your tracing tools. " +
			"A key placed there is a key handed to all of them, and afterwards nobody can say who has seen it. " +
			"The model never needs the credential itself: your code can make the authenticated call once the model has said what it wants done.",
		Bad: `import os

from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


def stock_assistant(request):
    system = (
        "You help staff check stock. To look up a SKU, call "
        "https://inventory.internal/api/stock?sku=<sku> with the header "
        "Authorization: Bearer " + os.environ["INVENTORY_API_TOKEN"]
    )
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": system},
            {"role": "user", "content": request.POST.get("question", "")},
        ],
    )
    return JsonResponse({"answer": reply.choices[0].message.content})`,
		Good: `import json
import os

import requests
from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()
TOOLS = [{
    "type": "function",
    "function": {
        "name": "get_stock",
        "description": "Current stock level for a SKU.",
        "parameters": {
            "type": "object",
            "properties": {"sku": {"type": "string"}},
            "required": ["sku"],
        },
    },
}]


def stock_assistant(request):
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You help staff check stock."},
            {"role": "user", "content": request.POST.get("question", "")},
        ],
        tools=TOOLS,
    )
    calls = reply.choices[0].message.tool_calls or []
    if not calls:
        return JsonResponse({"answer": reply.choices[0].message.content})
    sku = json.loads(calls[0].function.arguments)["sku"]
    # The token is used here, by our code, and never shown to the model.
    stock = requests.get(
        "https://inventory.internal/api/stock",
        params={"sku": sku},
        headers={"Authorization": "Bearer " + os.environ["INVENTORY_API_TOKEN"]},
        timeout=5,
    )
    return JsonResponse({"sku": sku, "stock": stock.json()})`,
		Fix: "Remove keys, tokens and passwords from prompts, system messages and tool descriptions.\n" +
			"Let the model choose an action through tool or function calling, and make the authenticated request in your own code with the credential read at that point.\n" +
			"Rotate any secret that has already been sent to a provider: copies may remain in their logs and in yours.",
	},

	"LK106": {
		What: "Finds exception text reaching an LLM call: `traceback.format_exc()`, `traceback.format_exception(...)`, `sys.exc_info()`, " +
			"and a caught exception rendered as text with `str(e)`, `repr(e)`, `%` or `format()` formatting, or an f-string. " +
			"The typical case is an `except` block that asks a model to explain a failure to the user or to suggest a fix.",
		Why: "Exception messages and tracebacks describe the inside of the application: file paths, settings names, library versions, SQL statements with their parameters, hostnames, " +
			"and the values that made the code fail, which are often the user data being processed or a connection string with its password. " +
			"Sending them to a provider discloses all of that. " +
			"Showing the model's explanation to the user then repeats the details to the very person who may be probing for errors.",
		Bad: `import traceback

from django.http import JsonResponse
from openai import OpenAI

from reports.builder import build_report

client = OpenAI()


def export_report(request):
    try:
        data = build_report(request.user, request.GET.get("period", "month"))
    except Exception:
        reply = client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{
                "role": "user",
                "content": "Explain this error to a non-technical user:\n" + traceback.format_exc(),
            }],
        )
        return JsonResponse({"error": reply.choices[0].message.content}, status=500)
    return JsonResponse(data)`,
		Good: `import logging

from django.http import JsonResponse
from openai import OpenAI

from reports.builder import ReportTooLarge, build_report

client = OpenAI()
logger = logging.getLogger(__name__)


def export_report(request):
    try:
        data = build_report(request.user, request.GET.get("period", "month"))
    except ReportTooLarge:
        cause = "the selected period holds too much data"
    except Exception:
        logger.exception("report export failed")
        cause = "an internal error"
    else:
        return JsonResponse(data)
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{
            "role": "user",
            "content": "Write one polite sentence saying a report export failed because of " + cause + ".",
        }],
    )
    return JsonResponse({"error": reply.choices[0].message.content}, status=500)`,
		Fix: "Keep tracebacks and exception messages on the server: log them with `logger.exception` or send them to your error tracker.\n" +
			"Give the model, and the user, a fixed description chosen by exception type instead of the exception's text.\n" +
			"If engineers want help reading a traceback, do it in a tool they run on their side, not in a request handler.",
	},

	"LK107": {
		What: "Finds text read from log files reaching an LLM call: a file opened from a path that ends in `.log`, from a setting whose name contains LOG, or from a `FileHandler`'s filename; " +
			"and, inside a custom `logging.Handler.emit`, the record being handled (`record.getMessage()`, `self.format(record)`, `record.msg`, `record.args`). " +
			"It catches log-triage views that ask a model to summarise recent errors, and handlers that forward records to a model as they are written.",
		Why: "Logs collect what every other part of the application leaked: request parameters, e-mail addresses, tokens in URLs, SQL with values, stack traces. " +
			"They are usually guarded more loosely than the data that produced them, and sending them to a model moves all of it to a third party in bulk. " +
			"A log line also carries text an attacker chose, such as a username, a User-Agent or a URL, so the log becomes a prompt-injection channel aimed at whoever reads the model's summary.",
		Bad: `from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


@staff_member_required
def summarize_errors(request):
    with open(settings.ERROR_LOG_PATH) as fh:
        tail = fh.readlines()[-200:]
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Summarize these errors:\n" + "".join(tail)}],
    )
    return JsonResponse({"summary": reply.choices[0].message.content})`,
		Good: `from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


@staff_member_required
def summarize_errors(request):
    counts = {"CRITICAL": 0, "ERROR": 0, "WARNING": 0}
    with open(settings.ERROR_LOG_PATH) as fh:
        for line in fh:
            for level in counts:
                if f" {level} " in line:
                    counts[level] += 1
    summary = ", ".join(f"{n} {level}" for level, n in counts.items())
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Today's log counts: " + summary + ". Is this unusual?"}],
    )
    return JsonResponse({"summary": reply.choices[0].message.content})`,
		Fix: "Send aggregates (counts by level, logger or error class) rather than log lines.\n" +
			"If lines must go to a model, pass each one through a redaction helper that removes tokens, e-mail addresses and query strings, and declare it as a sanitizer in the llmleak configuration.\n" +
			"Do not attach a logging handler that forwards records to a model; forward them to your log store and analyse them there.",
	},

	"LK108": {
		What: "Finds request-derived values, a single form or query field included, placed where the model takes its instructions: " +
			"the content of a `{\"role\": \"system\", ...}` message, a LangChain `SystemMessage(...)` or `(\"system\", ...)` template part, Anthropic's `system=` argument, " +
			"and the `instructions=` argument of the OpenAI Responses API. " +
			"User text belongs in a user message, where the model treats it as input rather than as the developer's rules.",
		Why: "Models give the system role more authority than user turns. " +
			"A request field inside it lets the caller rewrite the rules of the conversation: drop restrictions, change the persona, " +
			"or tell the model to reveal the rest of the system prompt and any data in it. " +
			"Keeping roles apart does not stop prompt injection on its own, but mixing them gives up even that layer.",
		Bad: `import anthropic
from django.http import JsonResponse

client = anthropic.Anthropic()


def assistant(request):
    persona = request.POST.get("persona", "a helpful assistant")
    reply = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=512,
        system=f"You are {persona}. Only answer questions about our products.",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"answer": reply.content[0].text})`,
		Good: `import anthropic
from django.http import JsonResponse

client = anthropic.Anthropic()
PERSONAS = {
    "formal": "You are a formal assistant. Only answer questions about our products.",
    "casual": "You are a friendly, relaxed assistant. Only answer questions about our products.",
}


def assistant(request):
    if request.POST.get("persona") == "casual":
        system = PERSONAS["casual"]
    else:
        system = PERSONAS["formal"]
    reply = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=512,
        system=system,
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"answer": reply.content[0].text})`,
		Fix: "Keep system messages and instructions constant, written by developers.\n" +
			"Put user text in user messages only.\n" +
			"When users may choose a style or mode, map their choice to one of a fixed set of instructions by comparison, and never insert the submitted value itself.",
	},

	"LK109": {
		What: "Reports every flow of request content into an LLM call, whatever its sensitivity: a single form field, a query parameter, a header, an uploaded file. " +
			"It is an inventory of which user input leaves for which provider, for privacy reviews and records of processing, and a measure of how far the analysis reaches in a project; " +
			"the other LK1xx rules report the sensitive subset. " +
			"It shares the engine, sources and sinks with those rules, so its flows cross the same files, classes, wrappers and Celery tasks. " +
			"LK109 is off by default: `--select LK109` runs it alone, `--select ALL` runs it with every other rule, and `select` in the configuration file works too.",
		Why: "Even harmless-looking input is data handed to a third party. " +
			"Privacy reviews, vendor assessments and records of processing need to know which features send user content to a model, to which provider, and through which code, " +
			"and a hand-written list is out of date soon after it is written. " +
			"An inventory generated from the code stays current, and a new egress point shows up as a new note in review.",
		Bad: `from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


def ask(request):
    question = request.POST.get("question", "")
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    return JsonResponse({"answer": reply.choices[0].message.content})`,
		Good: `from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


def ask(request):
    question = request.POST.get("question", "")
    # Reviewed by the privacy team: questions go to OpenAI under our DPA (ticket PRIV-112).
    reply = client.chat.completions.create(  # llmleak: ignore[LK109]
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": question}],
    )
    return JsonResponse({"answer": reply.choices[0].message.content})`,
		Fix: "Read each finding as an item to review, not a defect: confirm the provider, the agreement that covers it, and that the feature needs the input.\n" +
			"Remove inputs the model does not need, and route the rest through one project wrapper so the egress points stay few.\n" +
			"Mark a reviewed flow with `# llmleak: ignore[LK109]` on the reported line and a comment naming the approval, or record the current set in a baseline.",
	},

	"LK201": {
		What: "Finds sensitive request data written to a log: client-certificate identity, whole request payloads, credentials and request metadata, and secrets " +
			"(the sources of LK101, LK102, LK103 and LK105) passed to a `logging` logger (`debug` through `critical`, `exception`, `log`, and values in `extra=`), to `print`, " +
			"or to a `structlog` or `loguru` logger. " +
			"The finding is placed on the logging call, or on the call of a project helper that logs its argument.",
		Why: "Logs travel further than the database: to log shippers, SIEMs, error trackers, support engineers' terminals, backups kept for years, and more and more often to a model asked to summarise them (LK107). " +
			"They are seldom covered by the access rules, deletion requests and encryption that protect the primary data. " +
			"A token logged once works for anyone who can search the logs, and debug logging switched on during one incident leaves full payloads in every archive it reached.",
		Bad: `import logging

from rest_framework.response import Response
from rest_framework.views import APIView

from payments.serializers import PaymentSerializer

logger = logging.getLogger(__name__)


class PaymentView(APIView):
    def post(self, request):
        logger.info(
            "payment request from %s: %s",
            request.META.get("SSL_CLIENT_S_DN_CN"),
            request.data,
        )
        serializer = PaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(status=202)`,
		Good: `import hashlib
import logging

from rest_framework.response import Response
from rest_framework.views import APIView

from payments.serializers import PaymentSerializer

logger = logging.getLogger(__name__)


class PaymentView(APIView):
    def post(self, request):
        cn = request.META.get("SSL_CLIENT_S_DN_CN", "")
        logger.info(
            "payment request",
            extra={
                "client_ref": hashlib.sha256(cn.encode()).hexdigest()[:16],
                "field_count": len(request.data),
            },
        )
        serializer = PaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(status=202)`,
		Fix: "Log events and metadata (what happened, sizes, counts, status), not request contents.\n" +
			"Where a log line must identify a caller or a record, log an internal ID or a hash, keyed with `hmac` when the value is easy to guess.\n" +
			"Never log headers, cookies, sessions or whole payloads, even at DEBUG level.\n" +
			"Add a redaction `logging.Filter` as a safety net, but do not rely on it instead of fixing the call.",
	},

	"LK202": {
		What: "Finds prompts and model responses written to a log: a value that is sent to an LLM call (the prompt text, the messages list, the input) " +
			"or returned by one (the response object or its text), passed to a `logging` logger, `print`, `structlog` or `loguru`. " +
			"One argument of a tool call read by its name (`block.input[\"coordinate\"]`) and the name of the tool called are parts of the response, not reported; the arguments logged whole are. " +
			"It is a note: the prompt may hold nothing sensitive, but llmleak cannot know what users will type or what the model will answer.",
		Why: "Prompts are built from user input and often from records, documents and retrieved context that the user could not read directly; responses can repeat any of it. " +
			"Logging them copies whole conversations into a system with weaker access control and longer retention than the feature itself, " +
			"which undoes the care taken elsewhere to keep that data contained. " +
			"For debugging and cost tracking, the model name, sizes, token counts and latency are usually enough.",
		Bad: `import logging

from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()
logger = logging.getLogger(__name__)


def summarize(request):
    prompt = "Summarize for the customer:\n" + request.POST.get("text", "")
    logger.debug("prompt: %s", prompt)
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
    )
    answer = reply.choices[0].message.content
    logger.info("model answer: %s", answer)
    return JsonResponse({"summary": answer})`,
		Good: `import logging

from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()
logger = logging.getLogger(__name__)


def summarize(request):
    prompt = "Summarize for the customer:\n" + request.POST.get("text", "")
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
    )
    answer = reply.choices[0].message.content
    logger.info(
        "llm call done",
        extra={
            "model": "gpt-4o-mini",
            "prompt_chars": len(prompt),
            "total_tokens": int(reply.usage.total_tokens),
        },
    )
    return JsonResponse({"summary": answer})`,
		Fix: "Log facts about the call (model, sizes, token usage, latency, an ID) instead of the prompt or the answer.\n" +
			"If conversations must be kept for evaluation or audit, store them deliberately, with access control and a retention period, not in application logs.\n" +
			"Remove prompt and response logging added for debugging before it ships.",
	},

	"LK203": {
		What: "Finds personal data written to a log: a user's e-mail address, name, phone number or address, and payload fields named like them, " +
			"passed to a `logging` logger, `print`, `structlog` or `loguru`. " +
			"It is a note and off by default (`--select LK203`): a privacy review wants the list, a daily build does not. " +
			"The acting user's own identifier (`request.user` rendered, its username) is never reported: audit lines need to say who did what.",
		Why: "Personal data in logs is personal data held without the controls the database gives it: deletion requests do not reach it, " +
			"retention rules rarely cover it, and anyone who can search the logs can read it. " +
			"Data-protection law counts it all the same, so a record of where it is logged is part of knowing what a service holds.",
		Bad: `import logging

from django.http import JsonResponse

logger = logging.getLogger(__name__)


def update_contact(request):
    email = request.POST.get("email", "")
    logger.info("contact change for %s to %s", request.user.get_full_name(), email)
    request.user.email = email
    request.user.save(update_fields=["email"])
    return JsonResponse({"ok": True})`,
		Good: `import logging

from django.http import JsonResponse

logger = logging.getLogger(__name__)


def update_contact(request):
    email = request.POST.get("email", "")
    # The acting user's identifier is what an audit line needs.
    logger.info("contact change by user %s", request.user.pk)
    request.user.email = email
    request.user.save(update_fields=["email"])
    return JsonResponse({"ok": True})`,
		Fix: "Log who acted by an identifier (the user's id or username), not by their name, e-mail or phone number.\n" +
			"Log that a field changed, not its old and new values.\n" +
			"Where personal data must be kept for audit, store it in the database with its access rules and retention, not in the logs.",
	},

	"LK301": {
		What: "Finds model output reaching a place where it is executed or interpreted: `eval`, `exec` and `compile`; `subprocess` functions, `os.system` and `os.popen`; " +
			"SQL through `cursor.execute`, `Manager.raw()` and `QuerySet.extra()`; and HTML marked safe with `mark_safe`, " +
			"passed to `format_html` as the format string, or rendered through the `|safe` filter. " +
			"Model output is the response of any LLM call llmleak recognises, or a value returned by a project wrapper around one, " +
			"including the arguments of a tool call the model asked for (`block.input[\"command\"]`, `json.loads(call.function.arguments)`).",
		Why: "A model's answer is untrusted input, whoever wrote the prompt. " +
			"Everything in its context steers it, including text that a user or a retrieved document planted there, and it can simply be wrong. " +
			"Executing it as Python, shell or SQL gives that text the application's privileges: reading any table, changing records, running commands on the host. " +
			"Marking it safe as HTML lets it run script in other users' browsers.",
		Bad: `from django.db import connection
from django.http import JsonResponse
from openai import OpenAI

client = OpenAI()


def ask_orders(request):
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Answer with one SQL query over the orders table."},
            {"role": "user", "content": request.POST.get("question", "")},
        ],
    )
    sql = reply.choices[0].message.content
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return JsonResponse({"rows": rows})`,
		Good: `import json

from django.http import JsonResponse
from openai import OpenAI

from shop.models import Order

client = OpenAI()
STATUSES = ("pending", "paid", "shipped", "refunded")


def ask_orders(request):
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[
            {"role": "system", "content": 'Reply with JSON {"status": "..."} using one of: '
                                          "pending, paid, shipped, refunded."},
            {"role": "user", "content": request.POST.get("question", "")},
        ],
    )
    status = json.loads(reply.choices[0].message.content).get("status")
    if status not in STATUSES:
        return JsonResponse({"error": "unsupported question"}, status=400)
    count = Order.objects.filter(status=status).count()
    return JsonResponse({"status": status, "count": count})`,
		Fix: "Never pass model output to `eval`, `exec`, a shell or a raw SQL string.\n" +
			"Ask for structured output (JSON or a tool call), parse it, and check every value against an allowlist or schema before use.\n" +
			"Use the checked values through safe interfaces: the ORM or query parameters for SQL, argument lists without `shell=True` for commands.\n" +
			"Render model text with template autoescaping or `format_html(\"<p>{}</p>\", text)`, never with `mark_safe` or `|safe`.",
	},

	"LK401": {
		What: "Finds client-certificate identity read from a header that a TLS-terminating proxy is expected to set " +
			"(`HTTP_X_SSL_CLIENT_*`, `HTTP_X_CLIENT_CERT*` or `HTTP_X_FORWARDED_CLIENT_CERT` in `request.META`, or `X-SSL-Client-*`, `X-Client-Cert` and `X-Forwarded-Client-Cert` through `request.headers`) " +
			"and used in an access decision, such as a condition that grants or refuses access, a lookup that picks the user, or the `header` of a `RemoteUserMiddleware` subclass that logs in whoever it names, " +
			"when the code has not first checked the proxy's verification result, for example `HTTP_X_SSL_CLIENT_VERIFY` equal to `SUCCESS`. " +
			"This rule needs no LLM call.",
		Why: "When TLS ends at nginx, HAProxy, Envoy or a cloud load balancer, Django sees only headers, and a header says whatever its sender wrote. " +
			"If the proxy passes on client-supplied copies, or the application can be reached without going through the proxy, anyone can claim any certificate subject by sending the header themselves. " +
			"Even an honest proxy may forward the subject of a certificate it could not verify: nginx with `ssl_verify_client optional_no_ca` accepts such certificates and leaves the verdict in `$ssl_client_verify` for the application to check.",
		Bad: `from django.conf import settings
from django.http import FileResponse, HttpResponseForbidden


def export_ledger(request):
    subject = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    if subject not in settings.LEDGER_EXPORT_SUBJECTS:
        return HttpResponseForbidden()
    return FileResponse(open(settings.LEDGER_EXPORT_FILE, "rb"))`,
		Good: `from django.conf import settings
from django.http import FileResponse, HttpResponseForbidden


def export_ledger(request):
    # nginx: proxy_set_header X-SSL-Client-Verify $ssl_client_verify;
    if request.META.get("HTTP_X_SSL_CLIENT_VERIFY") != "SUCCESS":
        return HttpResponseForbidden()
    subject = request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")
    if subject not in settings.LEDGER_EXPORT_SUBJECTS:
        return HttpResponseForbidden()
    return FileResponse(open(settings.LEDGER_EXPORT_FILE, "rb"))`,
		Fix: "Check the proxy's verification result before reading the identity: with nginx, forward `$ssl_client_verify` and require `SUCCESS`; with Envoy, trust `X-Forwarded-Client-Cert` only when the proxy sanitizes it (`forward_client_cert_details: SANITIZE_SET`).\n" +
			"Have the proxy set these headers on every request (nginx `proxy_set_header` with the TLS variables), so that a copy sent by the client never reaches Django.\n" +
			"Make Django reachable only through the proxy: bind it to a private interface or a Unix socket, or firewall it.\n" +
			"Do the check once, in a middleware or authentication backend, rather than in each view.",
	},
}
