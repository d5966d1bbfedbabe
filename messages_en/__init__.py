"""The English message catalogue (Fluent): the same keys and placeholders as messages_ar/, in English."""
