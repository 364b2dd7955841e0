def client_identity(request):
    """The identity the edge service resolved from the client certificate."""
    return request.META.get("HTTP_X_EDGE_IDENTITY", "anonymous")
