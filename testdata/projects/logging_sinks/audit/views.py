"""Log sinks: LK201 (sensitive request data in a log), LK202 (model output in a log) and LK203
(personal data in a log, selected in this project's .llmleak.toml)."""
import hashlib
import logging
import sys
import traceback

from django.conf import settings
from django.http import JsonResponse
from langchain_openai import ChatOpenAI
from openai import OpenAI

from .events import record_event
from .llm import ask

logger = logging.getLogger(__name__)
client = OpenAI()
chat = ChatOpenAI(model="gpt-4o-mini")


# --- LK201: one case per sensitive class and per logger method -------------


def cert_info(request):
    # cert -> logger.info
    logger.info("client subject: %s", request.META.get("SSL_CLIENT_S_DN"))  # want: LK201


def payload_debug(request):
    # payload -> logger.debug
    logger.debug("raw body: %s", request.body)  # want: LK201


def headers_warning(request):
    # credential -> logger.warning
    logger.warning("suspicious request, headers=%s", dict(request.headers))  # want: LK201


def pii_error(request):
    # pii -> logger.error: personal data is LK203.
    logger.error("checkout failed for %s", request.user.email)  # want: LK203


def secret_critical():
    # secret -> logger.critical
    logger.critical("provider rejected key %s", settings.OPENAI_API_KEY)  # want: LK201


def pii_in_extra(request):
    # A PII payload field passed through extra= of logger.exception.
    try:
        charge = int(request.POST.get("amount", "0"))
    except ValueError:
        logger.exception("bad amount", extra={"card_holder": request.POST.get("full_name")})  # want: LK203
        return JsonResponse({"ok": False})
    return JsonResponse({"ok": charge > 0})


def cookies_log(request):
    # credential -> logger.log(level, ...)
    logger.log(logging.INFO, "cookies: %s", request.COOKIES)  # want: LK201


def module_level_logging(request):
    # The root-logger function logging.info.
    logging.info("POST %s", request.POST)  # want: LK201


def print_meta(request):
    # print() is a log sink too.
    print(request.META)  # want: LK201


def print_to_stderr(request):
    # print(..., file=sys.stderr) is still print.
    print("bad login for", request.POST.get("email"), file=sys.stderr)  # want: LK203


def user_as_log_argument(request):
    # Silent: request.user rendered is the acting user's identifier, which an
    # audit line needs (never a log finding).
    logging.getLogger("accounts").info("%s logged in", request.user)


def session_key_multiline(request):
    # Multi-line call: reported on the line where the call starts.
    logger.info(  # want: LK201
        "session rotated",
        extra={"session": request.session.session_key, "path": request.path},
    )


def through_log_wrapper(request):
    # A project function that logs its argument: reported at its call.
    record_event("signup", request.POST.dict())  # want: LK201


def cert_and_pii_one_call(request):
    # Certificate identity and the acting user's username in one log call:
    # LK201 for the certificate (the username is never a log finding).
    logger.info("%s / %s", request.META["SSL_CLIENT_S_DN_CN"], request.user.username)  # want: LK201


# --- LK202: model output written to a log ------------------------------------


def response_content(request):
    # The answer text of a direct SDK call.
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    logger.info("model said: %s", resp.choices[0].message.content)  # want: LK202


def response_variable(request):
    # A variable derived from the response.
    resp = client.responses.create(model="gpt-4o-mini", input=request.GET.get("q", ""))
    answer = resp.output_text
    logger.debug(answer)  # want: LK202


def print_response(request):
    # The whole response object printed.
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Tell me a joke"}],
    )
    print(resp)  # want: LK202


def wrapper_answer(request):
    # The return value of a project wrapper around the SDK.
    answer = ask(request.POST.get("question", ""))
    logger.info("answer=%s", answer)  # want: LK202


def langchain_result(request):
    # A LangChain message's content.
    result = chat.invoke(request.POST.get("question", ""))
    logger.warning("langchain: %s", result.content)  # want: LK202


def answer_to_log_wrapper(request):
    # The model's answer passed to a project log wrapper.
    answer = ask(request.POST.get("question", ""))
    record_event("answered", answer)  # want: LK202
    return JsonResponse({"answer": answer})


def response_in_extra(request):
    # The response dumped through extra=.
    resp = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "ping"}])
    logger.info("raw response", extra={"response": resp.model_dump()})  # want: LK202


# --- Silent: what may be logged ------------------------------------------------


def log_exception_object(request):
    # Silent: exceptions and tracebacks are what logs are for.
    try:
        answer = ask(request.POST.get("question", ""))
    except Exception as e:
        logger.exception("LLM call failed")
        logger.error("LLM call failed: %s", e)
        logger.warning("traceback: %s", traceback.format_exc())
        return JsonResponse({"ok": False})
    return JsonResponse({"answer": answer})


def log_harmless_request_parts(request):
    # Silent: a non-PII field, the path, the method, the user id and sizes.
    logger.info("question=%s", request.POST.get("question"))
    logger.info("%s %s", request.method, request.path)
    logger.info("user id %s staff=%s", request.user.id, request.user.is_staff)
    logger.info("body size %d", len(request.body))


def log_hashed_identity(request):
    # Silent: a hash of the certificate DN.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    logger.info("client %s", hashlib.sha256(dn.encode()).hexdigest()[:12])


def log_answer_length(request):
    # Silent: only the length of the answer.
    answer = ask(request.POST.get("question", ""))
    logger.info("answer length %d", len(answer))
    print("done")


def relog_log_lines():
    # Silent: re-printing log lines is not a new exposure (log class is not LK201).
    with open("logs/app.log") as fh:
        for line in fh:
            print(line.rstrip())


def constant_event(request):
    # Silent: a log wrapper called with constant and non-PII values.
    record_event("password-reset-requested", request.user.pk)


def audit_line(message, payload):
    logger.info("%s: %s", message, payload)


def repeated_helper_calls(request):
    # One root cause: the same body reaches the same log line through two
    # calls of one helper: one finding, at the first call.
    body = request.body
    audit_line("received", body)  # want: LK201
    audit_line("stored", body)
