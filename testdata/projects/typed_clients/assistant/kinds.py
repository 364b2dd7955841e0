"""Classes named by a Type[...] annotation: a factory whose registry the
analysis cannot follow, and one that picks among more classes than it
lists, both declare the base class they return."""
import json
from importlib import import_module
from typing import Optional, Type

from openai import OpenAI

client = OpenAI()


class Notice:
    def __init__(self, text):
        self.text = text

    def deliver(self):
        return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": self.text}])


class Reminder(Notice):
    pass


def notice_class(path) -> Type[Notice]:
    # A class loaded by dotted path: nothing here says which.
    module, _, name = path.rpartition(".")
    return getattr(import_module(module), name)


class A1(Notice): ...
class A2(Notice): ...
class A3(Notice): ...
class A4(Notice): ...
class A5(Notice): ...
class A6(Notice): ...
class A7(Notice): ...
class A8(Notice): ...
class A9(Notice): ...


KINDS = {"a1": A1, "a2": A2, "a3": A3, "a4": A4, "a5": A5, "a6": A6, "a7": A7, "a8": A8, "a9": A9}


def kind_class(kind) -> Optional[Type[Notice]]:
    return KINDS.get(kind)


def loaded_notice(request):
    # The class comes from a dotted path; the whole form goes into it.
    return notice_class(request.GET.get("cls", ""))(json.dumps(request.POST)).deliver()  # want: LK102


def loaded_notice_fixed_text(request):
    # Silent: the text is ours.
    return notice_class(request.GET.get("cls", ""))("Your order shipped.").deliver()


def picked_notice(request):
    # One of nine classes: the declared base stands for them.
    return kind_class(request.GET.get("kind", ""))(json.dumps(request.POST)).deliver()  # want: LK102


def picked_notice_fixed_text(request):
    # Silent: the text is ours.
    return kind_class(request.GET.get("kind", ""))("Your order shipped.").deliver()
