"""Lessons from scanning real Django projects: each case is a false positive or a miss seen in the wild."""
import asyncio
import json
import logging
import os
import re

import llm
import openai
from django.conf import settings
from django.http import JsonResponse
from llama_index.core.query_engine import RetrieverQueryEngine
from vectorstore import VectorClient

import ipware
import requests
from copy import deepcopy
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.views import View

from .forms import SiteForm
from urllib.parse import parse_qs

import stripe

from .models import Note, Team
from .services import AuditHelper, Helper

log = logging.getLogger(__name__)


# --- The openai module as a client --------------------------------------------------


def module_client(request):
    # openai.chat.completions.create uses the module's default client.
    reply = openai.chat.completions.create(  # want: LK104
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": f"Greet {request.user.email}"}],
    )
    return JsonResponse({"text": reply.choices[0].message.content})


def relay_body(request):
    # Silent: each keyword spread from the body is one field of it (model,
    # messages), and the messages are the user's own conversation.
    reply = openai.chat.completions.create(**json.loads(request.body))
    return JsonResponse({"text": reply.choices[0].message.content})


def module_client_constant(request):
    # Silent: a constant prompt.
    openai.chat.completions.create(model=settings.LLM_MODEL, messages=[{"role": "user", "content": "Ping."}])
    return JsonResponse({})


# --- Query results are not the filter's arguments ------------------------------------


def teams_for_user(request):
    # Silent: rows filtered by request.user, a count and the model's name.
    teams = Team.objects.visible_to(request.user)
    log.info("listing %s teams for a member (%s)", teams.count(), teams.model._meta.verbose_name)
    return JsonResponse({"teams": [t.name for t in teams]})


# --- A client built with a key is not the key -----------------------------------------


def vector_search(request):
    # Silent: the search results of a client constructed with an API key.
    index = VectorClient(api_key=settings.VECTOR_API_KEY).index("docs")
    hits = index.query(vector=[0.1, 0.2], top_k=3)
    context = "\n".join(hit.text for hit in hits)
    reply = openai.chat.completions.create(
        model=settings.LLM_MODEL, messages=[{"role": "user", "content": context}]
    )
    return JsonResponse({"text": reply.choices[0].message.content})


def environment_names(request):
    # Silent: the names of the environment variables.
    for name, _value in os.environ.items():
        log.debug("env has %s", name)
    return JsonResponse({})


# --- Forms saved to the database ----------------------------------------------------


def create_site(request):
    # Silent: the saved row and its primary key.
    site = SiteForm(request.POST).save()
    log.info("created %s (pk=%s)", site, site.pk)
    return JsonResponse({"id": site.pk})


# --- Uploads: metadata is not contents ------------------------------------------------


def upload(request):
    upload = request.FILES["document"]
    # Silent: the file's name and size.
    log.info("received %s (%d bytes)", upload.name, upload.size)
    # The contents are the payload.
    reply = openai.embeddings.create(model="text-embedding-3-small", input=upload.read().decode())  # want: LK102
    return JsonResponse({"dims": len(reply.data[0].embedding)})


# --- Keyword options are separate values ----------------------------------------------


def keyword_options(request):
    # Silent: the helper logs only its "name" option.
    Helper(request, name="support-bot", user=request.user)
    # Silent: the audit helper logs its "user" option, the acting user
    # rendered: an identifier audit lines need (never a log finding).
    AuditHelper(user=request.user, reason="export")
    return JsonResponse({})


def placeholder_key(request):
    # Silent: a placeholder, not a key.
    key = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"
    return JsonResponse({"text": llm.get_model("gpt-4o-mini").prompt(f"Explain the key format {key}").text()})


# --- Keys from variables and masking --------------------------------------------------


class FilteredList:
    param_name = "status"

    def get(self, request):
        # Silent: one query parameter, named by a class attribute.
        status = request.GET.get(self.param_name)
        log.info("filtering by %s", status)
        return JsonResponse({})


def masked_token(request):
    auth = request.META.get("HTTP_AUTHORIZATION", "")
    # Silent: a six-character prefix and stars.
    log.debug("auth header %s", auth[:6] + "****")
    # Forty characters are the header, not a mask.
    log.debug("auth header %s", auth[:40])  # want: LK201
    return JsonResponse({})


# --- Engines built from their classes, and the llm library ------------------------------


def document_chat(request, retriever, model):
    # A LlamaIndex query engine built with from_args: the e-mail in the query.
    engine = RetrieverQueryEngine.from_args(retriever=retriever, llm=model)
    answer = engine.query(f"Which documents mention {request.user.email}?")  # want: LK104
    return JsonResponse({"text": str(answer)})


def llm_library(request):
    # llm.get_model(...).prompt(...): the whole query string.
    answer = llm.get_model("gpt-4o-mini").prompt(f"Summarize {request.GET.dict()}")  # want: LK102
    return JsonResponse({"text": answer.text()})


# --- Properties ------------------------------------------------------------------------


class Ticket:
    def __init__(self, email):
        self.email = email

    @property
    def label(self):
        log.info("label for %s", self.email)
        return "ticket"

    @property
    def audit(self):
        # A property that logs the owner, then hands back a logger its callers call.
        log.info("audit for %s", self.email)
        return log


def property_logging(request):
    # A property logs what the constructor stored: reported at the constructor
    # call, as LK203 (personal data in a log, off by default).
    ticket = Ticket(request.user.email)
    return JsonResponse({"label": ticket.label})


