"""OpenAI Python SDK v0: the module-level ChatCompletion and Completion APIs."""
import traceback

import openai
from django.conf import settings

# Silent: configuring the key is not a prompt.
openai.api_key = settings.OPENAI_API_KEY


def chat_completion_v0(request):
    # openai.ChatCompletion.create(messages=...)
    return openai.ChatCompletion.create(  # want: LK104
        model="gpt-3.5-turbo",
        messages=[{"role": "user", "content": f"Summarize the account of {request.user.email}"}],
    )


def completion_v0(request):
    # openai.Completion.create(prompt=...): a traceback as the prompt.
    try:
        return int(request.GET.get("n", "x"))
    except ValueError:
        return openai.Completion.create(engine="text-davinci-003", prompt=traceback.format_exc())  # want: LK106


def chat_completion_v0_clean(request):
    # Silent: constant system text and a single field.
    return openai.ChatCompletion.create(
        model="gpt-3.5-turbo",
        messages=[
            {"role": "system", "content": "Answer in one sentence."},
            {"role": "user", "content": request.GET.get("q", "")},
        ],
    )
