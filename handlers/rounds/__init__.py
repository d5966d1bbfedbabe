"""Consultation rounds: a meeting's whole life, from its creation to its findings.

Creating, editing and announcing a round, joining it, the hall, its timeline and notices, rapporteurs, findings.
"""
