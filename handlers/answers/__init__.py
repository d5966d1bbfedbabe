"""Answers to recommendations: from the officer's inbox to what the author and the public see.

The inbox, answer sheets, notifying authors, moderation, publishing, search, merging and group notices.
"""
