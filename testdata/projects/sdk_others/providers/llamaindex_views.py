"""LlamaIndex: query and chat engines, and its OpenAI LLM class (not openai.OpenAI)."""
import logging

from django.http import JsonResponse
from llama_index.core import SimpleDirectoryReader, VectorStoreIndex
from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.llms import ChatMessage
from llama_index.llms.openai import OpenAI

index = VectorStoreIndex.from_documents(SimpleDirectoryReader("docs").load_data())
llm = OpenAI(model="gpt-4o-mini", temperature=0)


def query_engine(request):
    # index.as_query_engine().query(x): the e-mail in the query.
    response = index.as_query_engine().query(f"Which tickets did {request.user.email} open?")  # want: LK104
    return JsonResponse({"text": str(response)})


def chat_engine(request):
    # as_chat_engine() kept in a variable, then .chat(x): the whole body.
    engine = index.as_chat_engine(chat_mode="context")
    response = engine.chat(request.body.decode())  # want: LK102
    return JsonResponse({"text": response.response})


def llm_complete(request):
    # llama_index OpenAI.complete(x): the Authorization header.
    result = llm.complete(f"Parse the scheme of {request.headers.get('Authorization')}")  # want: LK103
    return JsonResponse({"text": result.text})


def llm_chat(request):
    # llama_index OpenAI.chat(messages): the certificate DN in a user message.
    messages = [ChatMessage(role="user", content=f"Who is {request.META.get('SSL_CLIENT_S_DN')}?")]
    result = llm.chat(messages)  # want: LK101
    return JsonResponse({"text": result.message.content})


def llm_chat_system(request):
    # A system ChatMessage filled from the request.
    messages = [
        ChatMessage(role="system", content=request.POST.get("instructions", "")),
        ChatMessage(role="user", content="Start."),
    ]
    result = llm.chat(messages)  # want: LK108
    return JsonResponse({"text": result.message.content})


def llamaindex_clean(request):
    # Silent: engines and the LLM with the question field.
    question = request.GET.get("q", "")
    index.as_query_engine().query(question)
    result = llm.complete(question)
    return JsonResponse({"text": result.text})


def llm_tool_calls(request):
    # The tool calls read back from a chat response are the model's answer.
    response = llm.chat_with_tools(tools=[], user_msg="List the open tickets.")
    calls = llm.get_tool_calls_from_response(response, error_on_no_tool_call=False)
    logging.getLogger(__name__).debug("tool calls: %s", calls)  # want: LK202
    return JsonResponse({"n": len(calls)})


def embedder(kind) -> "BaseEmbedding":
    # Either embedding class: the declared base class stands for both.
    if kind == "local":
        from llama_index.embeddings.huggingface import HuggingFaceEmbedding

        return HuggingFaceEmbedding(model_name="all-MiniLM-L6-v2")
    from llama_index.embeddings.openai import OpenAIEmbedding

    return OpenAIEmbedding(model="text-embedding-3-small")


def embed_profile(request, kind):
    # Embedding text sends it to the embedding model.
    vectors = embedder(kind).get_text_embedding_batch([request.user.email])  # want: LK104
    return JsonResponse({"n": len(vectors)})


def embed_owner(request, model: BaseEmbedding):
    # Known by its annotation alone.
    return JsonResponse({"v": model.get_query_embedding(request.user.email)})  # want: LK104
