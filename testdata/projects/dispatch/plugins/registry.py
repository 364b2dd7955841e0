"""A registry class with no type parameter; each module-level registry
holds only what was registered in it."""


class Registry:
    def __init__(self):
        self.entries = {}

    def register(self, entry):
        if entry.key in self.entries:
            raise ValueError(entry.key)
        self.entries[entry.key] = entry

    def get(self, key):
        if key not in self.entries:
            raise KeyError(key)
        return self.entries[key]
