"""Anthropic: messages.create (system= and messages=), messages.stream, AsyncAnthropic, completions.create."""
import json

import anthropic
from anthropic import AI_PROMPT, HUMAN_PROMPT, AsyncAnthropic
from django.conf import settings
from django.http import JsonResponse

client = anthropic.Anthropic(api_key=settings.ANTHROPIC_API_KEY)
aclient = AsyncAnthropic()


def system_from_field(request):
    # system=: a request field becomes the system prompt (prompt injection into the system role).
    message = client.messages.create(  # want: LK108
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        system=f"You are {request.POST.get('persona', 'a helpful assistant')}.",
        messages=[{"role": "user", "content": "Introduce yourself."}],
    )
    return JsonResponse({"text": message.content[0].text})


def system_blocks_from_query(request):
    # system= as a list of text blocks holding a query parameter.
    message = client.messages.create(  # want: LK108
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        system=[{"type": "text", "text": "Style guide: " + request.GET.get("style", "plain")}],
        messages=[{"role": "user", "content": "Write a product blurb."}],
    )
    return JsonResponse({"text": message.content[0].text})


def system_with_pii(request):
    # system= with the signed-in user's full name: PII (the account record is not request input).
    message = client.messages.create(  # want: LK104
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        system=f"You are assisting {request.user.get_full_name()}.",
        messages=[{"role": "user", "content": "What can you do for me?"}],
    )
    return JsonResponse({"text": message.content[0].text})


def system_with_whole_body(request):
    # system= with the whole JSON body: a payload leak and request input in the system role.
    message = client.messages.create(  # want: LK102, LK108
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        system="Context for this session: " + json.dumps(request.data),
        messages=[{"role": "user", "content": "Summarize my context."}],
    )
    return JsonResponse({"text": message.content[0].text})


def system_constant_user_field(request):
    # Silent: constant system prompt, the question field as the user turn.
    message = client.messages.create(
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        system="You answer questions about our return policy.",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"text": message.content[0].text})


def system_with_number(request):
    # Silent: int() of a field in the system prompt carries no text.
    limit = int(request.GET.get("words", "50"))
    message = client.messages.create(
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        system=f"Answer in at most {limit} words.",
        messages=[{"role": "user", "content": "Why is the sky blue?"}],
    )
    return JsonResponse({"text": message.content[0].text})


def messages_with_cookie(request):
    # messages=: a cookie value in a user turn after an assistant turn.
    message = client.messages.create(  # want: LK103
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        messages=[
            {"role": "user", "content": "I cannot stay signed in."},
            {"role": "assistant", "content": "Which session cookie do you have?"},
            {"role": "user", "content": request.COOKIES.get("sessionid", "")},
        ],
    )
    return JsonResponse({"text": message.content[0].text})


def stream_cert(request):
    # messages.stream as a context manager: the certificate subject.
    with client.messages.stream(  # want: LK101
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        messages=[{"role": "user", "content": f"Greet {request.META.get('SSL_CLIENT_S_DN_CN')}"}],
    ) as stream:
        text = "".join(stream.text_stream)
    return JsonResponse({"text": text})


def stream_clean(request):
    # Silent: streaming the user's own question.
    with client.messages.stream(
        model=settings.CLAUDE_MODEL,
        max_tokens=512,
        messages=[{"role": "user", "content": request.GET.get("q", "")}],
    ) as stream:
        final = stream.get_final_message()
    return JsonResponse({"text": final.content[0].text})


async def async_create(request):
    # await AsyncAnthropic messages.create: the e-mail in the user turn.
    message = await aclient.messages.create(  # want: LK104
        model=settings.CLAUDE_MODEL,
        max_tokens=256,
        messages=[{"role": "user", "content": f"Draft a welcome mail to {request.user.email}"}],
    )
    return JsonResponse({"text": message.content[0].text})


async def async_stream_system(request):
    # async with AsyncAnthropic messages.stream: a header value as the system prompt.
    async with aclient.messages.stream(  # want: LK108
        model=settings.CLAUDE_MODEL,
        max_tokens=256,
        system=request.headers.get("X-Assistant-Persona", "Be brief."),
        messages=[{"role": "user", "content": "Hello"}],
    ) as stream:
        final = await stream.get_final_message()
    return JsonResponse({"text": final.content[0].text})


def legacy_completion(request):
    # completions.create(prompt=...): the raw body in a Human/Assistant prompt.
    completion = client.completions.create(  # want: LK102
        model="claude-2.1",
        max_tokens_to_sample=300,
        prompt=f"{HUMAN_PROMPT} Check this form: {request.body.decode()}{AI_PROMPT}",
    )
    return JsonResponse({"text": completion.completion})


def legacy_completion_clean(request):
    # Silent: legacy completion with a single field.
    completion = client.completions.create(
        model="claude-2.1",
        max_tokens_to_sample=300,
        prompt=f"{HUMAN_PROMPT} {request.POST.get('question', '')}{AI_PROMPT}",
    )
    return JsonResponse({"text": completion.completion})


def non_prompt_arguments(request):
    # Silent: metadata user id, model and token limits are not prompt text; models.list sends nothing.
    client.models.list()
    message = client.messages.create(
        model=request.GET.get("model", settings.CLAUDE_MODEL),
        max_tokens=int(request.GET.get("max_tokens", "256")),
        metadata={"user_id": str(request.user.pk)},
        messages=[{"role": "user", "content": "Say hi."}],
    )
    return JsonResponse({"text": message.content[0].text})


def beta_messages(request):
    # client.beta.messages.create (beta features): the Authorization header.
    message = client.beta.messages.create(  # want: LK103
        model=settings.CLAUDE_MODEL,
        max_tokens=256,
        betas=["token-efficient-tools-2025-02-19"],
        messages=[{"role": "user", "content": f"Explain {request.META.get('HTTP_AUTHORIZATION')}"}],
    )
    return JsonResponse({"text": message.content[0].text})


def bedrock_hosted_claude(request):
    # AnthropicBedrock has the same messages surface.
    hosted = anthropic.AnthropicBedrock(aws_region="us-east-1")
    message = hosted.messages.create(  # want: LK104
        model="anthropic.claude-3-5-sonnet-20241022-v2:0",
        max_tokens=256,
        messages=[{"role": "user", "content": f"Write to {request.user.email}"}],
    )
    return JsonResponse({"text": message.content[0].text})
