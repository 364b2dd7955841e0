"""The request, its parts and what comes of them, as the request models
describe them."""
import json
import logging
import os

import requests
from django import forms
from django.conf import settings
from ninja import Router, Schema

from models_app.wrappers import ask_llm

log = logging.getLogger(__name__)
router = Router()


class ContactForm(forms.Form):
    message = forms.CharField()


class SignupIn(Schema):
    email: str
    password: str
    title: str


def request_methods(request):
    ask_llm(request.read())  # want: LK102
    # Silent: request input, not sensitive (LK109 only), and checks.
    ask_llm(request.get_full_path())
    log.info("may edit: %s", request.user.has_perm("pages.change_page"))
    log.info("modified: %s", request.session.modified)
    log.info("expires in %s", request.session.get_expiry_age())
    for key in request.META:
        log.info("header %s", key)


def bound_form(request):
    form = ContactForm(request.POST)
    ask_llm(json.dumps(form.data))  # want: LK102
    ask_llm(str(request.POST.iterlists()))  # want: LK102


@router.post("/signup")
def signup(request, body: SignupIn):
    ask_llm(f"Welcome {body.email}")  # want: LK104
    ask_llm(f"Check {body.password}")  # want: LK103
    # Silent: one named field of the body.
    ask_llm(f"Title: {body.title}")


def uploads(request):
    upload = request.FILES["doc"]
    ask_llm(upload.file.read())  # want: LK102
    # Silent: an upload's state and housekeeping.
    log.info("closed: %s", upload.closed)
    upload.seek(0)


def raw_model_response(request):
    resp = requests.post("https://api.openai.com/v1/chat/completions", json={"messages": [{"role": "user", "content": "Hi"}]})
    body = resp.json()
    # Silent: token counts are metadata, not model output.
    log.info("usage: %s", body["usage"])
    eval(body["choices"][0]["message"]["content"])  # want: LK301


def environment(request):
    log.info("environment: %s", list(os.environ.values()))  # want: LK201
    log.info("copy: %s", os.environ.copy())  # want: LK201
    # Silent: the names of the variables.
    log.info("names: %s", os.environ.keys())
    log.info("encoding: %s", os.environ.encodekey)
    for name in os.environ:
        log.info("variable %s", name)


def log_paths(request):
    rotated = settings.AUDIT_LOG_PATH.with_suffix(".1")
    ask_llm(rotated.read_text())  # want: LK107
    current = settings.AUDIT_LOG_PATH.open()
    ask_llm(current.read())  # want: LK107
    # Silent: the file's name, and closing it.
    ask_llm(current.name)
    current.close()


class ModelHandler(logging.Handler):
    """A log handler that asks a model about each record."""

    def emit(self, record):
        ask_llm(record.getMessage())  # want: LK107
        # Silent: the record's level and logger name.
        ask_llm(f"{record.levelname} from {record.name}")


def exception_methods(request):
    try:
        json.loads(request.body)
    except ValueError as err:
        ask_llm(err.with_traceback(None))  # want: LK106
