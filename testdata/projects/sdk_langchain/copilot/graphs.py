"""LangGraph: invoking a compiled graph runs its nodes with the input
state; a node that sends the state's messages to a model is a sink for
whoever invokes the graph."""
from typing import TypedDict

from langchain.agents.openai_assistant import OpenAIAssistantRunnable
from langchain.chains import create_retrieval_chain
from langchain.chains.combine_documents import create_stuff_documents_chain
from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, StateGraph
from langgraph.graph.state import CompiledStateGraph
from langgraph.prebuilt import create_react_agent

model = ChatOpenAI(model="gpt-4o-mini")


class Conversation(TypedDict):
    messages: list
    topic: str


def respond(state: Conversation):
    return {"messages": [model.invoke(state["messages"])]}


def tally(state: Conversation):
    return {"topic": state["topic"].strip()}


def build_chat():
    builder = StateGraph(Conversation)
    builder.add_node("respond", respond)
    builder.add_edge(START, "respond")
    builder.add_edge("respond", END)
    return builder.compile()


def build_tally():
    builder = StateGraph(Conversation)
    builder.add_node(tally)
    return builder.compile()


chat_graph = build_chat()
tally_graph = build_tally()


def chat(request):
    return chat_graph.invoke({"messages": [("user", request.POST)], "topic": ""})  # want: LK102


def topic(request):
    # Silent: this graph's only node calls no model.
    return tally_graph.invoke({"messages": [("user", request.POST)], "topic": ""})


def build_staged():
    def setup(state):
        return {"messages": [("user", state["question"])]}

    def answer(state):
        return {"messages": [model.invoke(state["messages"])]}

    builder = StateGraph(dict)
    builder.add_node("setup", setup)
    builder.add_node("answer", answer)
    return builder.compile()


def build_pipeline():
    def setup(state):
        return {"draft": state["question"]}

    def polish(state):
        return {"polished": f"Rewrite politely: {state.get('draft', '')}"}

    def answer(state):
        return {"messages": [model.invoke(state.get("polished", "Hello"))]}

    builder = StateGraph(dict)
    builder.add_node("setup", setup)
    builder.add_node("polish", polish)
    builder.add_node("answer", answer)
    return builder.compile()


def pipeline(request):
    # Three nodes: the question reaches the model two state updates later.
    return build_pipeline().invoke({"question": request.POST})  # want: LK102


def pipeline_fixed(request):
    # Silent: what the nodes pass along starts from constant text.
    return build_pipeline().invoke({"question": "What are your opening hours?", "user": request.user.pk})


def staged(request):
    # The first node puts the question in the state the second one sends.
    return build_staged().invoke({"question": request.POST})  # want: LK102


def helper_agent(request):
    agent = create_react_agent(model, [], prompt=f"You answer for {request.POST.get('team', '')}.")
    return agent.invoke({"messages": [("user", "Hello")]})  # want: LK108


def with_tools(request, tools):
    # A model with tools bound is still the model, joined with it or not.
    llm = model.bind_tools(tools) if tools else model
    return llm.invoke(request.POST)  # want: LK102


def retried_chain(request):
    chain = (model | (lambda message: message.content)).with_retry()
    return chain.invoke(request.POST)  # want: LK102


class HouseAssistant(OpenAIAssistantRunnable):
    def add_note(self, thread_id, text):
        return self.client.beta.threads.messages.create(thread_id, role="user", content=text)

    def start(self, payload):
        return self._create_thread_and_run(payload)

    def answer_tools(self, thread_id, run_id, outputs):
        return self.client.beta.threads.runs.submit_tool_outputs(thread_id=thread_id, run_id=run_id, tool_outputs=outputs)


def assistant_note(request):
    return HouseAssistant(assistant_id="asst_1").add_note("thread_1", str(request.POST))  # want: LK102


def assistant_run(request):
    return HouseAssistant(assistant_id="asst_1").start({"content": str(request.POST)})  # want: LK102


def retrieval(request, retriever):
    documents_chain = create_stuff_documents_chain(model, None)
    chain = create_retrieval_chain(retriever, documents_chain)
    return chain.invoke({"input": str(request.POST)})  # want: LK102


def assistant_invoke(request):
    return OpenAIAssistantRunnable(assistant_id="asst_1").invoke({"content": str(request.POST)})  # want: LK102


def local_model():
    from langchain_community.llms import LlamaCpp

    return LlamaCpp(model_path="/models/llama.gguf")


def hosted_model():
    return ChatOpenAI(model="gpt-4o-mini")


def any_model(request, kind):
    # A table of model factories: whichever is picked, it is a model.
    factories = {"local": local_model, "hosted": hosted_model}
    if kind not in factories:
        raise ValueError(kind)
    return factories[kind]().invoke(str(request.POST))  # want: LK102


def pick_agent(quick):
    if quick:
        return create_react_agent(model, [])
    return build_chat()


def either(request, quick):
    # A graph or a prebuilt agent: whichever it is, it runs the model.
    return pick_agent(quick).invoke({"messages": [("user", str(request.POST))], "topic": ""})  # want: LK102


def graph_chain(request):
    chain = build_chat() | (lambda state: state["messages"][-1])
    return chain.invoke({"messages": [("user", str(request.POST))], "topic": ""})  # want: LK102


def tool_results(request):
    outputs = [{"tool_call_id": "call_1", "output": str(request.POST)}]
    return HouseAssistant(assistant_id="asst_1").answer_tools("thread_1", "run_1", outputs)  # want: LK102


def run_graph(app: CompiledStateGraph, state):
    # Typed by its annotation alone: a compiled graph, nodes unknown.
    return app.invoke(state)


def declared_graph(request, app: CompiledStateGraph):
    return app.invoke({"messages": [("user", str(request.POST))]})  # want: LK102


def declared_graph_constant(app: CompiledStateGraph):
    # Silent: nothing from the request.
    return run_graph(app, {"messages": [("user", "Hello")]})


class Responder:
    # A callable node object: the graph calls the instance.
    def __call__(self, state: Conversation):
        return respond(state)


def generic_graph(request):
    # StateGraph[Conversation] is the StateGraph class, parametrized.
    builder = StateGraph[Conversation](Conversation)
    builder.add_node("respond", Responder())
    builder.add_edge(START, "respond")
    return builder.compile().invoke({"messages": [("user", str(request.POST))], "topic": ""})  # want: LK102


def generic_tally(request):
    # Silent: the only node reads the topic.
    builder = StateGraph[Conversation](Conversation)
    builder.add_node("tally", tally)
    return builder.compile().invoke({"messages": [], "topic": str(request.POST)})


class ChatBuilder:
    # The graph is kept on the object; its nodes are added by another method.
    def __init__(self):
        self.builder = StateGraph(Conversation)
        self._graph = None

    def add_nodes(self):
        self.builder.add_node("respond", Responder())
        self.builder.add_node("tally", tally)

    def graph(self):
        if self._graph is None:
            self.add_nodes()
            self._graph = self.builder.compile()
        return self._graph


def kept_graph(request):
    return ChatBuilder().graph().invoke({"messages": [("user", str(request.POST))], "topic": ""})  # want: LK102
