def current_user_label(request):
    """Helper returning PII: the display name and e-mail of the signed-in user."""
    return f"{request.user.get_full_name()} <{request.user.email}>"


def current_user_ref(request):
    """Helper returning a non-PII reference."""
    return f"user-{request.user.pk}"
