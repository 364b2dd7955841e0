"""OpenAI v1, sync client: chat.completions create/parse/stream, beta parse, responses, completions, embeddings."""
import json

from django.conf import settings
from django.http import JsonResponse
from openai import OpenAI
from pydantic import BaseModel

client = OpenAI(api_key=settings.OPENAI_API_KEY)


class Triage(BaseModel):
    category: str
    urgent: bool


def chat_create_pii(request):
    # chat.completions.create: the user's e-mail in the user message.
    completion = client.chat.completions.create(  # want: LK104
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": f"List the orders of {request.user.email}"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def chat_create_field(request):
    # Silent: a single non-sensitive field in the user message.
    completion = client.chat.completions.create(
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def chat_parse(request):
    # chat.completions.parse (structured output): the Authorization header in the prompt.
    parsed = client.chat.completions.parse(  # want: LK103
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": f"Triage a request signed {request.headers['Authorization']}"}],
        response_format=Triage,
    )
    return JsonResponse(parsed.choices[0].message.parsed.model_dump())


def chat_parse_field(request):
    # Silent: parse with the ticket text only; response_format is not prompt text.
    parsed = client.chat.completions.parse(
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": request.POST.get("ticket", "")}],
        response_format=Triage,
    )
    return JsonResponse(parsed.choices[0].message.parsed.model_dump())


def beta_parse(request):
    # beta.chat.completions.parse: the client-certificate subject in the prompt.
    parsed = client.beta.chat.completions.parse(  # want: LK101
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": "Triage for " + request.META.get("SSL_CLIENT_S_DN", "")}],
        response_format=Triage,
    )
    return JsonResponse(parsed.choices[0].message.parsed.model_dump())


def chat_stream(request):
    # chat.completions.stream as a context manager: the whole body in the prompt.
    chunks = []
    with client.chat.completions.stream(  # want: LK102
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": request.body.decode()}],
    ) as stream:
        for event in stream:
            if event.type == "content.delta":
                chunks.append(event.delta)
    return JsonResponse({"text": "".join(chunks)})


def chat_stream_constant(request):
    # Silent: streaming a constant prompt.
    with client.chat.completions.stream(
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": "Write a haiku about tea."}],
    ) as stream:
        final = stream.get_final_completion()
    return JsonResponse({"text": final.choices[0].message.content})


def responses_input_secret(request):
    # responses.create(input=...): a settings secret pasted into the input.
    response = client.responses.create(  # want: LK105
        model=settings.LLM_MODEL,
        input=f"Is this Stripe key still valid: {settings.STRIPE_SECRET}?",
    )
    return JsonResponse({"text": response.output_text})


def responses_instructions_field(request):
    # responses.create(instructions=...): a request field as the instructions (system role).
    response = client.responses.create(  # want: LK108
        model=settings.LLM_MODEL,
        instructions=request.POST.get("persona", "You are helpful."),
        input="Introduce yourself.",
    )
    return JsonResponse({"text": response.output_text})


def responses_instructions_constant(request):
    # Silent: constant instructions, the user's question as input.
    response = client.responses.create(
        model=settings.LLM_MODEL,
        instructions="Answer in one paragraph.",
        input=request.POST.get("question", ""),
    )
    return JsonResponse({"text": response.output_text})


def legacy_completion(request):
    # completions.create(prompt=...): the session key in the prompt.
    result = client.completions.create(  # want: LK103
        model="gpt-3.5-turbo-instruct",
        prompt=f"Session {request.session.session_key} expired; write an apology.",
    )
    return JsonResponse({"text": result.choices[0].text})


def embed_full_name(request):
    # embeddings.create(input=...): a list holding the user's full name.
    vectors = client.embeddings.create(  # want: LK104
        model="text-embedding-3-small",
        input=[request.user.get_full_name(), "customer profile"],
    )
    return JsonResponse({"dims": len(vectors.data[0].embedding)})


def embed_query_field(request):
    # Silent: embedding the search query field.
    vectors = client.embeddings.create(model="text-embedding-3-small", input=request.GET.get("q", ""))
    return JsonResponse({"dims": len(vectors.data[0].embedding)})


def upload_document(request):
    # Silent: files.create uploads a document for retrieval; it has no prompt argument.
    uploaded = client.files.create(file=request.FILES["document"], purpose="assistants")
    return JsonResponse({"id": uploaded.id})


def list_models(request):
    # Silent: models.list sends nothing from the request.
    return JsonResponse({"models": [m.id for m in client.models.list()]})


def moderate_constant(request):
    # Silent: moderation of a constant string.
    result = client.moderations.create(model="omni-moderation-latest", input="I will find you.")
    return JsonResponse({"flagged": result.results[0].flagged})


def non_prompt_kwargs(request):
    # Silent: api_key, model and max_tokens are not prompt text.
    scoped = OpenAI(api_key=settings.OPENAI_API_KEY, timeout=20)
    completion = scoped.chat.completions.create(
        model=request.GET.get("model", settings.LLM_MODEL),
        max_tokens=int(request.GET.get("max_tokens", "200")),
        messages=[{"role": "user", "content": "Name a prime number."}],
    )
    return JsonResponse({"text": completion.choices[0].message.content, "echo": json.dumps(completion.usage.model_dump())})


def with_options_client(request):
    # client.with_options(...) returns a configured copy of the client.
    completion = client.with_options(timeout=5, max_retries=1).chat.completions.create(  # want: LK104
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": f"Greet {request.user.username}"}],
    )
    return JsonResponse({"text": completion.choices[0].message.content})


def raw_response(request):
    # chat.completions.with_raw_response.create: same prompt, raw HTTP response back.
    raw = client.chat.completions.with_raw_response.create(  # want: LK102
        model=settings.LLM_MODEL,
        messages=[{"role": "user", "content": json.dumps(request.data)}],
    )
    return JsonResponse({"status": raw.http_response.status_code})


def assistants_thread_message(request, thread_id):
    # Assistants API: beta.threads.messages.create adds a user message the model will read.
    client.beta.threads.messages.create(thread_id, role="user", content=f"My e-mail is {request.user.email}")  # want: LK104
    run = client.beta.threads.runs.create(thread_id=thread_id, assistant_id="asst_support")
    return JsonResponse({"run": run.id})
