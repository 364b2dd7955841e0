"""Redaction helpers. scrub is a sanitizer only because the project's config says so."""


def scrub(value):
    return str(value).replace("@", " at ").replace("\n", " ")
