"""A base class's methods run on instances of its subclasses: self in a
base method may be any of them (class hierarchy analysis)."""
from abc import ABC

from langchain_openai import ChatOpenAI
from langgraph.prebuilt import create_react_agent
from openai import OpenAI


class Assistant(ABC):
    def __init__(self):
        # Each subclass fills these in.
        self.graph = None
        self.client = None
        self.notes = []

    def reply(self, text):
        return self.graph.invoke({"messages": [("user", text)]})

    def complete(self, text):
        return self.client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])

    def draft(self, text):
        # Defined by subclasses only.
        return self.model().invoke(text)

    def run_later(self, text):
        def step():
            return self.model().invoke(text)

        return step()

    def remember(self, text):
        self.notes.append(text)
        return self.summarize()


class Agent(Assistant):
    def __init__(self):
        super().__init__()
        self.graph = create_react_agent(ChatOpenAI(), tools=[])
        self.client = OpenAI()

    def model(self):
        return ChatOpenAI()

    def summarize(self):
        return len(self.notes)


class Echo(Assistant):
    # Sets no graph or client: its replies never reach a model.
    def model(self):
        return Parrot()

    def summarize(self):
        return "; ".join(self.notes)


class Parrot:
    def invoke(self, text):
        return text


class Standalone:
    def __init__(self):
        self.graph = None

    def reply(self, text):
        # No subclass sets a graph: None stays None.
        return self.graph.invoke({"messages": [("user", text)]})


def converse(request):
    bot = Agent()
    bot.reply(request.POST)  # want: LK102
    bot.complete(request.POST)  # want: LK102
    bot.draft(request.POST)  # want: LK102
    bot.run_later(request.POST)  # want: LK102
    # Silent: the notes reach no model, whichever subclass summarizes.
    bot.remember(request.POST)
    Standalone().reply(request.POST)
