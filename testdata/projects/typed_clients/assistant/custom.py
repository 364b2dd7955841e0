"""Project classes built on SDK classes are those classes, through any
depth of project bases and mixins."""
from langchain_core.language_models import BaseChatModel
from openai import OpenAI


class RetryMixin:
    retries = 3


class HouseModel(RetryMixin, BaseChatModel):
    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        raise NotImplementedError


class TunedHouseModel(HouseModel):
    pass


class GatewayClient(OpenAI):
    pass


class Notebook(RetryMixin):
    def invoke(self, text):
        return text.upper()


def ask(request):
    TunedHouseModel().invoke(request.POST)  # want: LK102
    GatewayClient().chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": request.POST}])  # want: LK102
    # Silent: a project class with a method of the same name is no model.
    Notebook().invoke(request.POST)
