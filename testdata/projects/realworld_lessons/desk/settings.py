SECRET_KEY = "django-insecure-not-a-real-key"
VECTOR_API_KEY = "set-from-the-environment"
LLM_MODEL = "gpt-4o-mini"
