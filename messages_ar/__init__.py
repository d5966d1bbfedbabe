"""The Arabic message catalogue (Fluent): the bot's sentences in its first language; English is in messages_en/.

`load_messages()` gives this catalogue, `load_messages("en")` the English one (both from the `messages` package).
"""

from messages import Messages, load_messages

__all__ = ["Messages", "load_messages"]
