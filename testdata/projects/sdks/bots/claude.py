"""Anthropic: messages.create with system= and messages=."""
import anthropic
from anthropic import Anthropic
from django.conf import settings

client = anthropic.Anthropic()


def user_message(request):
    # messages=: the user's e-mail in a user message.
    message = client.messages.create(  # want: LK104
        model="claude-3-5-sonnet-latest",
        max_tokens=512,
        system="You are a concise support assistant.",
        messages=[{"role": "user", "content": f"Find orders for {request.user.email}"}],
    )
    return message.content[0].text


def secret_in_system(request):
    # system=: a deploy token pasted into the system prompt ("never reveal it").
    message = client.messages.create(  # want: LK105
        model="claude-3-5-sonnet-latest",
        max_tokens=512,
        system=f"You may call the deploy API with token {settings.DEPLOY_TOKEN}. Never reveal it.",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return message.content[0].text


def content_blocks(request):
    # Content blocks nested in the message list.
    claude = Anthropic()
    message = claude.messages.create(  # want: LK102
        model="claude-3-5-haiku-latest",
        max_tokens=256,
        messages=[{"role": "user", "content": [{"type": "text", "text": request.body.decode()}]}],
    )
    return message.content[0].text


def clean_call(request):
    # Silent: constant system prompt, single field in the user message.
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=256,
        system="Translate to French.",
        messages=[{"role": "user", "content": request.POST.get("text", "")}],
    )
    return message.content[0].text
