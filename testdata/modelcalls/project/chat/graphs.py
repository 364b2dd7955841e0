"""Calls that send text to a model carry a model-call comment: SDK calls,
and the graph runs whose nodes make one. TestModelCalls checks that
exactly these are recognised."""
from typing import Literal, TypedDict

from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, StateGraph

llm = ChatOpenAI(model="gpt-4o-mini")


class State(TypedDict):
    messages: list


def answer(state: State):
    return {"messages": [llm.invoke(state["messages"])]}  # model-call


def count(state: State):
    return {"messages": state["messages"] + [str(len(state["messages"]))]}


def build(node):
    graph = StateGraph(State)
    graph.add_node("step", node)
    graph.add_edge(START, "step")
    graph.add_edge("step", END)
    return graph.compile()


def ask(text):
    return build(answer).invoke({"messages": [("user", text)]})  # model-call


def tally(text):
    # Not a model call: the only node counts.
    graph = StateGraph(State)
    graph.add_node("count", count)
    graph.add_edge(START, "count")
    return graph.compile().invoke({"messages": [("user", text)]})


def run(text, mode: Literal["invoke", "stream"] = "invoke"):
    # The method named by a Literal-typed parameter: either runs the graph.
    return getattr(build(answer), mode)({"messages": [("user", text)]})  # model-call