def property_as_receiver(request):
    # Silent: the same through a property used as a call's receiver, with
    # the acting user's username (never a log finding).
    ticket = Ticket(request.user.username)
    ticket.audit.info("opened")
    return JsonResponse({})


def resource_name(request):
    # Silent: a bare "name" parameter names a resource, not a person.
    log.info("looking up %s", request.GET.get("name"))
    # A person's full name is PII: LK203, off by default.
    log.info("greeting %s", request.POST.get("full_name"))
    return JsonResponse({})


# --- Bound forms and class-level querysets --------------------------------------------


def failed_login(request):
    form = AuthenticationForm(request, data=request.POST)
    if not form.is_valid():
        # The one field logged: a username is PII, LK203 (off by default).
        log.warning("login failed for %s", form["username"].value())
        # Silent: the form's error messages.
        log.warning("errors: %s", form.errors)
    return JsonResponse({})


class TeamList(View):
    queryset = Team.objects.all()
    form = SiteForm

    def get(self, request):
        # Silent: the queryset restricted to the user, then its model's name.
        self.queryset = self.queryset.restrict(request.user, "view")
        log.info("listing %s", self.queryset.model._meta.verbose_name)
        return JsonResponse({})

    def post(self, request):
        # Silent: a form class held in an attribute, bound to the POST, saved.
        form = self.form(data=request.POST)
        site = form.save()
        log.info("saved %s", site)
        return JsonResponse({})


# --- More shapes from the second evaluation --------------------------------------------


CONTROL_CHARS = re.compile(r"[\x00-\x1f]")


def environment_values(request):
    # Every environment value, secrets among them, written to the log.
    for name, value in os.environ.items():
        log.debug("env %s=%s", name, value)  # want: LK201
        # Cleaned by a regex, still the value.
        log.debug("env %s=%s", name, CONTROL_CHARS.sub("", value))  # want: LK201
    return JsonResponse({})


def reset_lookup(request):
    # Silent: rows found by the e-mail, through the default manager.
    for user in get_user_model()._default_manager.filter(email__iexact=request.POST.get("email")):
        log.info("reset for user %s", user.pk)
    return JsonResponse({})


def verify_remote(request):
    # Silent: the status of a request sent with a secret header.
    reply = requests.get("https://id.example.com/verify", headers={"Authorization": f"Bearer {settings.VECTOR_API_KEY}"})
    log.error("verification answered %s", reply.status_code)
    return JsonResponse({})


def forward_to_view(request):
    # Silent: the response of another view called in-process.
    response = TeamList.as_view()(request, session_key=request.session.session_key)
    log.debug("inner view answered %s", response.status_code)
    return response


class LoginView(View):
    class LoginForm(forms.Form):
        username = forms.CharField()

    def post(self, request):
        form = LoginView.LoginForm(request.POST)
        if not form.is_valid():
            # Silent: a nested form class's errors.
            log.debug("invalid form: %s", form.errors)
        return JsonResponse({})


class BulkCreate(View):
    form = None
    model_form = None

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            row = {"device": 1}
            row.update(deepcopy(form.cleaned_data))
            bound = self.model_form(row)
            if bound.is_valid():
                # Silent: the row a form saved.
                log.debug("created %s", bound.save())
        return JsonResponse({})


def client_address(request):
    # Silent: what a library extracts from all of request.META (the client's address).
    address = ipware.get_client_ip(meta=request.META)
    log.info("failed login from %s", address)
    # All of request.META written to the log is the credentials in it.
    log.info("failed login with %s", request.META)  # want: LK201
    return JsonResponse({})


# --- Hold-out lessons: rows, library calls given secrets, hand-parsed bodies ------------


def create_note(request):
    # Silent: the row a custom manager created from the user, and its title.
    note = Note.objects.create(title=request.POST.get("title", ""), owner=request.user)
    print(note.title, "created")
    return JsonResponse({"id": note.pk})


def stripe_webhook(request):
    # Silent: a field of the event a signing secret verified.
    event = stripe.Webhook.construct_event(request.body, request.headers.get("Stripe-Signature"), settings.SECRET_KEY)
    log.warning("unhandled event type %s", event["type"])
    return JsonResponse({})


def hand_parsed(request):
    raw = request.body.decode("utf-8")
    # Silent: one named field parsed by hand.
    log.debug("section: %s", parse_qs(raw)["section"][0])
    # The whole body.
    log.debug("raw body: %s", raw)  # want: LK201
    return JsonResponse({})


def notify_chat(request):
    # Silent: Slack's chat.postMessage is not a model endpoint.
    reply = requests.post("https://slack.com/api/chat.postMessage", json={"text": str(request.user)})
    log.info("slack answered %s", reply.json())
    return JsonResponse({})


# --- Second hold-out ----------------------------------------------------------------------


def profile_code(request):
    # Silent: an id of a row found by a chained query on a custom manager.
    code = Team.objects.filter(active=True).filter(name__iexact=request.POST.get("full_name")).first().code
    log.info("profile code %s", code)
    return JsonResponse({})


def _draft(text):
    return openai.chat.completions.create(model=settings.LLM_MODEL, messages=[{"role": "user", "content": text}])


async def draft_in_thread(request):
    # The e-mail reaches the model through asyncio.to_thread.
    await asyncio.to_thread(_draft, f"Write to {request.user.email}")  # want: LK104
    return JsonResponse({})


def session_storage(request):
    # The session's private storage is the whole session.
    log.debug("session: %s", request.session._session)  # want: LK201
    return JsonResponse({})
