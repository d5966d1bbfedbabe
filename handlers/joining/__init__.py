"""Joining and settling in: what a person does to come in and make the bot theirs.

Registration, names, privacy and disclosure, language, settings, questions, help and the command menus by role.
"""
