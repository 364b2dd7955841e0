"""Public API of the llm app: callers import the wrappers from here."""
from .services import ask_model, summarize_text

__all__ = ["ask_model", "summarize_text"]
