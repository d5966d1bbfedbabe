"""Recommending and taking part: a person's recommendations and the ones they support.

A new recommendation, similar ones, one's own list, endorsing, following, flood control and status.
"""
