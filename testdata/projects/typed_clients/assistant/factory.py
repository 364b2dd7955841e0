import importlib


def build_client():
    # The client class is chosen at run time: nothing here says which.
    module = importlib.import_module("vendor_sdk")
    return module.Client()
