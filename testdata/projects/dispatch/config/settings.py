SECRET_KEY = "not-a-real-key"
AI_BACKEND = "backends.providers.ChatBackend"
SPELLCHECK_BACKEND = "backends.providers.SpellChecker"
