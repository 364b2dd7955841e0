"""LangChain chat models of every provider, and each way of calling them."""
import json

from django.conf import settings
from django.http import JsonResponse
from langchain_anthropic import ChatAnthropic
from langchain_aws import ChatBedrock
from langchain_google_genai import ChatGoogleGenerativeAI
from langchain_ollama import ChatOllama
from langchain_openai import AzureChatOpenAI, ChatOpenAI, OpenAIEmbeddings

openai_llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
claude = ChatAnthropic(model="claude-3-5-sonnet-latest")
local = ChatOllama(model="llama3.1")
azure = AzureChatOpenAI(azure_deployment="gpt-4o-prod", api_version="2024-10-21")
bedrock = ChatBedrock(model_id="anthropic.claude-3-haiku-20240307-v1:0", region_name="eu-west-1")
gemini = ChatGoogleGenerativeAI(model="gemini-1.5-pro", google_api_key=settings.GOOGLE_API_KEY)
embedder = OpenAIEmbeddings(model="text-embedding-3-small")


def openai_invoke(request):
    # ChatOpenAI.invoke: the first name.
    answer = openai_llm.invoke(f"Write a birthday note for {request.user.first_name}")  # want: LK104
    return JsonResponse({"text": answer.content})


async def anthropic_ainvoke(request):
    # ChatAnthropic.ainvoke: the whole body.
    answer = await claude.ainvoke("Review this submission: " + json.dumps(request.data))  # want: LK102
    return JsonResponse({"text": answer.content})


def ollama_stream(request):
    # ChatOllama.stream: the cookie header.
    parts = [chunk.content for chunk in local.stream(f"Decode {request.META.get('HTTP_COOKIE')}")]  # want: LK103
    return JsonResponse({"text": "".join(parts)})


async def azure_astream(request):
    # AzureChatOpenAI.astream in async for: a forwarded client certificate.
    parts = []
    async for chunk in azure.astream(f"Summarize {request.headers.get('X-Forwarded-Client-Cert')}"):  # want: LK101
        parts.append(chunk.content)
    return JsonResponse({"text": "".join(parts)})


def bedrock_batch(request):
    # ChatBedrock.batch: the username in one of the prompts.
    answers = bedrock.batch(["Say hello.", f"Say hello to {request.user.username}."])  # want: LK104
    return JsonResponse({"texts": [a.content for a in answers]})


def gemini_predict(request):
    # ChatGoogleGenerativeAI.predict (legacy): a settings token in the text.
    text = gemini.predict(f"Is {settings.INTERNAL_WEBHOOK_TOKEN} well formed?")  # want: LK105
    return JsonResponse({"text": text})


def model_call(request):
    # __call__ on a chat model: llm(text) with the whole query string.
    answer = openai_llm(str(request.GET))  # want: LK102
    return JsonResponse({"text": answer.content})


def embed_query_pii(request):
    # OpenAIEmbeddings.embed_query: the e-mail embedded.
    vector = embedder.embed_query(request.user.email)  # want: LK104
    return JsonResponse({"dims": len(vector)})


def embed_documents_payload(request):
    # OpenAIEmbeddings.embed_documents: every value of the POST.
    vectors = embedder.embed_documents(list(request.POST.values()))  # want: LK102
    return JsonResponse({"count": len(vectors)})


def clean_calls(request):
    # Silent: every model called with a constant or a single field.
    question = request.POST.get("question", "")
    openai_llm.invoke(question)
    claude.invoke("Tell me a joke.")
    local.batch([question, "and in French?"])
    gemini.predict(question)
    embedder.embed_query(request.GET.get("q", ""))
    return JsonResponse({"ok": True})


def local_model(request):
    # A chat model built inside the view: the password field.
    chat = ChatOpenAI(model="gpt-4o", temperature=0.2)
    answer = chat.invoke(f"Rate the strength of {request.POST.get('password', '')}")  # want: LK103
    return JsonResponse({"text": answer.content})


def init_chat_model_invoke(request):
    # init_chat_model(...) returns a chat model: the whole body.
    from langchain.chat_models import init_chat_model

    model = init_chat_model("gpt-4o-mini", model_provider="openai")
    answer = model.invoke(request.body.decode())  # want: LK102
    return JsonResponse({"text": answer.content})


def structured_output(request):
    # with_structured_output(...) and bind_tools(...) wrap the same model.
    extractor = openai_llm.with_structured_output({"title": "Contact", "type": "object", "properties": {}})
    contact = extractor.invoke(f"Extract the contact from {request.user.email}")  # want: LK104
    tooled = openai_llm.bind_tools([])
    tooled.invoke(f"Look up the session {request.session.session_key}")  # want: LK103
    return JsonResponse({"contact": contact})


def vertex_embeddings(request):
    # VertexAIEmbeddings: its own methods, and the google-genai client it
    # holds, send the text.
    from langchain_google_vertexai import VertexAIEmbeddings

    vertex = VertexAIEmbeddings(model="text-embedding-005")
    vertex.embed_query(request.user.email)  # want: LK104
    vertex.client.models.embed_content(model=vertex.model_name, contents=[request.user.email])  # want: LK104
    return JsonResponse({"ok": True})
