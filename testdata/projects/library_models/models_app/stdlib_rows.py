"""The standard library, Django helpers and log libraries as the models
describe them."""
import asyncio
import functools
import html
import io
import json
import logging
import os
import pprint
import re
import shlex
import subprocess
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from xml.sax.saxutils import escape as xml_escape

import reporting

import structlog
from django.conf import settings
from django.contrib.auth import authenticate
from django.http import HttpRequest, JsonResponse
from django.utils.crypto import salted_hmac
from django.utils.safestring import mark_safe
from loguru import logger as loguru_logger
from openai import OpenAI

from models_app.wrappers import ask_llm

client = OpenAI()
log = logging.getLogger(__name__)
slog = structlog.get_logger()
# A queryset of a library the models do not describe, kept at module level.
entries = reporting.recent_entries()


def answer_of(question):
    reply = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])
    return reply.choices[0].message.content


def executors(request):
    with ThreadPoolExecutor() as pool:
        pool.submit(ask_llm, json.dumps(request.data))  # want: LK102


async def in_executor(request):
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, ask_llm, json.dumps(request.data))  # want: LK102


def cached_wrapper(request):
    cached = functools.cache(ask_llm)
    cached(json.dumps(request.data))  # want: LK102


def buffers(request):
    buf = io.StringIO()
    buf.write("Summarize: ")
    buf.write(json.dumps(request.data))
    ask_llm(buf.getvalue())  # want: LK102
    # Silent: a buffer of constants.
    quiet = io.StringIO()
    quiet.write("Say hello.")
    ask_llm(quiet.getvalue())


def log_sinks(request):
    logging.root.warning("body: %s", request.body)  # want: LK201
    sys.stderr.write(json.dumps(request.data))  # want: LK201
    log.info("payload: %s", pprint.pformat(request.data))  # want: LK201
    log.info("cookie: %s", max(request.COOKIES.get("sessionid", ""), ""))  # want: LK201
    # Silent: a keyed hash of the session cookie.
    log.info("session ref: %s", salted_hmac("log", request.COOKIES.get("sessionid", "")).hexdigest())
    slog.info("request", body=request.body)  # want: LK201
    structlog.get_logger().bind(view="log_sinks").warning("request", data=request.data)  # want: LK201
    loguru_logger.info("request {}", request.data)  # want: LK201
    loguru_logger.bind(view="log_sinks").error("request {}", request.data)  # want: LK201


def log_file_to_model(request):
    path = os.path.join(settings.BASE_DIR, "logs", "app.log")
    with open(path) as f:
        ask_llm(f.read())  # want: LK107
    # Silent: a file that is not a log.
    with open(os.path.join(settings.BASE_DIR, "docs", "faq.txt")) as f:
        ask_llm(f.read())


async def model_output(request):
    answer = answer_of(request.POST.get("question", ""))
    await asyncio.create_subprocess_shell(answer)  # want: LK301
    # Silent: escaped for the shell and for HTML.
    subprocess.run("echo " + shlex.quote(answer), shell=True)
    return JsonResponse({"html": mark_safe(html.escape(answer))})


def cert_login(request):
    # A forwarded certificate subject used to pick the user, unverified.
    user = authenticate(request, remote_user=request.META.get("HTTP_X_SSL_CLIENT_S_DN", ""))  # want: LK401
    return JsonResponse({"ok": user is not None})


def raw_http(request):
    req = urllib.request.Request(  # want: LK102
        "https://api.openai.com/v1/chat/completions",
        data=json.dumps({"messages": [{"role": "user", "content": json.dumps(request.data)}]}).encode(),
    )
    return urllib.request.urlopen(req)


def chained_lookup(request):
    # Silent: a row looked up by the user's e-mail is not the e-mail.
    log.info("entry: %s", entries.filter(active=True).get(email=request.user.email))


def annotated(req: HttpRequest):
    # A parameter annotated as the request is the request, whatever its name.
    ask_llm(json.dumps(req.POST))  # want: LK102


def containers(request):
    parts = ["Summarize:"]
    parts.insert(0, json.dumps(request.data))
    ask_llm(" ".join(parts))  # want: LK102
    options = {}
    body = options.setdefault("body", json.dumps(request.data))
    ask_llm(body)  # want: LK102
    context = {"body": request.data}
    ask_llm(json.dumps(context.copy()))  # want: LK102
    # Silent: the copy's other key holds a constant.
    ask_llm(context.copy().get("missing", "none"))


WORDS = re.compile(r"\w+")


def regexes(request):
    # A secret rewritten by a regex, or split into words, is still the secret.
    ask_llm(WORDS.sub("-", settings.SECRET_KEY))  # want: LK105
    ask_llm(" ".join(WORDS.findall(settings.SECRET_KEY)))  # want: LK105
    # Escaped for XML by a library the models name only by the method.
    ask_llm(xml_escape(settings.SECRET_KEY))  # want: LK105
    # Silent: whether it matched.
    ask_llm(str(bool(WORDS.match(settings.SECRET_KEY))))


def unknown_library(request):
    # Silent: a library call no model row describes returns a fresh value
    # (unless propagate-unknown is set).
    import markdown

    ask_llm(markdown.markdown(json.dumps(request.data)))


def json_errors(request):
    data = request.data
    try:
        if not isinstance(data, dict):
            raise json.JSONDecodeError("expected an object", doc=str(data), pos=0)
    except json.JSONDecodeError as err:
        # Silent: the error renders its message, not the document.
        log.error("bad body: %s", err)
    try:
        raise ValueError(f"bad body {data}")
    except ValueError as err:
        # A message that holds the body renders it.
        log.error("bad body: %s", err)  # want: LK201
