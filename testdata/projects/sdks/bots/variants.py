"""Other forms of the same SDKs: async and Azure clients, embeddings, LangChain ainvoke/stream/batch."""
import json

from langchain_openai import ChatOpenAI
from openai import AsyncOpenAI, AzureOpenAI

aclient = AsyncOpenAI()
azure = AzureOpenAI(api_version="2024-06-01", azure_endpoint="https://example-openai.openai.azure.com")
llm = ChatOpenAI(model="gpt-4o-mini")


async def async_chat(request):
    # AsyncOpenAI in an async view.
    completion = await aclient.chat.completions.create(  # want: LK104
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Greet {request.user.get_full_name()}"}],
    )
    return completion.choices[0].message.content


def azure_chat(request):
    # AzureOpenAI: same surface as OpenAI.
    completion = azure.chat.completions.create(  # want: LK103
        model="gpt-4o-mini-deployment",
        messages=[{"role": "user", "content": f"Explain {request.headers}"}],
    )
    return completion.choices[0].message.content


def embed_profile(request):
    # Embeddings send text to the provider too.
    azure.embeddings.create(model="text-embedding-3-small", input=request.user.email)  # want: LK104


async def langchain_ainvoke(request):
    # ainvoke
    result = await llm.ainvoke(json.dumps(request.data))  # want: LK102
    return result.content


def langchain_stream(request):
    # stream
    for chunk in llm.stream(f"Tell a story about {request.META.get('SSL_CLIENT_S_DN_CN')}"):  # want: LK101
        yield chunk.content


def embed_question(request):
    # Silent: the user's own question embedded.
    return azure.embeddings.create(model="text-embedding-3-small", input=request.GET.get("q", ""))
