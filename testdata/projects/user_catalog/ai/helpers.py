from .gateway import send


def forward(text):
    """A project wrapper around the declared sink."""
    return send(f"[portal] {text}")
