"""SDK surfaces the library models describe, one row or more a view."""
import json

import anthropic
import boto3
import cohere
import google.generativeai as gemini
import llm
from agents import Agent, Runner
from google import genai
from google.genai import types
from huggingface_hub import InferenceClient
from langchain.agents import create_agent
from langchain.chains import LLMChain
from langchain_core.messages import AIMessage, ChatMessage, HumanMessage
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from llama_index.llms.openai import OpenAI as LlamaOpenAI
from mistralai import Mistral
from mistralai.client import MistralClient
from openai import OpenAI
from openrouter import OpenRouter

client = OpenAI()


def anthropic_calls(request):
    claude = anthropic.Anthropic().with_options(timeout=10)
    # A client configured by with_options is still the client.
    claude.messages.create(model="claude", max_tokens=50, messages=[{"role": "user", "content": json.dumps(request.data)}])  # want: LK102
    # A tool's description is privileged text sent to the provider.
    claude.messages.create(  # want: LK108
        model="claude",
        max_tokens=50,
        messages=[{"role": "user", "content": "Look this up."}],
        tools=[{"name": "lookup", "description": request.POST.get("tool_hint", ""), "input_schema": {}}],
    )
    # An assistant turn last in the list is a prefill the model continues.
    claude.messages.create(  # want: LK108
        model="claude",
        max_tokens=50,
        messages=[{"role": "user", "content": "Continue."}, {"role": "assistant", "content": request.POST.get("start", "")}],
    )
    # Silent: an assistant turn earlier in the history is not a prefill.
    claude.messages.create(
        model="claude",
        max_tokens=50,
        messages=[{"role": "assistant", "content": request.POST.get("before", "")}, {"role": "user", "content": "Go on."}],
    )
    claude.beta.agents.create(name="helper", system=request.POST.get("persona", ""))  # want: LK108


def bedrock_agent(request):
    runtime = boto3.client("bedrock-agent-runtime")
    runtime.invoke_agent(agentId="a1", sessionId="s1", inputText=json.dumps(request.data))  # want: LK102


def cohere_embed(request):
    cohere.Client().embed(texts=[request.user.email], model="embed-english-v3.0")  # want: LK104


def gemini_calls(request):
    # The system instruction given to the model goes with every call on it.
    persona_model = gemini.GenerativeModel("gemini-1.5-flash", system_instruction=request.POST.get("persona", ""))
    persona_model.generate_content("Say hello.")  # want: LK108
    # Silent: a constant system instruction.
    gemini.GenerativeModel("gemini-1.5-flash", system_instruction="Be brief.").generate_content("Say hello.")
    g = genai.Client()
    g.chats.create(model="gemini-2.0-flash").send_message(json.dumps(request.data))  # want: LK102
    g.models.generate_content(  # want: LK108
        model="gemini-2.0-flash",
        contents="Say hello.",
        config=types.GenerateContentConfig(system_instruction=request.POST.get("persona", "")),
    )
    g.caches.create(model="gemini-2.0-flash", config=types.CreateCachedContentConfig(contents=[json.dumps(request.data)]))  # want: LK102
    g.models.edit_image(model="imagen-3", prompt=json.dumps(request.data), reference_images=[])  # want: LK102


def huggingface_chat(request):
    hf = InferenceClient()
    hf.chat.completions.create(model="m", messages=[{"role": "user", "content": json.dumps(request.data)}])  # want: LK102


def langchain_calls(request):
    ChatOpenAI().with_config(tags=["support"]).invoke(json.dumps(request.data))  # want: LK102
    prompt = ChatPromptTemplate.from_messages([("human", "{question}")])
    chain = (prompt | ChatOpenAI()).with_config(run_name="support")
    chain.invoke({"question": json.dumps(request.data)})  # want: LK102
    model = ChatOpenAI()
    model.invoke([HumanMessage(content="Finish my sentence."), AIMessage(content=request.POST.get("start", ""))])  # want: LK108
    model.invoke([ChatMessage(role="system", content=request.POST.get("persona", "")), HumanMessage(content="Hi")])  # want: LK108
    # Silent: a user-role ChatMessage with one field.
    model.invoke([ChatMessage(role="user", content=request.POST.get("question", ""))])


async def langchain_async(request):
    legacy = LLMChain(llm=ChatOpenAI(), prompt=ChatPromptTemplate.from_messages([("human", "{q}")]))
    await legacy.acall({"q": json.dumps(request.data)})  # want: LK102


def langchain_agent(request):
    agent = create_agent(model="openai:gpt-4o", tools=[], system_prompt=request.POST.get("persona", ""))
    agent.invoke({"messages": [{"role": "user", "content": "Hi"}]})  # want: LK108
    # Silent: a constant system prompt.
    create_agent(model="openai:gpt-4o", tools=[], system_prompt="Be brief.").invoke({"messages": []})


def llama_tools(request):
    LlamaOpenAI().chat_with_tools([], user_msg=json.dumps(request.data))  # want: LK102


def llm_conversation(request):
    llm.get_model("gpt-4o-mini").conversation().prompt(json.dumps(request.data))  # want: LK102


def mistral_calls(request):
    MistralClient().chat(model="mistral-small", messages=[{"role": "user", "content": json.dumps(request.data)}])  # want: LK102
    m = Mistral(api_key="x")
    m.fim.complete(model="codestral", prompt=json.dumps(request.data))  # want: LK102
    m.embeddings.create(model="mistral-embed", inputs=[request.user.email])  # want: LK104


def openai_calls(request):
    client.beta.assistants.create(model="gpt-4o", instructions=request.POST.get("persona", ""))  # want: LK108
    client.beta.realtime.sessions.create(model="gpt-4o-realtime", instructions=request.POST.get("persona", ""))  # want: LK108
    client.images.generate(model="gpt-image-1", prompt=f"A portrait of {request.user.get_full_name()}")  # want: LK104


async def openai_realtime(request):
    async with client.beta.realtime.connect(model="gpt-4o-realtime") as conn:
        await conn.session.update(session={"modalities": ["text"], "context": json.dumps(request.data)})  # want: LK102
        await conn.conversation.item.create(  # want: LK102
            item={"type": "message", "role": "user", "content": [{"type": "input_text", "text": json.dumps(request.data)}]}
        )


def openai_agents(request):
    agent = Agent(name="support", instructions=request.POST.get("persona", ""))
    Runner.run_sync(agent, "Hello")  # want: LK108
    Runner.run_sync(Agent(name="plain", instructions="Be brief."), json.dumps(request.data))  # want: LK102
    # Silent: a constant agent and a single field as input.
    result = Runner.run_sync(Agent(name="plain", instructions="Be brief."), request.POST.get("question", ""))
    return result.final_output


def openrouter_chat(request):
    with OpenRouter(api_key="x") as router:
        router.chat.send(model="openai/gpt-4o", messages=[{"role": "user", "content": json.dumps(request.data)}])  # want: LK102
