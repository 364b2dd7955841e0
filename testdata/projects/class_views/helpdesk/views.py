"""Class-based views: self.request in get/post and helper methods, self.client from __init__."""
import logging

from django.http import JsonResponse
from django.views import View
from django.views.generic import FormView, TemplateView
from openai import OpenAI

from .forms import ContactForm
from .mixins import AssistantMixin

logger = logging.getLogger(__name__)


class TicketAssistView(View):
    """The client is created in __init__ and used by the other methods."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.client = OpenAI()

    def _client_identity(self):
        # A helper method returning a source read from self.request.
        return self.request.META.get("HTTP_X_SSL_CLIENT_S_DN", "")

    def _ask(self, prompt):
        # A method wrapper: prompt reaches self.client.
        completion = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": prompt}],
        )
        return completion.choices[0].message.content

    def get(self, request, *args, **kwargs):
        # The helper's source passed to the method wrapper.
        identity = self._client_identity()
        answer = self._ask(f"Which open tickets belong to {identity}?")  # want: LK101
        return JsonResponse({"answer": answer})

    def post(self, request, *args, **kwargs):
        # The request parameter of post(): the whole form, straight to self.client.
        completion = self.client.chat.completions.create(  # want: LK102
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Triage: {request.POST.dict()}"}],
        )
        # Silent by default: personal data in a log is LK203 (off by default).
        logger.info("triage for %s", self.request.user.email)
        return JsonResponse({"triage": completion.choices[0].message.content})

    def put(self, request, *args, **kwargs):
        # Silent: the ticket id from the URL and a single field.
        answer = self._ask(f"Ticket {self.kwargs.get('pk')}: {self.request.GET.get('q', '')}")
        return JsonResponse({"answer": answer})


class WelcomeView(TemplateView):
    template_name = "helpdesk/welcome.html"

    def get_context_data(self, **kwargs):
        # self.request.user in a method that is not get/post.
        context = super().get_context_data(**kwargs)
        context["intro"] = OpenAI().responses.create(  # want: LK104
            model="gpt-4o-mini",
            input=f"Write a one-line welcome for {self.request.user.get_full_name()}",
        ).output_text
        return context


class ContactView(FormView):
    form_class = ContactForm
    template_name = "helpdesk/contact.html"
    success_url = "/thanks/"

    def form_valid(self, form):
        # form.cleaned_data as a whole, then one PII field, then one plain field.
        client = OpenAI()
        client.chat.completions.create(  # want: LK102
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": str(form.cleaned_data)}],
        )
        client.chat.completions.create(  # want: LK104
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Reply to {form.cleaned_data['email']}"}],
        )
        client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": form.cleaned_data["message"]}],
        )
        return super().form_valid(form)


class SessionHelpView(AssistantMixin, View):
    """The sink comes from a mixin base class."""

    def get(self, request, *args, **kwargs):
        answer = self.ask_llm(f"Why did my session {self.request.session.session_key} expire?")  # want: LK103
        return JsonResponse({"answer": answer})

    def post(self, request, *args, **kwargs):
        # Silent: a single field and the user id.
        answer = self.ask_llm(f"User {request.user.id} asks: {request.POST.get('question', '')}")
        return JsonResponse({"answer": answer})


class StatusView(View):
    """Silent: the same shapes with nothing sensitive."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.client = OpenAI()

    def get(self, request, *args, **kwargs):
        completion = self.client.chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"Status of {self.request.path} for staff={request.user.is_staff}"}],
        )
        logger.info("status page for user %s", self.request.user.pk)
        return JsonResponse({"status": len(completion.choices)})
