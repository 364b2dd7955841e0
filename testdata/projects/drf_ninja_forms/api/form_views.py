"""Django forms: cleaned_data as a whole vs single fields, in a function view and a FormView."""
from django.http import JsonResponse
from django.views.generic.edit import FormView

from .forms import ContactForm
from .llm import summarize


def contact(request):
    form = ContactForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    # form.cleaned_data as a whole.
    triage = summarize(str(form.cleaned_data))  # want: LK102
    # Silent: the message field.
    gist = summarize(form.cleaned_data["message"])
    # The email field is PII.
    reply = summarize(f"Reply to {form.cleaned_data['email']}")  # want: LK104
    return JsonResponse({"triage": triage, "gist": gist, "reply": reply})


class ContactFormView(FormView):
    form_class = ContactForm
    template_name = "contact.html"

    def form_valid(self, form):
        # form_valid(self, form): cleaned_data as a whole through .items().
        lines = [f"{key}: {value}" for key, value in form.cleaned_data.items()]
        summarize("\n".join(lines))  # want: LK102
        # Silent: the topic field.
        summarize(form.cleaned_data.get("topic", ""))
        return JsonResponse({"ok": True})
