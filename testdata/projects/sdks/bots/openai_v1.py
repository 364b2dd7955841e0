"""OpenAI Python SDK v1: chat.completions, responses and completions."""
import json

import openai
from openai import OpenAI

client = OpenAI()


def chat_completion(request):
    # chat.completions.create(messages=...): the user's name in a user message.
    completion = client.chat.completions.create(  # want: LK104
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "You write short, friendly greetings."},
            {"role": "user", "content": f"Write a greeting for {request.user.first_name}"},
        ],
    )
    return completion.choices[0].message.content


def responses_input(request):
    # responses.create(input=...): the whole body as input; constant instructions.
    response = client.responses.create(  # want: LK102
        model="gpt-4o-mini",
        instructions="Classify the ticket as bug, question or request.",
        input=json.dumps(request.data),
    )
    return response.output_text


def responses_message_list(request):
    # responses.create(input=[messages]): the Authorization header in a message list.
    response = client.responses.create(  # want: LK103
        model="gpt-4o-mini",
        input=[{"role": "user", "content": f"Which auth scheme is this? {request.headers.get('Authorization')}"}],
    )
    return response.output_text


def legacy_completions(request):
    # completions.create(prompt=...): the certificate DN in a completion prompt.
    dn = request.META.get("SSL_CLIENT_S_DN", "")
    result = client.completions.create(model="gpt-3.5-turbo-instruct", prompt=f"Department of {dn}:")  # want: LK101
    return result.choices[0].text


def module_attribute_client(request):
    # openai.OpenAI() through the module attribute.
    other = openai.OpenAI()
    other.chat.completions.create(  # want: LK103
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": str(request.COOKIES)}],
    )


def message_history(request):
    # A message list built with .append() before the call.
    history = [{"role": "system", "content": "You are a billing assistant."}]
    history.append({"role": "user", "content": f"My cookie is {request.COOKIES.get('billing_session')}"})
    client.chat.completions.create(model="gpt-4o-mini", messages=history)  # want: LK103


def user_question_only(request):
    # Silent: the user's own question, a single field.
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.POST.get("question", "")}],
    )
    return completion.choices[0].message.content
