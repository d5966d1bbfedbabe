"""The handler kit: typed buttons, declared flows, roles by declaration and hooks between features.

Import from the submodules (`handlers.kit.buttons`, `.flows`, `.access`, `.routes`, `.hooks`); this package
imports nothing itself, so the context can use the hooks without a cycle.
"""
